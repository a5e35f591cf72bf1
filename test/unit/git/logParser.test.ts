import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { FileListParser, MetadataParser, type CommitFiles } from '../../../src/core/sources/git/logParser';
import { CommitStore } from '../../../src/core/sources/git/commitStore';
import type { Commit } from '../../../src/core/model/commit';

const hex40 = fc.stringMatching(/^[0-9a-f]{40}$/);
// Anything git allows in a name or subject: every character but NUL and newline.
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('\u001e', '\u001f', ';', '|', '\t', 'é', '山', 'fix', '(#12)')), { maxLength: 12 })
  .map((parts) => parts.join('').replace(/[\0\n]/g, ''));
const path = fc.stringMatching(/^[a-zA-Z0-9_./ \u00e9-]{1,30}$/).filter((p) => !p.startsWith('/') && p.trim() === p && p.length > 0);
const fileChange = fc.record({ status: fc.constantFrom('A', 'M', 'D', 'T'), path });
const commit = fc.record({
  hash: hex40,
  parents: fc.array(hex40, { maxLength: 3 }),
  authorName: text,
  authorEmail: text,
  authorDate: fc.integer({ min: 0, max: 4_000_000_000 }),
  committerDate: fc.integer({ min: 0, max: 4_000_000_000 }),
  subject: text,
});
const commits = fc.uniqueArray(commit, { minLength: 1, maxLength: 6, selector: (c) => c.hash });
const cuts = fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 });

/** Feeds `bytes` to a parser in pieces of the given sizes, as a pipe may deliver them. */
function feed(p: { push(b: Buffer): void; end(): void }, bytes: Buffer, sizes: number[]): void {
  let pos = 0;
  for (let i = 0; pos < bytes.length; i++) {
    const n = sizes[i % sizes.length]!;
    p.push(bytes.subarray(pos, pos + n));
    pos += n;
  }
  p.end();
}

/** Bytes exactly as `git log -z` writes LOG_FORMAT with no file lists: each record ends with a NUL (checked against real git output). */
function encodeMetadata(list: Array<Omit<Commit, 'files'>>): Buffer {
  return Buffer.from(list.map((c) => `\0\0${c.hash}\0${c.parents.join(' ')}\0${c.authorName}\0${c.authorEmail}\0${c.authorDate}\0${c.committerDate}\0${c.subject}\0`).join(''), 'utf8');
}

/** Parses the metadata stream into a store and gives its commits back as plain data. */
function parseIntoStore(bytes: Buffer, sizes: number[]): Array<Omit<Commit, 'files'>> {
  const store = new CommitStore(20);
  const appender = store.appender();
  feed(new MetadataParser((r) => appender.addRaw(r)), bytes, sizes);
  appender.finish();
  return store.commits.map((c) => ({ hash: c.hash, parents: [...c.parents], authorName: c.authorName, authorEmail: c.authorEmail, authorDate: c.authorDate, committerDate: c.committerDate, subject: c.subject }));
}

describe('git log stream parsers', () => {
  it('metadata pass: every field of every commit reaches the store, however the stream is chunked (property)', () => {
    fc.assert(
      fc.property(commits, cuts, (list, sizes) => {
        assert.deepEqual(parseIntoStore(encodeMetadata(list), sizes), list.map((c) => ({ ...c, parents: [...c.parents] })));
      }),
      { numRuns: 300 },
    );
  });

  it('metadata pass: a record longer than the first part of the next chunk the parser joins to it (a 10 KB subject)', () => {
    const list = ['x'.repeat(10_000), 'short', 'y'.repeat(5_000)].map((subject, i) => ({ hash: String(i + 1).repeat(40), parents: [], authorName: 'n', authorEmail: 'e', authorDate: i, committerDate: i + 1, subject }));
    const bytes = encodeMetadata(list);
    for (const sizes of [[100, 20_000], [9_000, 3], [17_000]]) assert.deepEqual(parseIntoStore(bytes, sizes), list, JSON.stringify(sizes));
  });

  it('metadata pass: a subject that is not valid UTF-8 is stored as its decoding, as before', () => {
    // The last record, as git ends it: the subject's NUL. A Latin-1 "é" is not UTF-8.
    const bytes = Buffer.concat([Buffer.from(`\0\0${'a'.repeat(40)}\0\0n\0e\x001\x002\0fix: caf`), Buffer.from([0xe9, 0x21, 0])]);
    assert.equal(parseIntoStore(bytes, [7])[0]!.subject, 'fix: caf\uFFFD!');
  });

  it('file-list pass: every commit\'s files, however the stream is chunked (property)', () => {
    const record = fc.record({ hash: hex40, files: fc.array(fileChange, { maxLength: 4 }) });
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 6 }), cuts, (list, sizes) => {
        // `git diff-tree --stdin -z --name-status --format=%x00%x00%H`: a newline before the first entry.
        const bytes = Buffer.from(list.map((r) => `\0\0${r.hash}\0${r.files.map((f, i) => `${i === 0 ? '\n' : ''}${f.status}\0${f.path}\0`).join('')}`).join(''), 'utf8');
        const out: CommitFiles[] = [];
        feed(new FileListParser((r) => out.push(r)), bytes, sizes);
        assert.deepEqual(out, list.map((r) => ({ hash: r.hash, files: r.files.map((f) => ({ ...f })) })));
      }),
      { numRuns: 300 },
    );
  });

  it('file-list pass: keeps both paths of a rename or copy entry', () => {
    const out: CommitFiles[] = [];
    const p = new FileListParser((r) => out.push(r));
    p.push(Buffer.from(`\0\0${'c'.repeat(40)}\0\nR087\0old/x.ts\0new/x.ts\0`));
    p.end();
    assert.deepEqual(out[0]!.files, [{ status: 'R', path: 'new/x.ts', oldPath: 'old/x.ts' }]);
  });

  it('fails loudly on output it does not understand instead of miscounting', () => {
    assert.throws(() => new FileListParser(() => undefined).push(Buffer.from('garbage\0')), /unexpected git log token/);
    assert.throws(() => parseIntoStore(Buffer.from('\0\0garbage\0\0n\0e\x001\x002\0s'), [100]), /unexpected git log token: "garbage"/);
    assert.throws(() => parseIntoStore(Buffer.from(`\0\0${'a'.repeat(40)}\0${'b'.repeat(39)}\0n\0e\x001\x002\0s`), [100]), /unexpected git log parents/);
    assert.throws(() => parseIntoStore(Buffer.from(`\0\0${'a'.repeat(40)}\0\0n\0e`), [100]), /unexpected git log token/);
  });
});
