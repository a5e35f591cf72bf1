import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildWithFastImport, HISTORY_END } from '../../../bench/synth/generateRepo';
import { collectRealContent, type RealContent } from '../../../bench/synth/realContent';
import { RealHistoryWriter, type RealHistoryParams } from '../../../bench/synth/realHistory';
import { REAL_SPECS } from '../../../bench/synth/realRepos';

// The realistic bench repositories are the measuring stick of issue 14: these check their shape on
// small versions (same generator, fewer commits and lines), not their speed.
const git = (dir: string, args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });

async function build(name: 'js' | 'ruby', commits: number, lines: number): Promise<{ dir: string; content: RealContent }> {
  const spec = REAL_SPECS.find((s) => s.name === name)!;
  const content = collectRealContent(spec.packages, lines, spec.testShare);
  const params: RealHistoryParams = { ...spec.history, commits, end: HISTORY_END };
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'ekpi-realrepo-')), 'repo');
  await buildWithFastImport(dir, (out) => new RealHistoryWriter(content.files, params).write(out));
  return { dir, content };
}

describe('realistic bench repositories', function () {
  this.timeout(120_000);
  const made: string[] = [];
  after(() => made.forEach((d) => rmSync(path.dirname(d), { recursive: true, force: true })));

  it('the JS repository holds every collected node_modules file at HEAD, byte for byte, half its lines in test files', async () => {
    const { dir, content } = await build('js', 600, 20_000);
    made.push(dir);
    const head = git(dir, ['ls-files']).trim().split('\n');
    assert.equal(head.length, content.files.length);
    for (const f of content.files) assert.equal(git(dir, ['show', `HEAD:${f.path}`]), f.text, f.path);
    const tests = content.files.filter((f) => f.test);
    assert.ok(tests.every((f) => /(^test\/|\.test\.)/.test(f.path)), 'test files live under test/ or are *.test.*');
    assert.ok(Math.abs(content.testLines / content.lines - 0.5) < 0.1, `test share ${content.testLines / content.lines}`);
  });

  it('the JS repository is squash-merged as GitHub stamps it: "(#N)" subjects authored and committed at one instant', async () => {
    const { dir } = await build('js', 600, 20_000);
    made.push(dir);
    const rows = git(dir, ['log', '--format=%at%x09%ct%x09%cn%x09%P%x09%s', 'HEAD']).trim().split('\n').map((r) => r.split('\t'));
    const squashes = rows.filter((r) => / \(#\d+\)$/.test(r[4] ?? ''));
    assert.ok(squashes.length > rows.length * 0.7, `${squashes.length} of ${rows.length} squash merges`);
    for (const [at, ct, cn, , subject] of squashes) {
      assert.equal(at, ct, subject);
      assert.equal(cn, 'GitHub', subject);
    }
    assert.ok(rows.every((r) => (r[3] ?? '').split(' ').length <= 1), 'no merge commits');
  });

  it('the rails-like repository has "Merge pull request" merges, stable branches and release tags off the default branch', async () => {
    const { dir, content } = await build('ruby', 4_000, 15_000);
    made.push(dir);
    const merges = git(dir, ['log', '--merges', '--format=%s', 'HEAD']).trim().split('\n');
    assert.ok(merges.length > 300 && merges.every((s) => /^Merge pull request #\d+ from \S+\/\S+$/.test(s)), merges[0]);
    const stables = git(dir, ['for-each-ref', '--format=%(refname:short)', 'refs/heads/*-stable']).trim().split('\n').filter(Boolean);
    assert.ok(stables.length >= 1, 'a stable branch');
    const offMain = git(dir, ['tag', '--no-merged', 'HEAD']).trim().split('\n').filter(Boolean);
    assert.ok(offMain.some((t) => /^v\d+\.\d+\.[1-9]\d*$/.test(t)), `a patch release on a stable branch: ${offMain.join(' ')}`);
    assert.ok(git(dir, ['tag', '--merged', 'HEAD']).split('\n').some((t) => /^v\d+\.\d+\.0$/.test(t)), 'a minor release on the default branch');
    for (const f of content.files) assert.equal(git(dir, ['show', `HEAD:${f.path}`]), f.text, f.path);
  });
});
