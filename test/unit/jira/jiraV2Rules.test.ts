import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import type { Issue } from '../../../src/core/model/issue';
import { DEFAULT_OPTIONS, type KpiOptions } from '../../../src/core/options';
import { loadDataset } from '../../../src/core/pipeline';
import { computeIssueCycleTime } from '../../../src/core/metrics/cycleTime/issueCycleTime';
import { computeJiraVelocity } from '../../../src/core/metrics/velocity/jiraVelocity';
import { computeJiraTimeToMarket } from '../../../src/core/metrics/timeToMarket/jiraTimeToMarket';
import { computeDefectRemovalEfficiency } from '../../../src/core/metrics/testEffectiveness/defectRemovalEfficiency';
import { syncJira, type JiraData } from '../../../src/core/sources/jira/syncJira';
import { buildSprintReview } from '../../../src/core/sprintReview/buildSprintReview';
import { extractHistory } from '../../../src/core/sources/jira/extractIssue';
import { readStatuses } from '../../../src/core/sources/jira/jiraFields';
import { FakeJira } from '../../kit/fakeJira';
import { FIXED, history, resolutionChange, statusListJson, statusMove, transition, type RawJson } from '../../kit/fakeJiraData';
import { D, H, S, SPRINT_ID, v2Issues, v2Sprints } from '../../kit/fakeJiraV2Scenario';
import { GitFixture, tempDir as gitTempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { configFor, EMAIL, recordingRetry, tempDir, TOKEN } from './jiraTestKit';

const WINDOW = { since: S - D, until: S + 60 * D };
const NOW = S + 70 * D;

/**
 * What a user writes in .engineering-kpis.json: the English names, which Cloud matches through
 * `untranslatedName`; Server gives no untranslated names, so there the type ids are listed (v2).
 */
function typeSettings(variant: 'cloud' | 'server'): Pick<KpiOptions, 'featureTypes' | 'defectTypes'> {
  return variant === 'cloud' ? { featureTypes: ['Story'], defectTypes: ['Bug'] } : { featureTypes: ['10001', 'Epic', 'Feature'], defectTypes: ['10004'] };
}

function optionsFor(variant: 'cloud' | 'server'): KpiOptions {
  return { ...DEFAULT_OPTIONS, ...typeSettings(variant) };
}

interface V2Report {
  sources: { jira: { status: string; message?: string } };
  kpis: Record<'cycleTime' | 'velocity' | 'timeToMarket' | 'testEffectiveness', { value: number | null; excluded?: Record<string, number>; issueCycleTime?: { value: number | null; excluded?: Record<string, number> } }>;
}

for (const variant of ['cloud', 'server'] as const) {
  describe(`Jira v2 rules against the fake Jira ${variant === 'cloud' ? 'Cloud' : 'Server'} (types shown in Chinese)`, () => {
    let fake: FakeJira;
    let data: JiraData;
    const byKey = (k: string): Issue => data.issues.find((i) => i.key === k)!;
    before(async () => {
      fake = await new FakeJira({ variant, issues: v2Issues(variant), sprints: v2Sprints() }).start();
      data = await syncJira(configFor(fake), await tempDir(), { retry: recordingRetry().policy });
      assert.equal(data.status.status, 'ok', data.status.message);
    });
    after(async () => fake.stop());

    it('extracts the type id, the untranslated name where the API gives it, the sub-task flag and invalid estimates', () => {
      assert.deepEqual([byKey('AR-1').type, byKey('AR-1').typeId, byKey('AR-1').typeUntranslated], ['故事', '10001', variant === 'cloud' ? 'Story' : undefined]);
      assert.equal(byKey('AR-4').subtask, true);
      assert.equal(byKey('AR-1').subtask, undefined);
      assert.deepEqual([byKey('AR-5').storyPoints, byKey('AR-5').storyPointsInvalid], [null, true]); // -2
      assert.deepEqual([byKey('AR-6').storyPoints, byKey('AR-6').storyPointsInvalid], [null, true]); // option "?"
      assert.deepEqual([byKey('AR-2').storyPoints, byKey('AR-2').storyPointsInvalid], [3, undefined]);
    });

    it('a status id missing from /rest/api/2/status takes its category from the resolution then, and is flagged', () => {
      const statusMoves = (k: string) => byKey(k).history.filter((c) => c.field === 'status').map((c) => [c.to, c.fromCategory, c.toCategory, c.unknownStatus ?? false]);
      // AR-7: "QA Failed" entered with the resolution cleared, after In Progress → indeterminate.
      assert.deepEqual(statusMoves('AR-7'), [
        ['In Progress', 'new', 'indeterminate', false],
        ['Done', 'indeterminate', 'done', false],
        ['QA Failed', 'done', 'indeterminate', true],
        ['Done', 'indeterminate', 'done', true],
      ]);
      // AR-8: "Resolved" entered with a resolution → done; the migration out of it is done → done.
      assert.deepEqual(statusMoves('AR-8'), [
        ['In Progress', 'new', 'indeterminate', false],
        ['Resolved', 'indeterminate', 'done', true],
        ['Done', 'done', 'done', true],
      ]);
    });

    it('velocity: created after the start is not committed, sub-tasks are out, invalid estimates are unestimated', () => {
      const { kpi } = computeJiraVelocity(data.issues, data.sprints, WINDOW, optionsFor(variant), NOW);
      // Committed at S: AR-1 5 + AR-2 3 + AR-7 8 + AR-8 1 = 17 (AR-3 and the sub-task AR-4 were
      // created two minutes later; AR-5 -2 and AR-6 "?" are unestimated).
      // Completed at S+14d: AR-1 5 + AR-3 2 + AR-7 8 + AR-8 1 (in a deleted status, resolved → done) = 16.
      // Version 1 gave committed 5+3+2+2+8+1−2 = 19 and completed 5+2+2+8 = 17.
      assert.deepEqual(kpi.sprints, [{ id: SPRINT_ID, name: `Sprint ${SPRINT_ID}`, committed: 17, completed: 16, sayDoRatio: 0.9412, unestimated: 2, basis: 'changelog' }]);
      assert.equal(kpi.value, 16);
      assert.equal(kpi.unestimated, 2);
      assert.deepEqual(kpi.excluded, { invalidEstimate: 2, unknownStatus: 2 }); // AR-5, AR-6; AR-7, AR-8
    });

    it('issue cycle time: a done → done migration does not re-finish; unknown statuses are counted', () => {
      const { kpi, details } = computeIssueCycleTime(data.issues, WINDOW, optionsFor(variant), NOW);
      // AR-1 72 h, AR-3 24 h, AR-7 96 h (finish after QA Failed), AR-8 48 h (not the day-30
      // migration), AR-9 10 h (not 460 h); AR-4 went To Do → Done and never started.
      assert.deepEqual(details.items.map((i) => [i.id, i.value]).sort(), [['AR-1', 72], ['AR-3', 24], ['AR-7', 96], ['AR-8', 48], ['AR-9', 10]]);
      // Sorted 10, 24, 48, 72, 96: median 48; p85 at position 3.4 = 72 + 0.4 × 24 = 81.6.
      assert.deepEqual([kpi.value, kpi.p85, kpi.sampleSize, kpi.skippedNeverStarted], [48, 81.6, 5, 1]);
      assert.deepEqual(kpi.excluded, { unknownStatus: 2 });
    });

    it('"Story" and "Bug" match types shown as 故事 and 缺陷 (by untranslated name on Cloud, by id on Server)', () => {
      const ttm = computeJiraTimeToMarket(data.issues, WINDOW, optionsFor(variant), NOW).kpi;
      // AR-1 created 2026-02-27 09:00, version 1.0 released 2026-03-08 00:00: 8 d 15 h = 8.625 d.
      assert.deepEqual([ttm.value, ttm.sampleSize], [8.625, 1]);
      // Bugs created in the window: AR-3 and AR-9 (created at `since`), neither escaped.
      const dre = computeDefectRemovalEfficiency(data.issues, WINDOW, optionsFor(variant), NOW).kpi;
      assert.deepEqual([dre.value, dre.sampleSize], [1, 2]);
      if (variant === 'server') {
        // Without untranslated names, the displayed 故事 does not match "Story": the id is needed.
        assert.equal(computeJiraTimeToMarket(data.issues, WINDOW, DEFAULT_OPTIONS, NOW).kpi.value, null);
      }
    });

    it('CLI: the report JSON carries each count under `excluded` as the spec names it, and the table says why', async () => {
      const repo = GitFixture.init();
      const cache = gitTempDir('ekpi-v2-cli-');
      try {
        repo.commit('initial', { 'src/a.ts': 'export const a = 1;\n', '.engineering-kpis.json': JSON.stringify(typeSettings(variant)) }, { date: '2026-03-03T00:00:00Z' });
        const env = variant === 'cloud' ? { JIRA_EMAIL: EMAIL, JIRA_API_TOKEN: TOKEN } : { JIRA_PAT: TOKEN };
        const args = ['report', '--repo', repo.dir, '--cache-dir', cache, '--since', '2026-03-01T09:00:00Z', '--until', '2026-05-01T09:00:00Z', '--jira-url', fake.url, '--jira-project', 'AR', '--jira-board', '1'];
        const run = await runCliInProcess([...args, '--format', 'json'], { env, now: NOW * 1000 });
        assert.equal(run.code, 0, run.stderr);
        const report = JSON.parse(run.stdout) as V2Report;
        assert.equal(report.sources.jira.status, 'ok', report.sources.jira.message);
        // The window [S−1d, S+60d) is the one of the tests above: the same values.
        assert.deepEqual([report.kpis.velocity.value, report.kpis.velocity.excluded], [16, { invalidEstimate: 2, unknownStatus: 2 }]);
        assert.deepEqual([report.kpis.cycleTime.issueCycleTime?.value, report.kpis.cycleTime.issueCycleTime?.excluded], [48, { unknownStatus: 2 }]);
        assert.equal(report.kpis.timeToMarket.value, 8.625);
        const table = await runCliInProcess(args, { env, now: NOW * 1000 });
        assert.match(table.stdout, /^Velocity: 2 issues have invalid estimates \(negative or not a number\): counted as unestimated$/m);
        assert.match(table.stdout, /^Issue cycle time: 2 issues passed through a status the site no longer has/m);
      } finally {
        repo.remove();
        rmSync(cache, { recursive: true, force: true });
      }
    });

    it('sprint review: the same counts under each figure, scope added at creation, one data-quality line per rule', async () => {
      const repo = GitFixture.init();
      const cache = gitTempDir('ekpi-v2-review-');
      try {
        repo.commit('initial', { 'src/a.ts': 'export const a = 1;\n' }, { date: '2026-02-01T00:00:00Z' });
        const dataset = await loadDataset({
          repoPath: repo.dir, cacheRoot: cache, options: optionsFor(variant),
          jira: { ...configFor(fake), token: async () => TOKEN },
        });
        const review = buildSprintReview(dataset, { sprintId: SPRINT_ID }, optionsFor(variant), NOW);
        const d = review.delivery;
        assert.deepEqual([d.figures.committedPoints.value, d.figures.completedPoints.value], [17, 16]);
        assert.deepEqual(d.figures.committedPoints.excluded, { invalidEstimate: 2, unknownStatus: 2 });
        assert.deepEqual(d.figures.unestimatedIssues.excluded, { invalidEstimate: 2, unknownStatus: 2 });
        // AR-3 was created into the running sprint (no Sprint item); the sub-task AR-4 is in no list.
        assert.deepEqual(d.scopeAdded.map((i) => [i.key, i.points]), [['AR-3', 2]]);
        assert.deepEqual(d.carryOver.map((i) => [i.key, i.points]), [['AR-2', 3], ['AR-5', null], ['AR-6', null]]);
        assert.deepEqual(d.unestimated.map((i) => i.key), ['AR-5', 'AR-6']);
        // Finished in [S, S+14d): 72, 24, 96, 48, 10 h → median 48.
        assert.equal(review.flow.figures.issueCycleTimeMedian.value, 48);
        assert.deepEqual(review.flow.figures.issueCycleTimeMedian.excluded, { unknownStatus: 2 });
        const notes = review.dataQuality.filter((n) => /invalid estimate|no longer has/.test(n));
        assert.deepEqual(notes, [
          '2 issues have invalid estimates (negative or not a number): counted as unestimated (AR-5, AR-6)',
          '2 issues passed through a status the site no longer has: its category was taken from the resolution (AR-7, AR-8)',
        ]);
      } finally {
        repo.remove();
        rmSync(cache, { recursive: true, force: true });
      }
    });
  });
}

describe('statuses of unknown category (spec §2, v2), one changelog at a time', () => {
  const ctx = { baseUrl: 'https://jira.example', fields: { storyPoints: [], sprint: null, epicLink: null }, statuses: readStatuses(statusListJson()) };
  const categories = (items: RawJson[], resolvedAt: number | null = null) =>
    extractHistory(items, ctx, { createdAt: S - D, resolvedAt }).filter((c) => c.field === 'status').map((c) => [c.fromCategory, c.toCategory]);

  it('a deleted status entered straight from To Do, unresolved, is new: the issue never started', () => {
    assert.deepEqual(categories([history(1, S, [statusMove('1', 'To Do', '10600', 'Triage')]), history(2, S + D, [statusMove('10600', 'Triage', '10001', 'Done'), resolutionChange(FIXED)])], S + D),
      [['new', 'new'], ['new', 'done']]);
  });

  it('matches by id, never by name: an unknown id named "Done" is not done while unresolved', () => {
    assert.deepEqual(categories([history(1, S, [transition('To Do', 'In Progress')]), history(2, S + H, [statusMove('3', 'In Progress', '10900', 'Done')])]),
      [['new', 'indeterminate'], ['indeterminate', 'indeterminate']]);
  });

  it('without resolution items the resolution date says since when the issue was resolved', () => {
    // Imported issues often carry a resolution date and no resolution history.
    assert.deepEqual(categories([history(1, S, [transition('To Do', 'In Progress')]), history(2, S + H, [statusMove('3', 'In Progress', '10900', 'Archived')])], S + H),
      [['new', 'indeterminate'], ['indeterminate', 'done']]);
  });
});
