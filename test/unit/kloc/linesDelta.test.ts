import { strict as assert } from 'node:assert';
import { symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { GitFixture, tempDir } from '../../helpers/gitFixture';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { countLinesAtHead } from '../../../src/core/kloc/countLinesAtHead';
import { updateLines } from '../../../src/core/kloc/linesDelta';

const tree = (r: GitFixture) => r.git(['rev-parse', 'HEAD^{tree}']).trim();
/** A full count from scratch (fresh cache folder): what the delta must reproduce exactly. */
const fullCount = (r: GitFixture) => countLinesAtHead(r.dir, r.head(), DEFAULT_OPTIONS, tempDir());

describe('line counts after new commits: only what changed between the trees', () => {
  let r: GitFixture;
  beforeEach(() => {
    r = GitFixture.init();
    r.commit('start', {
      'src/a.ts': 'const a = 1; // one\n\n/* block */\nexport { a };\n',
      'src/b.py': '# comment\nx = 1\ny = 2\n',
      'src/gone.go': 'package main\n\nfunc main() {}\n',
      'test/a.test.ts': 'it("a", () => {});\n',
      'gen/big.js': 'var generated = 1;\nvar more = 2;\n',
      '.gitattributes': 'gen/** linguist-generated\n',
      'README.md': '# not code\n',
    }, { date: '2026-03-01T00:00:00Z' });
  });
  afterEach(() => r.remove());

  it('edits, additions, deletions, a file turned symlink and generated files give exactly a full count', async () => {
    const before = await fullCount(r);
    const prevTree = tree(r);
    r.write({ 'src/b.py': null });
    symlinkSync('a.ts', path.join(r.dir, 'src/b.py')); // a regular file becomes a symlink: no longer code
    r.commit('change', {
      'src/a.ts': 'const a = 1;\nconst b = `two\nlines`;\nexport { a, b };\n',
      'src/gone.go': null,
      'src/new.rs': 'fn main() {\n    // hi\n}\n',
      'test/b.test.ts': 'it("b", () => {\n  expect(1).toBe(1);\n});\n',
      'gen/other.js': 'var generated = 3;\n',
    }, { date: '2026-03-02T00:00:00Z' });
    const delta = await updateLines(r.dir, { tree: prevTree, index: before }, tree(r), DEFAULT_OPTIONS, tempDir());
    assert.ok(delta, 'the delta applies');
    assert.deepEqual(delta, await fullCount(r));
    assert.deepEqual(delta.files.map((f) => f.path), ['src/a.ts', 'src/new.rs', 'test/a.test.ts', 'test/b.test.ts']);
    assert.equal(delta.files.find((f) => f.path === 'src/a.ts')?.lines, 4, 'the template literal spans two lines');
  });

  it('a changed .gitattributes or a pruned old tree falls back to a full count (null)', async () => {
    const before = await fullCount(r);
    const prevTree = tree(r);
    r.commit('attrs', { '.gitattributes': 'gen/** linguist-generated\nsrc/b.py linguist-vendored\n' }, { date: '2026-03-02T00:00:00Z' });
    assert.equal(await updateLines(r.dir, { tree: prevTree, index: before }, tree(r), DEFAULT_OPTIONS, tempDir()), null);
    assert.equal(await updateLines(r.dir, { tree: '0123456789abcdef0123456789abcdef01234567', index: before }, tree(r), DEFAULT_OPTIONS, tempDir()), null);
  });

  it('countLinesAtHead takes the delta from its own cache and agrees with a fresh count', async () => {
    const cache = tempDir();
    await countLinesAtHead(r.dir, r.head(), DEFAULT_OPTIONS, cache);
    r.commit('more', { 'src/c.ts': 'export const c = 3;\n', 'src/a.ts': 'export const a = 2;\n' }, { date: '2026-03-03T00:00:00Z' });
    const next = await countLinesAtHead(r.dir, r.head(), DEFAULT_OPTIONS, cache);
    assert.deepEqual(next, await fullCount(r));
    assert.equal(next.files.find((f) => f.path === 'src/c.ts')?.lines, 1);
  });
});
