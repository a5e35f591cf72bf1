import { strict as assert } from 'node:assert';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { logGitCalls } from '../../kit/gitCallLog';
import { loadDataset } from '../../../src/core/pipeline';
import { DEFAULT_OPTIONS } from '../../../src/core/options';

describe('the environment git runs with', () => {
  (process.platform === 'win32' ? it.skip : it)('every git call of a cold report buffers its output (GIT_FLUSH=0: no write per commit into the pipe)', async () => {
    const r = GitFixture.init();
    r.commit('first', { 'src/a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    r.commit('fix: second', { 'src/a.ts': 'let a = 2;\n' }, { date: '2026-03-02T00:00:00Z' });
    const shim = logGitCalls({ envVar: 'GIT_FLUSH' });
    try {
      await loadDataset({ repoPath: r.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS });
      const calls = shim.calls();
      for (const pass of ['log -z', 'diff-tree --stdin', 'ls-tree -r']) assert.ok(calls.some((c) => c.startsWith(pass)), `${pass} ran: ${calls.join('; ')}`);
      assert.deepEqual(calls.filter((c) => !c.endsWith(' GIT_FLUSH=0')), []);
    } finally {
      shim.restore();
      r.remove();
    }
  });
});
