import { strict as assert } from 'node:assert';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { countLinesAtHead } from '../../../src/core/sources/kloc/countLinesAtHead';
import { CatFileBatchParser } from '../../../src/core/sources/kloc/catFileBatch';
import { MAX_SOURCE_BYTES } from '../../../src/core/sources/kloc/sourceSize';
import { loadGitHistory } from '../../../src/core/sources/git/loadGitHistory';

/** Sizes an attacker (or a vendored bundle) can choose: huge files, thousands of tags. */

/** `lines` lines of one statement each, exactly `bytes` long when `bytes` is given (padding in the last line). */
function source(bytes: number): string {
  const line = 'let x = 1;\n';
  const n = Math.floor(bytes / line.length);
  const text = line.repeat(n);
  return text + '/'.repeat(Math.max(0, bytes - text.length - 1)) + (bytes > text.length ? '\n' : '');
}

describe('hostile: large inputs', () => {
  it('a file over 1 MiB is not source and is not read; one of exactly 1 MiB is counted', async () => {
    const r = GitFixture.init();
    const atLimit = source(MAX_SOURCE_BYTES);
    assert.equal(Buffer.byteLength(atLimit), MAX_SOURCE_BYTES);
    r.commit('start', { 'src/bundle.ts': source(MAX_SOURCE_BYTES + 1), 'src/limit.ts': atLimit, 'src/small.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    const cold = await countLinesAtHead(r.dir, r.head(), DEFAULT_OPTIONS, tempDir());
    assert.deepEqual(cold.files.map((f) => f.path), ['src/limit.ts', 'src/small.ts']);
    assert.equal(cold.sourceLines, Math.floor(MAX_SOURCE_BYTES / 11) + 1);

    // The same rule when only the changed files are counted: a file that grows past it leaves KLOC.
    const cache = tempDir();
    await countLinesAtHead(r.dir, r.head(), DEFAULT_OPTIONS, cache);
    r.commit('grow', { 'src/small.ts': source(MAX_SOURCE_BYTES + 100) }, { date: '2026-03-02T00:00:00Z' });
    const next = await countLinesAtHead(r.dir, r.head(), DEFAULT_OPTIONS, cache);
    assert.deepEqual(next.files.map((f) => f.path), ['src/limit.ts']);
    r.remove();
  });

  it('the blob reader gives the same objects however git splits its output into chunks', () => {
    const bodies = [Buffer.from('first\n'), Buffer.alloc(0), Buffer.from('x'.repeat(100_000)), Buffer.from([0, 1, 2, 10, 10])];
    const stream = Buffer.concat([
      ...bodies.flatMap((b, i) => [Buffer.from(`${String(i).repeat(40)} blob ${b.length}\n`), b, Buffer.from('\n')]),
      Buffer.from(`${'f'.repeat(40)} missing\n`),
    ]);
    for (const size of [1, 7, 4096, stream.length]) {
      const got: Array<[string, string]> = [];
      const missing: string[] = [];
      const parser = new CatFileBatchParser((sha, body) => got.push([sha, body.toString('hex')]), (sha) => missing.push(sha));
      for (let at = 0; at < stream.length; at += size) parser.push(stream.subarray(at, at + size));
      assert.deepEqual(got, bodies.map((b, i) => [String(i).repeat(40), b.toString('hex')]), `chunks of ${size}`);
      assert.deepEqual(missing, ['f'.repeat(40)]);
    }
  });

  it('thousands of tags, one per commit: cold, warm and incremental runs agree', async () => {
    const r = GitFixture.init();
    const n = 2000;
    const lines: string[] = [];
    for (let i = 1; i <= n; i++) {
      const when = Date.parse('2026-01-01T00:00:00Z') / 1000 + i * 600;
      const msg = `change ${i}`;
      lines.push(`commit refs/heads/main`, `mark :${i}`, `committer Alice <alice@example.com> ${when} +0000`, `data ${msg.length}`, msg);
      if (i > 1) lines.push(`from :${i - 1}`);
      lines.push(`M 644 inline a.ts`, `data ${`let a = ${i};\n`.length}`, `let a = ${i};`, '');
      lines.push(`reset refs/tags/v1.${i}.0`, `from :${i}`, '');
    }
    r.git(['fast-import', '--quiet'], { input: lines.join('\n') + '\n' });
    const cache = tempDir();
    const cold = await loadGitHistory(r.dir, { cacheDir: cache });
    assert.equal(cold.tags.length, n);
    assert.equal(cold.commits.length, n);
    const warm = await loadGitHistory(r.dir, { cacheDir: cache });
    assert.equal(warm.cacheUse, 'warm');
    assert.equal(warm.commits.length, n);
    r.commit(`change ${n + 1}`, { 'a.ts': 'let a = 0;\n' }, { date: '2026-03-01T00:00:00Z' });
    r.tag(`v1.${n + 1}.0`);
    const inc = await loadGitHistory(r.dir, { cacheDir: cache });
    assert.equal(inc.cacheUse, 'incremental');
    assert.equal(inc.parsedCommits, 1);
    assert.equal(inc.commits.length, n + 1);
    assert.equal(inc.tags.length, n + 1);
    r.remove();
  });
});
