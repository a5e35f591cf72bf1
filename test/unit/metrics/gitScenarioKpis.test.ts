import { strict as assert } from 'node:assert';
import { buildScenario } from '../../kit/scenarioRepo';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { tempDir, type GitFixture } from '../../kit/gitFixture';
import type { Report } from '../../../src/core/metrics/registry';

describe('git-only KPIs on a hand-computed repository (spec §1–6 git fallbacks)', () => {
  let repo: GitFixture;
  let report: Report;

  before(async () => {
    repo = buildScenario();
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--since', '2026-09-01', '--until', '2026-10-01', '--format', 'json', '--cache-dir', tempDir()]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '', 'progress stays quiet when stderr is not a terminal');
    report = JSON.parse(run.stdout) as Report; // stdout holds the JSON and nothing else
  });
  after(() => repo.remove());

  it('prints the spec report shape with window, repository and sources', () => {
    assert.equal(report.schemaVersion, 1);
    assert.equal(report.window.since, '2026-09-01T00:00:00Z');
    assert.equal(report.window.until, '2026-10-01T00:00:00Z');
    assert.equal(report.repository.defaultBranch, 'main');
    assert.equal(report.repository.head, repo.head());
    assert.equal(report.repository.shallow, false);
    assert.deepEqual(report.sources.git, { status: 'ok' });
    assert.equal(report.sources.github.status, 'off');
    assert.equal(report.sources.jira.status, 'off');
  });

  it('cycle time: merges and squash commits, median 48 h, p85 81.6 h, mean 50 h', () => {
    const ct = report.kpis.cycleTime;
    assert.equal(ct.source, 'git');
    assert.equal(ct.unit, 'hours');
    assert.equal(ct.sampleSize, 3); // 6 h, 48 h, 96 h
    assert.equal(ct.value, 48);
    assert.equal(ct.p85, 81.6); // 48 + 0.7 × (96 − 48)
    assert.equal(ct.mean, 50);
    assert.equal(ct.previous, 24); // the "old" branch: 08-10 → 08-11
  });

  it('cycle time phases: git has only deploy (merge → earliest release containing it)', () => {
    const phases = report.kpis.cycleTime.phases as Record<string, { median: number | null; sampleSize: number }>;
    // deploy: C 09-20 → v1.1 09-20 = 0 h. A (09-04) and the squash (09-10 06:00) are first released by
    // v1.0.0, the first release tag: by v2's "the first release starts the clock" they have no deploy
    // phase (v1 gave them 192 h and 42 h, median 42 h) and count in excluded.firstRelease.
    assert.equal(phases.deploy!.median, 0);
    assert.equal(phases.deploy!.sampleSize, 1);
    assert.equal((report.kpis.cycleTime.excluded as Record<string, number>).firstRelease, 2);
    assert.equal(phases.pickup!.median, null);
    assert.equal(phases.review!.sampleSize, 0);
  });

  it('velocity: 3 changes in 30 days = 0.7 changes/week; previous window 1 change = 0.2333', () => {
    const v = report.kpis.velocity;
    assert.equal(v.unit, 'changes/week');
    assert.equal(v.source, 'git');
    assert.equal(v.value, 0.7);
    assert.equal(v.sampleSize, 3);
    assert.equal(v.previous, 0.2333);
  });

  it('time to market: lead time of commits first released in window, median 4.5 days, 1 unreleased; the first release starts the clock', () => {
    const t = report.kpis.timeToMarket;
    assert.equal(t.unit, 'days');
    assert.equal(t.source, 'git');
    // v1.0.0 (09-12) is the first release tag of the history: v2's "the first release starts the clock"
    // leaves out what it released first (initial, old, add x, more x, squash: 5 commits; v1 counted them
    // with 42, 33, 10, 8.5 and 2 d and gave a median of 8.5 d). v1.1 (09-20): fix 5 d, typo 4 d → 4.5 d.
    assert.equal(t.sampleSize, 2);
    assert.equal(t.value, 4.5);
    assert.deepEqual(t.excluded, { firstRelease: 5 });
    assert.equal(t.unreleased, 1); // "docs: readme"
  });

  it('defect density: 2 bug-fix commits over 11 source lines (0.011 KLOC)', () => {
    const d = report.kpis.defectDensity;
    assert.equal(d.unit, 'defects/KLOC');
    assert.equal(d.source, 'git');
    assert.equal(d.defects, 2);
    assert.equal(d.kloc, 0.011); // main.ts 4 + x.ts 3 + y.ts 1 + util.py 3; tests and Markdown excluded
    assert.equal(d.value, 181.8182);
    const hot = d.hotspots as { modules: Array<{ module: string; density: number | null; defects: number }>; files: Array<{ file: string; density: number | null; defects: number }> };
    // Spec §4 v2: ranked by defects, then density; no density under 500 lines (module) or 50 (file).
    // src/app has 8 lines and src/lib 3 (v1: 125 and 333.3333/KLOC), one defect each: a tie, by name.
    assert.deepEqual(hot.modules.map((m) => [m.module, m.defects, m.density]), [['src/app', 1, null], ['src/lib', 1, null]]);
    assert.deepEqual(hot.files.map((f) => [f.file, f.defects, f.density]), [['src/app/x.ts', 1, null], ['src/lib/util.py', 1, null]]);
  });

  it('escalations: null with a reason when there is no issue tracker', () => {
    const e = report.kpis.escalations;
    assert.equal(e.value, null);
    assert.equal(e.unit, 'count');
    assert.equal(e.reason, 'needs Jira or GitHub issues');
  });

  it('test effectiveness: 1 of 2 bug fixes changed a test; test-to-code ratio 2/11', () => {
    const t = report.kpis.testEffectiveness;
    assert.equal(t.unit, 'ratio');
    assert.equal(t.kind, 'regressionTestRate');
    assert.equal(t.value, 0.5);
    assert.equal(t.sampleSize, 2);
    assert.equal(t.testToCodeRatio, 0.1818);
  });

  it('the table format shows units and the source of each KPI', async () => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--since', '2026-09-01', '--until', '2026-10-01', '--cache-dir', tempDir()]);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /Cycle time\s+48 hours\s+▲100%\s+git\s+3/);
    assert.match(run.stdout, /Escalations\s+—.*needs Jira or GitHub issues/);
    assert.match(run.stdout, /Test effectiveness\s+50\.0%/);
  });
});
