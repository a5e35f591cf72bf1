import { strict as assert } from 'node:assert';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { KPI_NAMES, type Report } from '../../../src/core/metrics/registry';
import { loadDataset, computeReport } from '../../../src/core/pipeline';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { issue } from '../jira/issueBuilder';
import type { SprintReview } from '../../../src/core/sprintReview/reviewTypes';

const t = (iso: string) => Date.parse(iso) / 1000;
const NOW = '2026-10-01T00:00:00Z'; // the CLI's clock in runCliInProcess

async function report(repo: GitFixture, ...args: string[]): Promise<Report> {
  const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', tempDir(), ...args]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

/**
 * A stale repository: the last commit (2026-07-01 12:34:56) is three months before the CLI's "now"
 * (2026-10-01), so the default window [2026-07-03, 2026-10-01) has no commit. The previous window
 * [2026-04-04, 2026-07-03) has a bug fix (05-20) and the last commit.
 */
function staleRepo(): GitFixture {
  const r = GitFixture.init();
  r.commit('initial', { 'src/a.ts': 'export const a = 1;\nexport const b = 2;\n' }, { date: '2026-01-05T00:00:00Z' });
  r.commit('fix: crash in a', { 'src/a.ts': 'export const a = 3;\nexport const b = 2;\n' }, { date: '2026-05-20T00:00:00Z' });
  r.commit('feat: last', { 'src/c.ts': 'export const c = 1;\n' }, { date: '2026-07-01T12:34:56Z' });
  return r;
}

describe('no activity is not zero (spec Conventions v2)', () => {
  let repo: GitFixture;
  before(() => {
    repo = staleRepo();
  });
  after(() => repo.remove());

  it('the report carries repository.lastCommitAt, the default branch last commit\'s committer date', async () => {
    const r = await report(repo);
    assert.equal(r.repository.lastCommitAt, '2026-07-01T12:34:56Z');
  });

  it('a window without a commit makes every KPI null with one reason naming the last commit\'s UTC date, never 0', async () => {
    const r = await report(repo); // default window: the 90 days up to 2026-10-01
    assert.equal(r.window.since, '2026-07-03T00:00:00Z');
    for (const name of KPI_NAMES) {
      const k = r.kpis[name];
      assert.equal(k.value, null, name);
      assert.equal(k.reason, 'no commits in window; the last commit is 2026-07-01', name);
      assert.equal(k.source, undefined, name);
    }
    // v1 gave defect density 0 here (0 fixes over 3 lines); the previous window keeps its own value:
    // 1 fix / 0.003 KLOC = 333.3333, which a null value never turns into "▼100%".
    assert.equal(r.kpis.defectDensity.previous, 333.3333);
  });

  it('the table shows — and no ▼100% for a window without commits', async () => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--cache-dir', tempDir()]);
    assert.equal(run.code, 0, run.stderr);
    const line = run.stdout.split('\n').find((l) => l.startsWith('Defect density'))!;
    assert.match(line, /^Defect density\s+—/);
    assert.doesNotMatch(run.stdout, /▼100%/);
    assert.match(line, /no commits in window; the last commit is 2026-07-01/);
  });

  it('a window with commits but no defects is a true 0', async () => {
    const r = await report(repo, '--since', '2026-06-01', '--until', '2026-07-15'); // only "feat: last"
    assert.equal(r.kpis.defectDensity.value, 0);
    assert.equal(r.kpis.defectDensity.reason, undefined);
  });

  it('a previous window without a commit gives previous null, not a made-up 0', async () => {
    // [2026-05-01, 2026-06-01) holds the fix; the window before it, [2026-03-31, 2026-05-01), nothing.
    const r = await report(repo, '--since', '2026-05-01', '--until', '2026-06-01');
    assert.equal(r.kpis.defectDensity.value, 333.3333);
    assert.equal(r.kpis.defectDensity.previous, null); // v1: 0
    assert.equal(r.kpis.testEffectiveness.previous, null);
  });

  it('an item of a configured source in the window keeps the KPIs computed (here a Jira issue)', async () => {
    const dataset = await loadDataset({ repoPath: repo.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS });
    const window = { since: t('2026-07-03T00:00:00Z'), until: t(NOW) };
    const quiet = computeReport(dataset, { window, options: DEFAULT_OPTIONS, now: t(NOW) }).report;
    assert.equal(quiet.kpis.defectDensity.value, null);
    // A bug created on 2026-08-10 in a connected Jira project: there is something to measure.
    dataset.jiraIssues = [issue('AB-1', { type: 'Bug', createdAt: t('2026-08-10T00:00:00Z'), updatedAt: t('2026-08-10T00:00:00Z') })];
    dataset.sources.jira = { status: 'ok' };
    const live = computeReport(dataset, { window, options: DEFAULT_OPTIONS, now: t(NOW) }).report;
    assert.equal(live.kpis.defectDensity.source, 'jira');
    assert.equal(live.kpis.defectDensity.value, 333.3333); // 1 Jira bug / 0.003 KLOC
    assert.equal(live.kpis.cycleTime.reason?.startsWith('no commits in window'), false);
  });

  it('the sprint review honours it: a period without commits has every figure null, not throughput 0', async () => {
    // The last 14 days up to 2026-10-01, and the two periods before: none has a commit.
    const run = await runCliInProcess(['sprint-review', '--repo', repo.dir, '--format', 'json', '--cache-dir', tempDir()]);
    assert.equal(run.code, 0, run.stderr);
    const review = JSON.parse(run.stdout) as SprintReview;
    const figures = [review.delivery.figures, review.flow.figures, review.quality.figures, review.escalations.figures, review.timeToMarket.figures]
      .flatMap((f) => Object.entries(f));
    assert.ok(figures.length > 20);
    for (const [key, f] of figures) {
      assert.equal(f.value, null, key);
      assert.equal(f.reason, 'no commits in period; the last commit is 2026-07-01', key);
    }
  });

  describe('--until last-commit', () => {
    it('ends the window one second after the last commit, so the last commit is inside it', async () => {
      const r = await report(repo, '--until', 'last-commit');
      assert.equal(r.window.until, '2026-07-01T12:34:57Z');
      assert.equal(r.window.since, '2026-04-02T12:34:57Z'); // 90 days before
      // The window holds the fix (05-20) and the last commit: defect density is computed again.
      assert.equal(r.kpis.defectDensity.value, 333.3333);
      assert.equal(r.kpis.defectDensity.defects, 1);
    });

    it('--since counts back from it', async () => {
      const r = await report(repo, '--since', '30d', '--until', 'last-commit');
      assert.deepEqual([r.window.since, r.window.until], ['2026-06-01T12:34:57Z', '2026-07-01T12:34:57Z']);
      assert.equal(r.kpis.defectDensity.value, 0); // commits, no fix: a true 0
    });

    it('a --since after the last commit is the usual usage error (exit 2)', async () => {
      const run = await runCliInProcess(['report', '--repo', repo.dir, '--since', '2026-08-01', '--until', 'last-commit', '--cache-dir', tempDir()]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--since must be before --until/);
    });

    it('a refused --until names last-commit among the accepted values', async () => {
      const run = await runCliInProcess(['report', '--repo', repo.dir, '--until', 'last_commit', '--cache-dir', tempDir()]);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--until "last_commit" is not a date: .*, or last-commit\n$/);
    });

    it('a bad --since is rejected before the history is read', async () => {
      const run = await runCliInProcess(['report', '--repo', '/nonexistent/ekpi-nowhere', '--since', 'yesterday', '--until', 'last-commit']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /--since "yesterday" is not a date/);
    });

    it('the sprint review takes it too: the 14 days up to the last commit', async () => {
      const run = await runCliInProcess(['sprint-review', '--repo', repo.dir, '--until', 'last-commit', '--format', 'json', '--cache-dir', tempDir()]);
      assert.equal(run.code, 0, run.stderr);
      const review = JSON.parse(run.stdout) as { period: { since: string; until: string } };
      assert.deepEqual([review.period.since, review.period.until], ['2026-06-17T12:34:57Z', '2026-07-01T12:34:57Z']);
    });
  });
});
