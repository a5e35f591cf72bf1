import { strict as assert } from 'node:assert';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import type { KpiResult } from '../../../src/core/model/kpi';
import type { Report } from '../../../src/core/metrics/registry';
import type { SprintReview } from '../../../src/core/sprintReview/reviewTypes';

const WINDOW = ['--since', '2026-09-01', '--until', '2026-10-01'];

async function report(repo: GitFixture, ...extra: string[]): Promise<Report> {
  const run = await runCliInProcess(['report', '--repo', repo.dir, ...WINDOW, '--format', 'json', '--cache-dir', tempDir(), ...extra]);
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Report;
}

describe('release tags (spec §1 releasedAt, §3 v2 release tags)', () => {
  describe('the default releaseTagPattern on four-part and pre-release tags', () => {
    let repo: GitFixture;
    let ttm: KpiResult;
    before(async () => {
      repo = GitFixture.init();
      // v8.1.3 on the initial commit (08-01) is the first release: it starts the clock and is before the window.
      repo.commit('initial', { 'src/a.ts': 'export const a = 1;\n' }, { date: '2026-08-01T00:00:00Z' });
      repo.tag('v8.1.3');
      repo.commit('feat: b', { 'src/b.ts': 'export const b = 1;\n' }, { date: '2026-09-02T00:00:00Z' });
      repo.commit('feat: c', { 'src/c.ts': 'export const c = 1;\n' }, { date: '2026-09-05T00:00:00Z' });
      repo.tag('v1.2.0-rc.1'); // lightweight, 09-05: a pre-release, not a release
      repo.commit('feat: d', { 'src/d.ts': 'export const d = 1;\n' }, { date: '2026-09-08T00:00:00Z' });
      repo.tag('v8.1.3.1', { annotated: true, date: '2026-09-10T00:00:00Z' });
      ttm = (await report(repo)).kpis.timeToMarket;
    });
    after(() => repo.remove());

    it('a four-part tag v8.1.3.1 is a release and v1.2.0-rc.1 is not: lead times 8, 5, 2 d → median 5 d', () => {
      // v8.1.3.1 (09-10) first releases b (09-02, 8 d), c (09-05, 5 d) and d (09-08, 2 d).
      // Were the rc a release, b and c would be released on 09-05 (3 d, 0 d) and the median 2 d;
      // under the v1 pattern (at most three parts) nothing would be released in the window.
      assert.equal(ttm.source, 'git');
      assert.equal(ttm.sampleSize, 3);
      assert.equal(ttm.value, 5);
      assert.equal(ttm.releases, 1);
      assert.equal(ttm.unreleased, 0);
    });
  });

  describe('a repository that began tagging late: the first release starts the clock', () => {
    let repo: GitFixture;
    let r: Report;
    before(async () => {
      repo = GitFixture.init();
      repo.commit('initial', { 'src/a.ts': 'export const a = 1;\n' }, { date: '2024-01-10T00:00:00Z' });
      repo.commit('feat: old work', { 'src/a.ts': 'export const a = 2;\n' }, { date: '2025-03-01T00:00:00Z' });
      repo.checkout('f1', true);
      repo.commit('feat: recent', { 'src/b.ts': 'export const b = 1;\n' }, { date: '2026-09-02T00:00:00Z' });
      repo.checkout('main');
      repo.merge('f1', 'Merge pull request #1 from org/f1', { date: '2026-09-04T00:00:00Z' });
      repo.tag('v1.0.0', { annotated: true, date: '2026-09-05T00:00:00Z' }); // the first tag ever
      repo.checkout('f2', true);
      repo.commit('feat: after', { 'src/c.ts': 'export const c = 1;\n' }, { date: '2026-09-10T00:00:00Z' });
      repo.checkout('main');
      repo.merge('f2', 'Merge pull request #2 from org/f2', { date: '2026-09-12T00:00:00Z' });
      repo.commit('fix: crash', { 'src/c.ts': 'export const c = 2;\n' }, { date: '2026-09-14T00:00:00Z' });
      repo.tag('v1.1.0', { annotated: true, date: '2026-09-20T00:00:00Z' });
      r = await report(repo);
    });
    after(() => repo.remove());

    it('lead time leaves out what the first tag released (years of history) and counts it in excluded.firstRelease', () => {
      // v1.0.0 first releases initial (2024-01-10, 969 d), old work (2025-03-01, 553 d) and recent
      // (09-02, 3 d): v1 would report a median of 553 days. They have no lead time now: 3 excluded.
      // v1.1.0 (09-20) first releases "feat: after" (09-10, 10 d) and "fix: crash" (09-14, 6 d) → median 8 d.
      const t = r.kpis.timeToMarket;
      assert.equal(t.value, 8);
      assert.equal(t.sampleSize, 2);
      assert.equal(t.mean, 8);
      assert.deepEqual(t.excluded, { firstRelease: 3 });
      assert.equal(t.releases, 2);
    });

    it('a change first released by the first tag has no deploy phase (spec §1), counted in cycleTime.excluded', () => {
      // #1 merged 09-04 is first released by v1.0.0 (v1: 24 h of deploy); #2 merged 09-12 → v1.1.0 09-20 = 192 h.
      const ct = r.kpis.cycleTime;
      const deploy = (ct.phases as Record<string, { median: number | null; sampleSize: number }>).deploy!;
      assert.equal(ct.sampleSize, 2); // both changes keep their cycle time (48 h each)
      assert.equal(deploy.median, 192);
      assert.equal(deploy.sampleSize, 1);
      assert.deepEqual(ct.excluded, { firstRelease: 1 });
    });

    it('the sprint review honours it: a period whose only release is the first tag has no deploy or lead time, and says why', async () => {
      const run = await runCliInProcess(['sprint-review', '--repo', repo.dir, '--since', '2026-09-01', '--until', '2026-09-08', '--format', 'json', '--cache-dir', tempDir()]);
      assert.equal(run.code, 0, run.stderr);
      const review = JSON.parse(run.stdout) as SprintReview;
      assert.equal(review.flow.figures.deployMedian.value, null);
      assert.match(review.flow.figures.deployMedian.reason ?? '', /first released by the first release tag, which starts the clock/);
      assert.equal(review.timeToMarket.figures.releasedItems.value, 0);
      assert.equal(review.timeToMarket.figures.leadTimeMedian.value, null);
      assert.match(review.timeToMarket.figures.leadTimeMedian.reason ?? '', /^the only release in period is the first release tag \(v1\.0\.0\)/);
      // The counts ride on the figures, and the data-quality list names the items (#1's merge; the 3 commits).
      assert.deepEqual(review.flow.figures.deployMedian.excluded, { firstRelease: 1 });
      assert.deepEqual(review.timeToMarket.figures.leadTimeMedian.excluded, { firstRelease: 3 });
      const note = review.dataQuality.find((n) => n.startsWith('4 items were first released by the first release tag'));
      assert.ok(note, review.dataQuality.join('\n'));
      assert.equal(note.match(/\(([^)]*)\)$/)![1]!.split(', ').length, 4);
    });

    it('a window whose only release is the first tag has no lead time, and says why', async () => {
      const run = await runCliInProcess(['report', '--repo', repo.dir, '--since', '2026-09-01', '--until', '2026-09-08', '--format', 'json', '--cache-dir', tempDir()]);
      const t = (JSON.parse(run.stdout) as Report).kpis.timeToMarket;
      assert.equal(t.value, null);
      assert.equal(t.reason, 'the only release in window is the first release tag (v1.0.0), which starts the clock: no lead time for the 3 commit(s) it released first');
      assert.deepEqual(t.excluded, { firstRelease: 3 });
    });

    it('the table says under the KPIs how many commits the first release left out', async () => {
      const run = await runCliInProcess(['report', '--repo', repo.dir, ...WINDOW, '--cache-dir', tempDir()]);
      assert.match(run.stdout, /^Time to market: 3 items were first released by the first release tag, which starts the clock/m);
    });
  });

  describe('release tags only on other branches (spec §3 v2)', () => {
    it('tags on a branch with its own history contain no commit of the default branch: null, naming a tag', async () => {
      const repo = GitFixture.init();
      try {
        repo.commit('initial', { 'src/a.ts': 'export const a = 1;\n' }, { date: '2026-08-01T00:00:00Z' });
        repo.commit('feat: b', { 'src/b.ts': 'export const b = 1;\n' }, { date: '2026-09-02T00:00:00Z' });
        // A packaging branch that starts from its own root (as a branch of built artifacts does): its
        // tags are releases by name, yet none of them contains a commit of main.
        repo.git(['checkout', '-q', '--orphan', 'release']);
        repo.commit('build 2.0.0', { 'dist/app.js': 'var a=1;\n' }, { date: '2026-09-09T00:00:00Z' });
        repo.tag('v2.0.0');
        repo.commit('build 2.0.1', { 'dist/app.js': 'var a=2;\n' }, { date: '2026-09-19T00:00:00Z' });
        repo.tag('v2.0.1');
        repo.checkout('main');
        const t = (await report(repo)).kpis.timeToMarket;
        // Without the rule the release branch's own two commits would give lead times of 0 d.
        assert.equal(t.value, null);
        assert.equal(t.reason, 'release tags match (e.g. v2.0.1) but none contains a commit of main: they are on other branches, so no change of main reaches a release');
        assert.equal(t.sampleSize, 0);
        assert.equal(t.unreleased, 2); // initial, feat: b
      } finally {
        repo.remove();
      }
    });

    it('tags on a stable branch forked from main: the fork point is in the first release, backports get lead times', async () => {
      const repo = GitFixture.init();
      try {
        repo.commit('initial', { 'src/a.ts': 'export const a = 1;\n' }, { date: '2026-08-01T00:00:00Z' });
        repo.commit('feat: a', { 'src/a.ts': 'export const a = 2;\n' }, { date: '2026-08-20T00:00:00Z' });
        repo.checkout('stable-1', true);
        repo.commit('chore: release 1.0.0', { 'VERSION': '1.0.0\n' }, { date: '2026-09-02T00:00:00Z' });
        repo.tag('v1.0.0');
        repo.checkout('main');
        repo.commit('feat: b', { 'src/b.ts': 'export const b = 1;\n' }, { date: '2026-09-05T00:00:00Z' });
        const fix = repo.commit('fix: x', { 'src/a.ts': 'export const a = 3;\n' }, { date: '2026-09-08T00:00:00Z' });
        repo.checkout('stable-1');
        // A backport keeps the fix's author date (09-08) and is committed 09-09.
        repo.git(['cherry-pick', '-x', fix], { authorDate: '2026-09-08T00:00:00Z', date: '2026-09-09T00:00:00Z' });
        repo.tag('v1.0.1', { annotated: true, date: '2026-09-12T00:00:00Z' });
        repo.checkout('main');
        repo.commit('feat: c', { 'src/c.ts': 'export const c = 1;\n' }, { date: '2026-09-15T00:00:00Z' });
        const t = (await report(repo)).kpis.timeToMarket;
        // The tags contain main's commits up to the fork (initial, feat: a), so the "other branches"
        // rule does not apply. v1.0.0 (09-02), the first release, first releases initial, feat: a and
        // the release commit: 3 excluded. v1.0.1 (09-12) first releases the backport: 09-08 → 09-12 = 4 d.
        // (v1 gave 32, 13, 0 and 4 d: a median of 8.5 d.) feat: b, fix: x and feat: c wait on main.
        assert.equal(t.value, 4);
        assert.equal(t.sampleSize, 1);
        assert.deepEqual(t.excluded, { firstRelease: 3 });
        assert.equal(t.unreleased, 3);
      } finally {
        repo.remove();
      }
    });
  });
});
