import { strict as assert } from 'node:assert';
import { readdirSync, writeFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import type { Commit } from '../../../src/core/model/commit';
import { loadGitHistory } from '../../../src/core/sources/git/loadGitHistory';
import { GIT_CACHE_VERSION } from '../../../src/core/sources/git/gitCacheFiles';

function cacheFile(dir: string): string {
  return path.join(dir, 'git-history', 'index.json');
}

function segmentFiles(dir: string): string[] {
  return readdirSync(path.join(dir, 'git-history')).filter((f) => f.endsWith('.bin')).map((f) => path.join(dir, 'git-history', f));
}

describe('git history cache: incremental, rewrite-aware, crash-safe', () => {
  let r: GitFixture;
  beforeEach(() => {
    r = GitFixture.init();
    for (let i = 1; i <= 5; i++) r.commit(`commit ${i}`, { 'a.ts': `let a = ${i};\n` }, { date: `2026-03-0${i}T00:00:00Z` });
  });
  afterEach(() => r.remove());

  it('a cold run parses everything; a warm run parses nothing and returns the same commits', async () => {
    const dir = tempDir();
    const cold = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(cold.cacheUse, 'cold');
    assert.equal(cold.parsedCommits, 5);
    const warm = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(warm.cacheUse, 'warm');
    assert.equal(warm.parsedCommits, 0);
    assert.deepEqual(warm.commits.map((c) => c.hash).sort(), cold.commits.map((c) => c.hash).sort());
    // Every field of a commit read back from the cache equals the parsed one.
    const plain = (c: Commit | undefined) => c && { ...JSON.parse(JSON.stringify(c)) as Commit };
    for (const c of cold.commits) assert.deepEqual(plain(warm.byHash.get(c.hash)), plain(c));
    assert.equal(warm.commits.find((c) => c.subject === 'commit 3')?.files[0]?.path, 'a.ts');
  });

  it('new commits are parsed alone and added once', async () => {
    const dir = tempDir();
    await loadGitHistory(r.dir, { cacheDir: dir });
    r.commit('commit 6', { 'b.ts': 'let b = 1;\n' }, { date: '2026-03-06T00:00:00Z' });
    r.commit('commit 7', { 'b.ts': 'let b = 2;\n' }, { date: '2026-03-07T00:00:00Z' });
    const inc = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(inc.cacheUse, 'incremental');
    assert.equal(inc.parsedCommits, 2);
    assert.equal(inc.commits.length, 7);
    assert.equal(new Set(inc.commits.map((c) => c.hash)).size, 7);
  });

  it('a rewritten branch (force push) is detected and the cache rebuilt', async () => {
    const dir = tempDir();
    await loadGitHistory(r.dir, { cacheDir: dir });
    r.git(['reset', '-q', '--hard', 'HEAD~2']);
    r.commit('rewritten 4', { 'a.ts': 'let a = 40;\n' }, { date: '2026-03-10T00:00:00Z' });
    const again = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(again.cacheUse, 'rebuilt');
    assert.match(again.cacheNote ?? '', /rewritten/);
    assert.deepEqual(again.commits.map((c) => c.subject).sort(), ['commit 1', 'commit 2', 'commit 3', 'rewritten 4']);
  });

  it('a corrupt cache index is discarded and rebuilt, not a crash', async () => {
    const dir = tempDir();
    await loadGitHistory(r.dir, { cacheDir: dir });
    writeFileSync(cacheFile(dir), '{"schemaVersion":1,"kind":"git-hist');
    const again = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(again.cacheUse, 'rebuilt');
    assert.equal(again.commits.length, 5);
    assert.doesNotThrow(() => JSON.parse(readFileSync(cacheFile(dir), 'utf8')));
  });

  it('a truncated or garbled segment of commits is discarded and rebuilt', async () => {
    const dir = tempDir();
    await loadGitHistory(r.dir, { cacheDir: dir });
    const [seg] = segmentFiles(dir);
    const bytes = readFileSync(seg!);
    writeFileSync(seg!, bytes.subarray(0, bytes.length - 20)); // cut short
    const again = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(again.cacheUse, 'rebuilt');
    assert.equal(again.commits.length, 5);
    const garbled = Buffer.from(readFileSync(segmentFiles(dir)[0]!));
    const at = garbled.indexOf('commit 3');
    garbled.write('commit 9', at); // same length, different content: only the checksum can tell
    writeFileSync(segmentFiles(dir)[0]!, garbled);
    const third = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(third.cacheUse, 'rebuilt');
    assert.deepEqual(third.commits.map((c) => c.subject).sort(), ['commit 1', 'commit 2', 'commit 3', 'commit 4', 'commit 5']);
  });

  it('new commits go to a new segment; the old one is not rewritten', async () => {
    const dir = tempDir();
    await loadGitHistory(r.dir, { cacheDir: dir });
    const [first] = segmentFiles(dir);
    const before = readFileSync(first!);
    r.commit('commit 6', { 'b.ts': 'x\n' }, { date: '2026-03-06T00:00:00Z' });
    await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(segmentFiles(dir).length, 2);
    assert.deepEqual(readFileSync(first!), before);
    const again = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(again.cacheUse, 'warm');
    assert.equal(again.commits.length, 6);
  });

  it('a cache from a future schema version is discarded and rebuilt', async () => {
    const dir = tempDir();
    await loadGitHistory(r.dir, { cacheDir: dir });
    const env = JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as { schemaVersion: number };
    env.schemaVersion = GIT_CACHE_VERSION + 1;
    writeFileSync(cacheFile(dir), JSON.stringify(env));
    const again = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(again.cacheUse, 'rebuilt');
    assert.match(again.cacheNote ?? '', /another version/);
    const rewritten = JSON.parse(readFileSync(cacheFile(dir), 'utf8')) as { schemaVersion: number };
    assert.equal(rewritten.schemaVersion, GIT_CACHE_VERSION);
  });

  it('writes atomically: no temp files are left behind', async () => {
    const dir = tempDir();
    await loadGitHistory(r.dir, { cacheDir: dir });
    r.commit('commit 6', { 'b.ts': 'x\n' }, { date: '2026-03-06T00:00:00Z' });
    await loadGitHistory(r.dir, { cacheDir: dir });
    assert.deepEqual(readdirSync(path.join(dir, 'git-history')).filter((f) => f.endsWith('.tmp')), []);
  });

  it('a new tag on an already-cached commit is picked up without re-reading history', async () => {
    const dir = tempDir();
    await loadGitHistory(r.dir, { cacheDir: dir });
    r.tag('v1.0', { ref: 'HEAD~1' });
    const again = await loadGitHistory(r.dir, { cacheDir: dir });
    assert.equal(again.parsedCommits, 0);
    assert.deepEqual(again.tags.map((t) => t.name), ['v1.0']);
  });
});
