import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { githubLikeRemote } from '../../kit/githubLikeRemote';
import { tempDir, type GitFixture } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { loadGitHistory } from '../../../src/core/sources/git/loadGitHistory';
import { listPrHeads, resolvePrHeadStarts } from '../../../src/core/sources/git/prHeads';
import type { Report } from '../../../src/core/metrics/registry';
import { UNKNOWN_START_REASON } from '../../../src/core/metrics/cycleTime/cycleTime';

const t = (iso: string) => Date.parse(iso) / 1000;

async function cycleTime(repo: GitFixture, cacheDir = tempDir()): Promise<Report['kpis']['cycleTime']> {
  const run = await runCliInProcess(['report', '--repo', repo.dir, '--since', '2026-09-01', '--until', '2026-10-01', '--format', 'json', '--cache-dir', cacheDir]);
  assert.equal(run.code, 0, run.stderr);
  return (JSON.parse(run.stdout) as Report).kpis.cycleTime;
}

describe('v2 pull request heads give squash changes their start, from git alone (spec §1)', () => {
  let remote: ReturnType<typeof githubLikeRemote>;
  beforeEach(() => {
    remote = githubLikeRemote();
  });
  afterEach(async () => {
    remote.work.remove();
    await fs.rm(path.dirname(remote.origin), { recursive: true, force: true });
  });

  it('without the heads, every squash has an unknown start: null with the spec reason', async () => {
    const ct = await cycleTime(remote.work);
    assert.equal(ct.value, null);
    assert.equal(ct.reason, UNKNOWN_START_REASON);
    assert.deepEqual(ct.excluded, { unknownStart: 3 });
  });

  it('with refs/pull/N/head fetched: #1 48 h, #2 72 h (main commits merged into the branch are not its own), #3 still unknown', async () => {
    remote.work.git(['fetch', '-q', 'origin', '+refs/pull/*/head:refs/pull/*/head']);
    const ct = await cycleTime(remote.work);
    assert.equal(ct.sampleSize, 2);
    assert.equal(ct.value, 60);
    assert.equal(ct.mean, 60);
    assert.deepEqual(ct.excluded, { unknownStart: 1 });
    assert.equal(ct.changeUnit, 'squash');
  });

  it("the spec's own refspec (refs/pull/N) and refs/remotes/<remote>/pr/N work as well", async () => {
    remote.work.git(['fetch', '-q', 'origin', '+refs/pull/1/head:refs/pull/1', '+refs/pull/2/head:refs/remotes/origin/pr/2']);
    assert.equal((await cycleTime(remote.work)).value, 60);
  });

  it("GitHub's test merge refs/pull/N/merge is not a head", async () => {
    remote.work.git(['fetch', '-q', 'origin', '+refs/pull/*/merge:refs/pull/*/merge']);
    const heads = await listPrHeads(remote.work.dir);
    assert.equal(heads.byPr.size, 0);
  });

  it('a warm run walks no head again; a moved head or a garbled cache is walked once more', async () => {
    remote.work.git(['fetch', '-q', 'origin', '+refs/pull/*/head:refs/pull/*/head']);
    const cacheDir = tempDir();
    const resolve = async () => {
      const history = await loadGitHistory(remote.work.dir, { cacheDir });
      const out = await resolvePrHeadStarts(remote.work.dir, history.graph, history.tip, await listPrHeads(remote.work.dir), cacheDir);
      await out.persisted;
      return out;
    };
    const cold = await resolve();
    assert.equal(cold.walked, 2);
    assert.deepEqual([...cold.starts.entries()].sort(), [[remote.shas.squash1, t('2026-09-01T00:00:00Z')], [remote.shas.squash2, t('2026-09-05T00:00:00Z')]].sort());
    const warm = await resolve();
    assert.equal(warm.walked, 0);
    assert.deepEqual(warm.starts, cold.starts);

    // PR 1's head moves to a commit authored earlier still (a force push of the PR branch).
    remote.work.git(['checkout', '-q', '-b', 'x', 'refs/pull/1/head']);
    remote.work.commit('a: earlier work', { 'src/a.ts': 'export const a = 12;\n' }, { authorDate: '2026-08-20T00:00:00Z', date: '2026-09-02T13:00:00Z' });
    remote.work.git(['update-ref', 'refs/pull/1/head', 'HEAD']);
    const moved = await resolve();
    assert.equal(moved.walked, 1);
    assert.equal(moved.starts.get(remote.shas.squash1), t('2026-08-20T00:00:00Z'));

    // One digit of a cached date changed: the CRC no longer matches, so nothing cached is trusted.
    const file = path.join(cacheDir, 'pr-heads.json');
    const text = await fs.readFile(file, 'utf8');
    const date = String(t('2026-09-05T00:00:00Z'));
    await fs.writeFile(file, text.replace(date, date.replace(/.$/, (d) => String((Number(d) + 1) % 10))));
    const garbled = await resolve();
    assert.equal(garbled.walked, 2);
    assert.equal(garbled.starts.get(remote.shas.squash2), t('2026-09-05T00:00:00Z'));
  });
});
