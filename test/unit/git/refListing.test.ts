import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { listRefs } from '../../../src/core/sources/git/refListing';
import { listPrHeads } from '../../../src/core/sources/git/prHeads';
import { openRepository } from '../../../src/core/sources/git/repoInfo';
import { readTags } from '../../../src/core/sources/git/tagList';

/** One for-each-ref stands in for three: each part must be what its own listing gives. */
describe('ref listing: tags, pull request heads and default-branch candidates at once', () => {
  function clone(): GitFixture {
    const origin = GitFixture.init();
    origin.commit('one', { 'a.ts': '1\n' }, { date: '2026-03-01T00:00:00Z' });
    origin.tag('v1.0.0');
    const dir = path.join(tempDir(), 'clone');
    origin.git(['clone', '-q', origin.dir, dir]);
    const r = new GitFixture(dir);
    r.commit('two', { 'a.ts': '2\n' }, { date: '2026-03-02T00:00:00Z' });
    const two = r.head();
    r.tag('v1.1.0', { annotated: true, date: '2026-03-03T00:00:00Z' });
    r.checkout('feature', true);
    const three = r.commit('three', { 'b.ts': '3\n' }, { date: '2026-03-04T00:00:00Z' });
    for (const ref of ['refs/pull/1/head', 'refs/pull/2', 'refs/remotes/origin/pr/3', 'refs/pull/4/merge', 'refs/remotes/origin/pr/1']) r.git(['update-ref', ref, ref.endsWith('1') ? two : three]);
    r.git(['update-ref', 'refs/heads/trunk', two]);
    return r;
  }

  it('tags as listed, the heads and digest of the pull request listing, the candidates that pick the same default branch', async () => {
    const r = clone();
    const listed = await listRefs(r.dir);
    assert.deepEqual(listed.tags.map((t) => t.name), ['v1.0.0', 'v1.1.0']);
    assert.deepEqual(listed.tags.map((t) => t.name), (await readTags(r.dir)).map((t) => t.name));
    assert.equal(listed.tags[1]!.object, r.git(['rev-parse', 'refs/tags/v1.1.0']).trim(), "an annotated tag's own object id");
    const own = await listPrHeads(r.dir);
    assert.deepEqual(listed.prHeads, own);
    assert.deepEqual([...listed.prHeads.byPr.keys()].sort(), [1, 2, 3], "refs/pull/4/merge is GitHub's test merge, not a head");
    assert.ok(listed.candidates.has('refs/remotes/origin/HEAD') && listed.candidates.has('refs/heads/main') && listed.candidates.has('refs/heads/trunk'));
    assert.ok(!listed.candidates.has('refs/heads/feature'));
    const withListing = await openRepository(r.dir, Promise.resolve(listed.candidates));
    assert.deepEqual(withListing, await openRepository(r.dir));
    assert.equal(withListing.state.info.defaultBranch, 'main');
  });

  it('a moved pull request head changes the digest, as it does for the heads listing', async () => {
    const r = clone();
    const before = await listRefs(r.dir);
    r.git(['update-ref', 'refs/pull/2', r.git(['rev-parse', 'main']).trim()]);
    const after = await listRefs(r.dir);
    assert.notEqual(after.prHeads.digest, before.prHeads.digest);
    assert.deepEqual(after.prHeads, await listPrHeads(r.dir));
  });
});
