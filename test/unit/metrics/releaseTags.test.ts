import { strict as assert } from 'node:assert';
import { runCliInProcess } from '../../helpers/runCliInProcess';
import { GitFixture, tempDir } from '../../helpers/gitFixture';
import type { KpiResult, Report } from '../../../src/core/report/reportTypes';

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
});
