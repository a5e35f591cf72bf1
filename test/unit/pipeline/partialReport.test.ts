import { strict as assert } from 'node:assert';
import { tempDir, type GitFixture } from '../../kit/gitFixture';
import { buildScenario, SCENARIO_WINDOW } from '../../kit/scenarioRepo';
import { FakeJira } from '../../kit/fakeJira';
import { sprintJiraOptions } from '../../kit/fakeSprintScenario';
import { computeReport, loadDataset } from '../../../src/core/pipeline';
import { isKpiLoading, partialReport, waitingFor, type PartialReport } from '../../../src/core/partialReport';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import type { PartialDataset, PipelineInput } from '../../../src/core/pipelineTypes';
import type { CommitStore } from '../../../src/core/sources/git/commitStore';
import { historyOf } from '../../../src/core/metrics/shared/historyOf';
import type { ReportInput } from '../../../src/core/metrics/reportInput';
import type { ReportDetails } from '../../../src/core/metrics/registry';
import { KPI_NAMES } from '../../../src/core/metrics/registry';

const NOW = Date.parse('2026-10-01T00:00:00Z') / 1000;
const REPORT_INPUT: ReportInput = { window: SCENARIO_WINDOW, options: DEFAULT_OPTIONS, now: NOW };

interface Seen {
  report: PartialReport;
  details: Partial<ReportDetails>;
  /** The dataset's line counts when the partial was reported. */
  sourceLines: number;
  files: number;
  /** Bug fixes whose file lists were in the store when the partial was reported, and lists read on the spot to compute it. */
  fixListsIn: number;
  lateReads: number;
}

/** The partial's report, and what the dataset held when the pipeline reported it. */
function seeing(p: PartialDataset): Seen {
  const store = p.dataset.graph as CommitStore;
  const fixes = historyOf(p.dataset, DEFAULT_OPTIONS.releaseTagPattern).bugFixes.map((c) => store.indexOf(c.hash));
  const fixListsIn = fixes.filter((i) => store.hasFiles(i)).length;
  const before = store.lateReads;
  const partial = partialReport(p, REPORT_INPUT);
  return { ...partial, sourceLines: p.dataset.kloc.sourceLines, files: p.dataset.kloc.files.length, fixListsIn, lateReads: store.lateReads - before };
}

/** Loads the scenario's dataset cold, keeping every partial result as the pipeline reports it. */
async function load(repo: GitFixture, extra: Partial<PipelineInput> = {}) {
  const seen: Seen[] = [];
  const dataset = await loadDataset({
    repoPath: repo.dir,
    cacheRoot: tempDir(),
    options: DEFAULT_OPTIONS,
    onPartial: (p) => seen.push(seeing(p)),
    ...extra,
  });
  return { seen, final: computeReport(dataset, REPORT_INPUT), dataset };
}

describe('progressive results: the KPIs git history gives, before the rest is in (issue 14)', () => {
  let repo: GitFixture;
  before(() => {
    repo = buildScenario();
  });
  after(() => repo.remove());

  it('reports one partial result, once git\'s metadata is read: before the fixes\' file lists and the lines at HEAD are in, and computing it reads no file list', async () => {
    const { seen, dataset } = await load(repo);
    assert.equal(seen.length, 1);
    assert.equal(seen[0]!.files, 0);
    assert.equal(seen[0]!.sourceLines, 0);
    assert.equal(seen[0]!.fixListsIn, 0, 'no fix\'s file list is in yet');
    assert.equal(seen[0]!.lateReads, 0, 'the ready KPIs read no file list');
    assert.ok(dataset.kloc.sourceLines > 0, 'the final dataset counts the lines');
    assert.ok(historyOf(dataset, DEFAULT_OPTIONS.releaseTagPattern).bugFixes.length > 0, 'the scenario has bug fixes');
  });

  it('cycle time, velocity, time to market and escalations are already the final report\'s; defect density and test effectiveness are loading, without a value', async () => {
    const { seen, final } = await load(repo);
    const { report, details } = seen[0]!;
    assert.equal(report.partial, true);
    for (const name of ['cycleTime', 'velocity', 'timeToMarket', 'escalations'] as const) {
      assert.deepEqual(report.kpis[name], final.report.kpis[name], name);
      assert.deepEqual(details[name], final.details[name], name);
    }
    // The scenario's cycle time is a real number (48 h and 6 h changes in the window), not a placeholder.
    assert.equal(typeof final.report.kpis.cycleTime.value, 'number');
    for (const name of ['defectDensity', 'testEffectiveness'] as const) {
      assert.deepEqual(report.kpis[name], { loading: true, waitingFor: ['files', 'lines'] }, name);
      assert.ok(!('value' in report.kpis[name]), `${name} has no value while loading`);
      assert.equal(details[name], undefined, `${name} has no details while loading`);
    }
  });

  it('the final report is the same whether or not a partial one was reported on the way', async () => {
    const withPartial = await load(repo);
    const without = await load(repo, { onPartial: undefined });
    assert.equal(without.seen.length, 0);
    assert.deepEqual(withPartial.final.report, without.final.report);
    assert.deepEqual(JSON.parse(JSON.stringify(withPartial.final.details)), JSON.parse(JSON.stringify(without.final.details)));
  });

  it('keeps its own warnings and sources: what the pipeline adds to the dataset later does not change a partial report already shown', async () => {
    const { seen, dataset } = await load(repo);
    const { report } = seen[0]!;
    dataset.warnings.push('added after the partial result');
    dataset.sources.github = { status: 'error', message: 'later' };
    assert.ok(!(report.warnings ?? []).includes('added after the partial result'));
    assert.equal(report.sources.github.status, 'off');
  });

  it('in a window without a git commit, cycle time waits for a pending Jira too: its issues could make the window active', async () => {
    const { dataset } = await load(repo, { onPartial: undefined });
    const quiet: ReportInput = { ...REPORT_INPUT, window: { since: NOW + 86_400, until: NOW + 31 * 86_400 } };
    const { report } = partialReport({ dataset, pending: ['lines', 'jira'] }, quiet);
    assert.deepEqual(report.kpis.cycleTime, { loading: true, waitingFor: ['jira'] });
    // With activity in both windows (the scenario's own), Jira cannot change it.
    assert.equal(isKpiLoading(partialReport({ dataset, pending: ['lines', 'jira'] }, REPORT_INPUT).report.kpis.cycleTime), false);
  });

  describe('with Jira configured and not answering yet', () => {
    let jira: FakeJira;
    before(async () => {
      jira = await new FakeJira(sprintJiraOptions()).start();
    });
    after(() => jira.stop());

    it('shows cycle time before Jira answers; every KPI Jira can change waits for it, and the final report has Jira\'s figures', async () => {
      const release = jira.hold();
      const { seen, final } = await load(repo, {
        jira: { url: jira.url, project: 'AR', boardId: 1, deployment: 'server', token: async () => 'secret-token' },
        // Jira answers only once the pipeline has gone past the partial result: no timer decides the order.
        onProgress: (p) => p.phase === 'lines' && release(),
      });
      assert.equal(seen.length, 1);
      const { report } = seen[0]!;
      const { issueCycleTime, ...gitCycleTime } = final.report.kpis.cycleTime;
      assert.equal(typeof (issueCycleTime as { value?: unknown } | undefined)?.value, 'number', 'the final report has Jira\'s issue cycle time');
      assert.deepEqual(report.kpis.cycleTime, gitCycleTime, 'cycle time, without the issue cycle time Jira adds');
      assert.equal(final.report.kpis.velocity.source, 'jira', 'the final velocity is Jira\'s');
      assert.deepEqual(report.kpis.velocity, { loading: true, waitingFor: ['jira'] });
      assert.deepEqual(report.kpis.escalations, { loading: true, waitingFor: ['jira'] });
      assert.deepEqual(report.kpis.defectDensity, { loading: true, waitingFor: ['files', 'lines', 'jira'] });
      assert.ok(jira.log.length > 0, 'Jira was asked');
    });

    it('once the lines are counted, the progress says it waits for Jira (not still "Counting lines")', async () => {
      const release = jira.hold();
      const messages: string[] = [];
      await load(repo, {
        jira: { url: jira.url, project: 'AR', boardId: 1, deployment: 'server', token: async () => 'secret-token' },
        // Jira answers only when the progress says it is waited for: without that message the run never ends.
        onProgress: (p) => {
          messages.push(p.message);
          if (p.message === 'Waiting for Jira') release();
        },
      });
      const counting = messages.indexOf('Counting lines of code at HEAD');
      assert.ok(counting >= 0 && messages.indexOf('Waiting for Jira') > counting, messages.join('; '));
      assert.equal(messages.at(-1), 'Computing KPIs');
    });
  });
});

describe('which KPIs wait for which input (partialReport.ts)', () => {
  it('GitHub: every KPI waits for it (pull requests, releases and issues replace git\'s)', () => {
    for (const name of KPI_NAMES) assert.deepEqual(waitingFor(name, ['github']), ['github'], name);
  });

  it('Jira: all but cycle time, whose value is GitHub\'s or git\'s', () => {
    assert.deepEqual(KPI_NAMES.filter((k) => waitingFor(k, ['jira']).length === 0), ['cycleTime']);
  });

  it('without activity in git alone, cycle time waits for Jira too (its issues could make the window active)', () => {
    assert.deepEqual(waitingFor('cycleTime', ['lines', 'jira'], false), ['jira']);
  });

  it('a loading KPI is told apart from a value, a null one included', () => {
    assert.equal(isKpiLoading({ loading: true, waitingFor: ['lines'] }), true);
    assert.equal(isKpiLoading({ value: null, unit: 'hours', reason: 'no merged changes in window' }), false);
  });
});
