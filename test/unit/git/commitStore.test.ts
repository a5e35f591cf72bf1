import { strict as assert } from 'node:assert';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from '../../kit/gitFixture';
import type { Commit } from '../../../src/core/model/commit';
import { CommitStore } from '../../../src/core/sources/git/commitStore';
import { readSegment, writeSegment } from '../../../src/core/sources/git/commitStoreFile';
import { buildHistoryIndex, graphOf } from '../../../src/core/metrics/shared/historyIndex';

const hex = (prefix: string, n: number, len = 40) => (prefix + n.toString(16)).padEnd(len, '0').slice(0, len);

function commit(hash: string, parents: string[], subject: string, files: Commit['files'] = [], at = 1_770_000_000): Commit {
  return { hash, parents, authorName: 'Ann', authorEmail: 'ann@example.com', authorDate: at, committerDate: at + 60, subject, files };
}

/** Plain data, to compare a stored commit with the parsed one field by field. */
const plain = (c: Commit | undefined) => c && { hash: c.hash, parents: [...c.parents], authorName: c.authorName, authorEmail: c.authorEmail, authorDate: c.authorDate, committerDate: c.committerDate, subject: c.subject, files: c.files.map((f) => ({ ...f })) };

describe('commit store: columns, hash index and segment files', () => {
  // Newest first, as git lists them; the oldest has a parent outside the history (a shallow boundary).
  const boundary = hex('b', 1);
  const parsed: Commit[] = [
    commit(hex('c', 3), [hex('c', 2), hex('d', 1)], 'Merge pull request #7 from x/y'),
    commit(hex('d', 1), [hex('c', 1)], 'fix: crash on "quotes" and ünïcode', [{ path: 'src/a.ts', status: 'M' }, { path: 'test/a.test.ts', status: 'A' }]),
    commit(hex('c', 2), [hex('c', 1)], 'rename', [{ path: 'src/new.ts', status: 'R', oldPath: 'src/old.ts' }, { path: 'src/a.ts', status: 'D' }]),
    commit(hex('c', 1), [boundary], 'first', [{ path: 'src/old.ts', status: 'A' }]),
  ];

  it('round-trips every field, renames and a parent outside the history through a segment file', async () => {
    const store = new CommitStore(20);
    assert.equal(store.append(parsed), 4);
    assert.equal(store.append([parsed[1]!]), 0, 'a commit already stored is not added twice');
    const file = path.join(tempDir(), 'seg.bin');
    await writeSegment(file, store, 0, store.positionsWithFiles(), { authors: 0, paths: 0 }, 4);
    const back = new CommitStore(20);
    assert.deepEqual(await readSegment(file, back, 4), { ok: true });
    assert.equal(back.length, 4);
    for (const c of parsed) assert.deepEqual(plain(back.commits[back.indexOf(c.hash)]), plain(c));
    assert.deepEqual(back.commits[back.indexOf(hex('c', 1))]!.parents, [boundary]);
    assert.equal(back.indexOf(boundary), -1);
    assert.equal(back.indexOf('zz'), -1);
    // The graph walks parents by position: the merge's second parent is the fix commit.
    const m = back.indexOf(hex('c', 3));
    // Subject facts are stored, not re-derived: the fix and the merge's PR number come back.
    assert.equal(back.subjectFacts.fix[back.indexOf(hex('d', 1))], 1);
    assert.equal(back.subjectFacts.fix[m], 0);
    assert.equal(back.subjectFacts.mergePr[m], 7);
    assert.equal(back.subjectFacts.squashPr[m], -1);
    assert.equal(back.parentList[back.parentStart[m]! + 1], back.indexOf(hex('d', 1)));
  });

  it('appends a second segment that continues the first, and refuses one that does not', async () => {
    const dir = tempDir();
    const store = new CommitStore(20);
    store.append(parsed);
    await writeSegment(path.join(dir, '1.bin'), store, 0, store.positionsWithFiles(), { authors: 0, paths: 0 }, 4);
    const from = store.length;
    const tables = { authors: store.authors.length, paths: store.paths.length };
    const newer = commit(hex('e', 1), [hex('c', 3)], 'new work', [{ path: 'src/brand-new.ts', status: 'A' }], 1_780_000_000);
    store.append([{ ...newer, authorName: 'Bo', authorEmail: 'bo@example.com' }]);
    await writeSegment(path.join(dir, '2.bin'), store, from, [from], tables, 4);

    const back = new CommitStore(20);
    assert.deepEqual(await readSegment(path.join(dir, '1.bin'), back, 4), { ok: true });
    assert.deepEqual(await readSegment(path.join(dir, '2.bin'), back, 4), { ok: true });
    const e = back.commits[back.indexOf(hex('e', 1))]!;
    assert.equal(e.authorName, 'Bo');
    assert.deepEqual(e.files, [{ path: 'src/brand-new.ts', status: 'A' }]);
    assert.deepEqual(e.parents, [hex('c', 3)]);

    const alone = new CommitStore(20);
    assert.deepEqual(await readSegment(path.join(dir, '2.bin'), alone, 4), { ok: false, why: 'corrupt' }, 'a segment without its predecessor');
    assert.deepEqual(await readSegment(path.join(dir, '1.bin'), new CommitStore(20), 5), { ok: false, why: 'version' });
  });

  it('a flipped byte anywhere is caught by the checksum', async () => {
    const store = new CommitStore(20);
    store.append(parsed);
    const file = path.join(tempDir(), 'seg.bin');
    await writeSegment(file, store, 0, store.positionsWithFiles(), { authors: 0, paths: 0 }, 4);
    const bytes = readFileSync(file);
    for (const at of [9, 200, Math.floor(bytes.length / 2), bytes.length - 6]) {
      const bad = Buffer.from(bytes);
      bad[at] = bad[at]! ^ 0x01;
      writeFileSync(file, bad);
      assert.deepEqual(await readSegment(file, new CommitStore(20), 4), { ok: false, why: 'corrupt' }, `byte ${at}`);
    }
  });

  it('finds every hash when many share their first bytes (open addressing probes on)', () => {
    const store = new CommitStore(20);
    // 5,000 hashes with the same first 8 hex digits: every insert and lookup collides.
    const many = Array.from({ length: 5000 }, (_, i) => commit(`abcdef01${i.toString(16).padStart(32, '0')}`, [], `c${i}`));
    store.append(many);
    for (const i of [0, 1, 2500, 4999]) assert.equal(store.indexOf(many[i]!.hash), i);
    assert.equal(store.indexOf(`abcdef01${'f'.repeat(32)}`), -1);
  });

  it('holds SHA-256 repositories (32-byte hashes) too', async () => {
    const long = parsed.map((c) => ({ ...c, hash: c.hash.padEnd(64, '7'), parents: c.parents.map((p) => p.padEnd(64, '7')) }));
    const store = new CommitStore(32);
    store.append(long);
    const file = path.join(tempDir(), 'seg.bin');
    await writeSegment(file, store, 0, store.positionsWithFiles(), { authors: 0, paths: 0 }, 4);
    const back = new CommitStore(32);
    assert.deepEqual(await readSegment(file, back, 4), { ok: true });
    for (const c of long) assert.deepEqual(plain(back.commits[back.indexOf(c.hash)]), plain(c));
  });

  it('the history views are the same from the store graph as from the plain commit list', () => {
    const store = new CommitStore(20);
    store.append(parsed);
    const tip = hex('c', 3);
    const tags = [{ name: 'v1.0.0', commit: hex('c', 2), date: 1_775_000_000 }];
    const fromStore = buildHistoryIndex(store, tip, tags, '^v', undefined);
    const fromList = buildHistoryIndex(graphOf(parsed), tip, tags, '^v', undefined);
    const summary = (h: typeof fromStore) => ({
      branch: h.branchCommits.map((c) => c.hash).sort(),
      fixes: h.bugFixes.map((c) => c.hash),
      changes: h.changes.map((ch) => [ch.commit.hash, ch.kind, ch.commits.map((c) => c.hash), ch.release?.name]),
      unreleased: h.unreleased,
      released: h.releasedIn({ since: 0, until: 2e9 }).map((r) => [r.commit.hash, r.release.name]),
    });
    assert.deepEqual(summary(fromStore), summary(fromList));
    assert.deepEqual(summary(fromStore).fixes, [hex('d', 1)]);
    assert.equal(fromStore.unreleased, 1, 'the fix reached no release');
    assert.deepEqual(summary(fromStore).released.map(([h]) => h).sort(), [hex('c', 1), hex('c', 2)]);
  });
});
