import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { LogParser } from '../../../src/core/sources/git/logParser';
import type { Commit } from '../../../src/core/model/commit';

const hex40 = fc.stringMatching(/^[0-9a-f]{40}$/);
// Anything git allows in a name or subject: every character but NUL and newline.
const text = fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom('\u001e', '\u001f', ';', '|', '\t', 'é', '山')), { maxLength: 12 })
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
  files: fc.array(fileChange, { maxLength: 4 }),
});

/** Bytes exactly as `git log -z --name-status` writes them for LOG_FORMAT (checked against real git output). */
function encode(c: Commit): Buffer {
  const head = `\0\0${c.hash}\0${c.parents.join(' ')}\0${c.authorName}\0${c.authorEmail}\0${c.authorDate}\0${c.committerDate}\0${c.subject}\0`;
  const raw = c.files.map((f, i) => `${i === 0 ? '\n' : ''}${f.status}\0${f.path}\0`).join('');
  return Buffer.from(head + raw, 'utf8');
}

describe('git log stream parser', () => {
  it('round-trips arbitrary commit fields, however the stream is chunked (property)', () => {
    fc.assert(
      fc.property(fc.array(commit, { minLength: 1, maxLength: 6 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 20 }), (commits, cuts) => {
        const bytes = Buffer.concat(commits.map((c) => encode(c as Commit)));
        const out: Commit[] = [];
        const p = new LogParser((c) => out.push(c));
        let pos = 0;
        for (let i = 0; pos < bytes.length; i++) {
          const n = cuts[i % cuts.length]!;
          p.push(bytes.subarray(pos, pos + n));
          pos += n;
        }
        p.end();
        assert.deepEqual(out, commits.map((c) => ({ ...c, parents: [...c.parents], files: c.files.map((f) => ({ ...f })) })));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps both paths of a rename or copy entry', () => {
    const out: Commit[] = [];
    const p = new LogParser((c) => out.push(c));
    p.push(Buffer.from(`\0\0${'c'.repeat(40)}\0\0n\0e\x001\x002\0s\0\nR087\0old/x.ts\0new/x.ts\0`));
    p.end();
    assert.deepEqual(out[0]!.files, [{ status: 'R', path: 'new/x.ts', oldPath: 'old/x.ts' }]);
  });

  it('fails loudly on output it does not understand instead of miscounting', () => {
    const p = new LogParser(() => undefined);
    assert.throws(() => p.push(Buffer.from('garbage\0')), /unexpected git log token/);
  });
});
