import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { AtomicStore } from '../../../src/core/cache/atomicStore';
import { readTags, readTagsCached, TAG_CACHE_VERSION } from '../../../src/core/sources/git/tagList';
import { listRefs } from '../../../src/core/sources/git/refListing';
import { GitFixture, tempDir } from '../../kit/gitFixture';

/**
 * The tag list from the cache of tag objects must be the list git gives when asked about every
 * object (readTags), whatever happened to the tags since the cache was written.
 */

const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}T10:00:00Z`;

function repoWithTags(): GitFixture {
  const r = GitFixture.init();
  r.commit('one', { 'a.ts': '1\n' }, { date: day(1) });
  r.tag('v1.0.0'); // lightweight: the commit's committer date
  r.commit('two', { 'a.ts': '2\n' }, { date: day(2) });
  r.tag('v1.1.0', { annotated: true, date: day(5) }); // annotated: its tagger date
  r.commit('three', { 'a.ts': '3\n' }, { date: day(3) });
  r.tag('release/2026-03', { annotated: true, date: day(6) });
  // A tag of a tag (git peels one level: it names the inner tag's object).
  r.git(['tag', '-a', '-m', 'outer', 'v1.1.0-outer', 'v1.1.0'], { date: day(7) });
  // Tags of a tree and of a blob release no code.
  r.git(['tag', 'tree-tag', 'HEAD^{tree}']);
  const blob = r.git(['hash-object', '-w', '--stdin'], { input: 'data\n' }).trim();
  r.git(['tag', 'blob-tag', blob]);
  return r;
}

async function cached(r: GitFixture, cacheDir: string) {
  return readTagsCached(r.dir, (await listRefs(r.dir)).tags, cacheDir);
}

describe('tag list: answers per tag object kept in the cache', () => {
  it('cold and warm, the list is the one git gives when every object is opened', async () => {
    const r = repoWithTags();
    const cacheDir = tempDir();
    const truth = await readTags(r.dir);
    assert.deepEqual(truth.map((t) => t.name), ['release/2026-03', 'v1.0.0', 'v1.1.0', 'v1.1.0-outer']);
    assert.equal(truth.find((t) => t.name === 'v1.1.0')!.date, Date.parse(day(5)) / 1000);
    assert.equal(truth.find((t) => t.name === 'v1.0.0')!.date, Date.parse(day(1)) / 1000);
    assert.deepEqual(await cached(r, cacheDir), truth);
    assert.deepEqual(await cached(r, cacheDir), truth);
  });

  it('after tags are added, moved and deleted, the warm list still equals git', async () => {
    const r = repoWithTags();
    const cacheDir = tempDir();
    await cached(r, cacheDir);
    r.commit('four', { 'a.ts': '4\n' }, { date: day(8) });
    r.tag('v2.0.0', { annotated: true, date: day(9) });
    r.git(['tag', '-f', 'v1.0.0', 'HEAD']); // moved to another commit
    r.git(['tag', '-d', 'release/2026-03']);
    const truth = await readTags(r.dir);
    assert.ok(truth.some((t) => t.name === 'v2.0.0') && !truth.some((t) => t.name === 'release/2026-03'));
    assert.deepEqual(await cached(r, cacheDir), truth);
  });

  it('more new tags than are named one by one: one pass over all of them, same list', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': '1\n' }, { date: day(1) });
    const cacheDir = tempDir();
    await cached(r, cacheDir);
    r.git(['update-ref', '--stdin'], { input: Array.from({ length: 700 }, (_, i) => `create refs/tags/t${i} HEAD`).join('\n') + '\n' });
    const truth = await readTags(r.dir);
    assert.equal(truth.length, 700);
    assert.deepEqual(await cached(r, cacheDir), truth);
  });

  it("a cached answer is used for an object it has seen, and only for that object", async () => {
    const r = repoWithTags();
    const cacheDir = tempDir();
    const truth = await cached(r, cacheDir);
    const lightweight = truth.find((t) => t.name === 'v1.0.0')!;
    // Rewrite the cache so that the lightweight tag's object answers another date: the warm run
    // must take it from there, not from git.
    const store = new AtomicStore<{ objects: string }>(path.join(cacheDir, 'tag-objects.json'), 'tag-objects', TAG_CACHE_VERSION);
    const read = await store.read();
    assert.ok(read.ok);
    await store.write({ objects: read.data.objects.replace(`${lightweight.commit} ${lightweight.date}`, `${lightweight.commit} 42`) });
    const warm = await cached(r, cacheDir);
    assert.equal(warm.find((t) => t.name === 'v1.0.0')!.date, 42);
    // A new tag on another object is asked of git.
    r.commit('four', { 'a.ts': '4\n' }, { date: day(8) });
    r.tag('v3.0.0');
    const after = await cached(r, cacheDir);
    assert.equal(after.find((t) => t.name === 'v3.0.0')!.date, Date.parse(day(8)) / 1000);
  });

  it('a corrupt cache file is read as no cache: the list is still right', async () => {
    const r = repoWithTags();
    const cacheDir = tempDir();
    await cached(r, cacheDir);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(path.join(cacheDir, 'tag-objects.json'), '{"schemaVersion":1,"kind":"tag-objects","crc32":1,"data":{"objects":"x"}}');
    assert.deepEqual(await cached(r, cacheDir), await readTags(r.dir));
  });

  it('no tags: an empty list and no cache file', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': '1\n' }, { date: day(1) });
    const cacheDir = tempDir();
    assert.deepEqual(await cached(r, cacheDir), []);
    const read = await new AtomicStore(path.join(cacheDir, 'tag-objects.json'), 'tag-objects', TAG_CACHE_VERSION).read();
    assert.equal(read.ok, false);
  });
});
