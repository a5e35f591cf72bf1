import { strict as assert } from 'node:assert';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { logGitCalls } from '../../kit/gitCallLog';
import { countCommits, loadGitHistory } from '../../../src/core/sources/git/loadGitHistory';
import { commitProgress, loadDataset } from '../../../src/core/pipeline';
import { LOWEST_PRIORITY } from '../../../src/core/sources/git/gitRunner';
import { DEFAULT_OPTIONS } from '../../../src/core/options';

/** n commits on main, one file changed each, written by fast-import (seconds, not minutes). */
function longHistory(n: number): GitFixture {
  const r = GitFixture.init();
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    const when = Date.parse('2026-01-01T00:00:00Z') / 1000 + i * 60;
    const msg = `change ${i}`;
    lines.push('commit refs/heads/main', `mark :${i}`, `committer Alice <alice@example.com> ${when} +0000`, `data ${msg.length}`, msg);
    if (i > 1) lines.push(`from :${i - 1}`);
    lines.push('M 644 inline a.ts', `data ${`let a = ${i};\n`.length}`, `let a = ${i};`, '');
  }
  r.git(['fast-import', '--quiet'], { input: lines.join('\n') + '\n' });
  return r;
}

describe('progress of a long history read says how far it is', () => {
  it('words the count with its total and percentage once known, and without a total before', () => {
    assert.deepEqual(commitProgress(16_000, 99_412), { phase: 'git', message: 'Read 16,000 of 99,412 commits (16%)', fraction: 16_000 / 99_412 });
    assert.deepEqual(commitProgress(116_000, undefined), { phase: 'git', message: 'Read 116,000 commits' });
    // Grouped by threes like en-US, without loading ICU: below a thousand, and past a million.
    assert.equal(commitProgress(2_000, 1_234_567).message, 'Read 2,000 of 1,234,567 commits (0%)');
    assert.equal(commitProgress(999, undefined).message, 'Read 999 commits');
    // A count that is behind the parse (commits arriving meanwhile) is not shown as over 100%.
    assert.equal(commitProgress(6_000, 5_000).fraction, undefined);
  });

  it('a cold read of 14,000 commits reports the total git counts; a warm read counts nothing', async () => {
    const r = longHistory(14_000);
    try {
      const cache = tempDir();
      const calls: Array<[number, number | undefined]> = [];
      await loadGitHistory(r.dir, { cacheDir: cache, onCommits: (n, total) => calls.push([n, total]) });
      assert.equal(calls[0]![0], 2000);
      assert.ok(calls.every(([, t]) => t === undefined || t === 14_000), JSON.stringify(calls));
      // Whether the count answers before the parse ends depends on the machine's load, so the test
      // asserts only what holds either way: a total, when shown, is the history's true size, and
      // the count the progress waits for is that size.
      assert.equal(await countCommits(r.dir, 'refs/heads/main\n', undefined), 14_000);
      const warm: unknown[] = [];
      const again = await loadGitHistory(r.dir, { cacheDir: cache, onCommits: (...a) => warm.push(a) });
      assert.equal(again.cacheUse, 'warm');
      assert.deepEqual(warm, []);
    } finally {
      r.remove();
    }
  });

  (process.platform === 'linux' ? it : it.skip)('counts the commits for the total only when someone listens for progress, at the lowest CPU priority', async () => {
    const r = longHistory(4_000);
    const shim = logGitCalls({ niceOf: 'rev-list --count' });
    try {
      await loadDataset({ repoPath: r.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS });
      const silent = shim.calls();
      assert.ok(silent.some((c) => c.startsWith('log -z')), 'the shim saw the history read');
      assert.deepEqual(silent.filter((c) => c.startsWith('nice=')), [], 'no listener: no count');
      const messages: string[] = [];
      await loadDataset({ repoPath: r.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS, onProgress: (p) => messages.push(p.message) });
      // Nobody awaits the count: the history read may end before its process has written its line.
      const counted = () => shim.calls().filter((c) => c.startsWith('nice='));
      for (let waited = 0; counted().length === 0 && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
      assert.deepEqual(counted(), [`nice=${LOWEST_PRIORITY}`]);
      assert.ok(messages.includes('Read 2,000 commits') || messages.includes('Read 2,000 of 4,000 commits (50%)'), messages.join('; '));
    } finally {
      shim.restore();
      r.remove();
    }
  });

  (process.platform === 'linux' ? it : it.skip)('a host showing a first value (onPartial) gets the commits read without a total: no count competes with the history read', async () => {
    const r = longHistory(4_000);
    const shim = logGitCalls({ niceOf: 'rev-list --count' });
    try {
      const messages: string[] = [];
      let partials = 0;
      const dataset = await loadDataset({ repoPath: r.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS, onProgress: (p) => messages.push(p.message), onPartial: () => (partials += 1) });
      assert.equal(partials, 1);
      assert.ok(dataset.kloc.sourceLines > 0, 'the pipeline ran to its end (the lines counted)');
      assert.ok(messages.includes('Read 2,000 commits'), messages.join('; '));
      assert.ok(!messages.some((m) => / of [\d,]+ commits/.test(m)), messages.join('; '));
      assert.deepEqual(shim.calls().filter((c) => c.startsWith('nice=')), [], 'no rev-list --count ran');
    } finally {
      shim.restore();
      r.remove();
    }
  });
});
