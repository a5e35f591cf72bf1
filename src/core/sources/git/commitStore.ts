import type { Commit, FileChange } from '../../model/commit';
import type { CommitGraph } from '../../model/commitGraph';
import { GrowableBytes, GrowableFloat64, GrowableInt32 } from '../../util/growable';
import { mergePrNumber, squashPrNumber, subjectMarksFix, type SubjectFacts } from '../../model/commitSubject';
import { HashIndex } from './hashIndex';
import { StoredCommit } from './storedCommit';
import type { RawCommit } from './logParser';

const STATUSES = ['A', 'M', 'D', 'T', 'R', 'C', 'U', 'X'];
/** No parent slot is this: a parent outside the history (a shallow clone's boundary). */
export const MISSING = -1;
/** No file list read yet for this commit. */
export const UNREAD = -1;

/**
 * The whole history in columns: hashes as raw bytes, parents as indices, dates in typed arrays,
 * and one shared table of names and paths. A 100,000-commit history is a few megabytes that load
 * with no parsing per commit, and a history view can walk parents without a single hash lookup.
 *
 * Commits are only ever appended (the cache's segments are appended the same way), so a parent
 * index always points into the store and tables only grow.
 */
export class CommitStore implements CommitGraph {
  hashBytes: Buffer;
  length = 0;
  readonly parentStartCol = new GrowableInt32([0]);
  readonly parentListCol = new GrowableInt32();
  /** Parent slot → hash, for parents the history does not hold. */
  readonly missingParents = new Map<number, string>();
  readonly authorDateCol = new GrowableFloat64();
  readonly committerDateCol = new GrowableFloat64();
  readonly authorCol = new GrowableInt32();
  /**
   * Each commit's file list is fileCodeCol[fileFrom[i], fileTo[i]), or fileFrom[i] = UNREAD: file
   * lists are read for the commits that need them (filesUpfront.ts), in any order, so they are
   * ranges rather than one running offset.
   */
  readonly fileFromCol = new GrowableInt32();
  readonly fileToCol = new GrowableInt32();
  readonly fileCodeCol = new GrowableInt32();
  /** Positions whose files were set since the cache last saved them (markSaved). */
  filesToSave: number[] = [];
  /** Reads one commit's files at once, for a report that touches a commit no one loaded ahead. */
  lateReader?: (hash: string) => FileChange[];
  /** How many commits lateReader had to read (each one is a prefetch that was missing). */
  lateReads = 0;
  /** Subjects as UTF-8, decoded only for the commits a report shows. */
  readonly subjectEndCol = new GrowableInt32([0]);
  readonly subjectBytes = new GrowableBytes();
  /** Subject facts, computed once when a commit is first read (see model/commitSubject). */
  readonly fixCol = new GrowableBytes();
  readonly squashPrCol = new GrowableInt32();
  readonly mergePrCol = new GrowableInt32();
  /** Author table: [name, email] pairs. */
  readonly authors: Array<[string, string]> = [];
  readonly paths: string[] = [];
  /** Commit objects made so far, by position (a hole until first use). */
  private readonly objects: Commit[] = [];

  private readonly lookup: HashIndex;
  private readonly scratch: Buffer;
  private authorIndex: Map<string, number> | null = null;
  private pathIndex: Map<string, number> | null = null;

  constructor(readonly hashLength: number) {
    this.hashBytes = Buffer.alloc(hashLength * 1024);
    this.lookup = new HashIndex(hashLength, () => this.hashBytes);
    this.scratch = Buffer.alloc(hashLength);
  }

  /** The commit at a position, made on first use (its fields decode on first use too). */
  commitAt(i: number): Commit {
    return (this.objects[i] ??= new StoredCommit(this, i));
  }

  /** Every commit as an object, index for index. */
  get commits(): Commit[] {
    for (let i = 0; i < this.length; i++) this.commitAt(i);
    return this.objects;
  }

  get parentStart(): Int32Array {
    return this.parentStartCol.view();
  }

  get parentList(): Int32Array {
    return this.parentListCol.view();
  }

  get committerDates(): Float64Array {
    return this.committerDateCol.view();
  }

  get authorDates(): Float64Array {
    return this.authorDateCol.view();
  }

  get authorIds(): Int32Array {
    return this.authorCol.view();
  }

  get authorTable(): ReadonlyArray<readonly [string, string]> {
    return this.authors;
  }

  get subjectFacts(): SubjectFacts {
    return { fix: this.fixCol.view(), squashPr: this.squashPrCol.view(), mergePr: this.mergePrCol.view() };
  }

  subjectAt(i: number): string {
    const ends = this.subjectEndCol.view();
    return this.subjectBytes.text(ends[i]!, ends[i + 1]!);
  }

  hashAt(i: number): string {
    return this.hashBytes.toString('hex', i * this.hashLength, (i + 1) * this.hashLength);
  }

  /** The index of a commit by its full hash, or −1. */
  indexOf(hash: string): number {
    // Decoded into one reused buffer: lookups run once per parent, 100,000 times on a cold run.
    if (hash.length !== this.hashLength * 2 || this.scratch.write(hash, 'hex') !== this.hashLength) return -1;
    return this.lookup.find(this.scratch);
  }

  /** Adds parsed commits (any order, with their files) that are not in the store yet; returns how many were new. */
  append(parsed: Commit[]): number {
    const appender = this.appender();
    for (const c of parsed) appender.add(c, true);
    return appender.finish();
  }

  private pathId(p: string): number {
    const paths = (this.pathIndex ??= new Map(this.paths.map((x, i) => [x, i])));
    let i = paths.get(p);
    if (i === undefined) {
      i = this.paths.push(p) - 1;
      paths.set(p, i);
    }
    return i;
  }

  /** Every position with a file list, in order. */
  positionsWithFiles(): number[] {
    const out: number[] = [];
    for (let i = 0; i < this.length; i++) if (this.hasFiles(i)) out.push(i);
    return out;
  }

  hasFiles(i: number): boolean {
    return this.fileFromCol.at(i) !== UNREAD;
  }

  /** Records a commit's file list (once: a second list for the same commit is ignored). */
  setFiles(i: number, files: FileChange[]): void {
    if (i < 0 || i >= this.length || this.hasFiles(i)) return;
    const from = this.fileCodeCol.length;
    for (const f of files) {
      const code = STATUSES.indexOf(f.status);
      this.fileCodeCol.push(this.pathId(f.path) * 8 + (code < 0 ? 7 : code));
      if (f.oldPath) this.fileCodeCol.push(-(this.pathId(f.oldPath) + 1));
    }
    this.fileFromCol.view()[i] = from;
    this.fileToCol.view()[i] = this.fileCodeCol.length;
    this.filesToSave.push(i);
  }

  /**
   * Adds commits one by one as a log stream delivers them, while the reader would otherwise wait on
   * git. Parents are resolved in finish(), once every new commit is known (git lists children
   * before their parents): until then they wait as raw bytes. Commits already stored are skipped.
   *
   * `addRaw` takes a record of the metadata pass as bytes (no string or object per commit but the
   * subject, which the subject facts read); its files are unknown, except that a merge has none.
   * `add` takes a parsed commit (tests, and callers with commit objects): with `withFiles`, its
   * `files` are its real list. Both return the new commit's position (−1 when it was stored already).
   */
  appender(): { addRaw(r: RawCommit): number; add(c: Commit, withFiles: boolean): number; parentCount(i: number): number; finish(): number } {
    const start = this.length;
    const checkStored = start > 0;
    const hl = this.hashLength;
    const parentCounts = new GrowableInt32();
    let parentBytes = Buffer.alloc(hl * 1024);
    let parentsHeld = 0;
    const authors = (this.authorIndex ??= new Map(this.authors.map(([n, e], i) => [`${n}\0${e}`, i])));
    // The same author by the bytes git wrote (name NUL email), so a known one costs no decoding.
    const rawAuthors = new Map<string, number>();
    const addRaw = (r: RawCommit): number => {
      const b = r.buf;
      if (r.hashEnd - r.hash !== hl * 2 || !hexInto(b, r.hash, hl, this.scratch, 0)) throw new Error(`unexpected git log token: ${JSON.stringify(b.toString('utf8', r.hash, r.hashEnd))}`);
      if (checkStored && this.lookup.find(this.scratch) >= 0) return -1;
      const i = this.length;
      this.reserve(i + 1);
      this.scratch.copy(this.hashBytes, i * hl);
      this.lookup.add(i);
      this.authorDateCol.push(r.authorDate);
      this.committerDateCol.push(r.committerDate);
      const rawKey = b.toString('latin1', r.name, r.emailEnd);
      let a = rawAuthors.get(rawKey);
      if (a === undefined) {
        const name = b.toString('utf8', r.name, r.nameEnd);
        const email = b.toString('utf8', r.email, r.emailEnd);
        const key = `${name}\0${email}`;
        a = authors.get(key);
        if (a === undefined) {
          a = this.authors.push([name, email]) - 1;
          authors.set(key, a);
        }
        rawAuthors.set(rawKey, a);
      }
      this.authorCol.push(a);
      const subject = b.toString('utf8', r.subject, r.subjectEnd);
      // Bytes that are not UTF-8 are stored as their decoding (U+FFFD), as a string would have been.
      if (subject.includes('\uFFFD')) this.subjectBytes.pushString(subject);
      else this.subjectBytes.pushBytes(b, r.subject, r.subjectEnd);
      this.subjectEndCol.push(this.subjectBytes.length);
      this.fixCol.push(subjectMarksFix(subject) ? 1 : 0);
      this.squashPrCol.push(squashPrNumber(subject));
      this.mergePrCol.push(mergePrNumber(subject));
      this.fileFromCol.push(UNREAD);
      this.fileToCol.push(UNREAD);
      const listed = r.parentsEnd - r.parents;
      // "<hash>( <hash>)*": each parent is 2·hl hex digits and a separator.
      const parents = listed === 0 ? 0 : (listed + 1) / (hl * 2 + 1);
      if (!Number.isInteger(parents)) throw new Error(`unexpected git log parents: ${JSON.stringify(b.toString('utf8', r.parents, r.parentsEnd))}`);
      if ((parentsHeld + parents) * hl > parentBytes.length) {
        const bigger = Buffer.alloc(Math.max(parentBytes.length * 2, (parentsHeld + parents) * hl));
        parentBytes.copy(bigger);
        parentBytes = bigger;
      }
      for (let k = 0; k < parents; k++) {
        const at = r.parents + k * (hl * 2 + 1);
        if (!hexInto(b, at, hl, parentBytes, parentsHeld++ * hl) || (k + 1 < parents && b[at + hl * 2] !== 32)) {
          throw new Error(`unexpected git log parents: ${JSON.stringify(b.toString('utf8', r.parents, r.parentsEnd))}`);
        }
      }
      parentCounts.push(parents);
      this.length = i + 1;
      // A merge lists no files (like git log --name-status): nothing to read for it.
      if (parents > 1) this.setFiles(i, []);
      return i;
    };
    return {
      addRaw,
      /** How many parents the commit this appender added at position i has (before finish resolves them). */
      parentCount: (i) => parentCounts.at(i - start),
      add: (c, withFiles) => {
        const i = addRaw(rawOf(c));
        if (i < 0) return i;
        if (withFiles) {
          this.setFiles(i, c.files);
          // A test's commit with its files already has every field decoded: use it as is.
          this.objects[i] = c;
        }
        return i;
      },
      finish: () => {
        const counts = parentCounts.view();
        let k = 0;
        for (const n of counts) {
          for (let j = 0; j < n; j++, k++) {
            const bytes = parentBytes.subarray(k * hl, (k + 1) * hl);
            const at = this.lookup.find(bytes);
            if (at < 0) this.missingParents.set(this.parentListCol.length, bytes.toString('hex'));
            this.parentListCol.push(at < 0 ? MISSING : at);
          }
          this.parentStartCol.push(this.parentListCol.length);
        }
        return counts.length;
      },
    };
  }

  /** Makes room for `n` hashes (the other columns grow on their own). */
  reserve(n: number): void {
    if (n * this.hashLength <= this.hashBytes.length) return;
    const bigger = Buffer.alloc(Math.max(n, this.hashBytes.length / this.hashLength * 2) * this.hashLength);
    this.hashBytes.copy(bigger);
    this.hashBytes = bigger;
  }

  /** Called by the reader after it filled the columns of commits [from, length). */
  indexLoaded(from: number): void {
    this.lookup.reserve(this.length);
    for (let i = from; i < this.length; i++) this.lookup.add(i);
  }

  /**
   * A commit's files. Reports only ask for those loaded ahead (the upfront rule, or a prefetch);
   * any other is read on the spot, synchronously, and counted in lateReads.
   */
  filesAt(i: number): FileChange[] {
    if (!this.hasFiles(i)) {
      if (!this.lateReader) throw new Error(`the file list of commit ${this.hashAt(i)} was not read`);
      this.lateReads += 1;
      this.setFiles(i, this.lateReader(this.hashAt(i)));
    }
    const codes = this.fileCodeCol.view();
    const from = this.fileFromCol.at(i);
    const to = this.fileToCol.at(i);
    const out: FileChange[] = [];
    for (let k = from; k < to; k++) {
      const v = codes[k]!;
      const next = k + 1 < to ? codes[k + 1]! : 0;
      if (next < 0) {
        out.push({ path: this.paths[v >> 3]!, status: STATUSES[v & 7]!, oldPath: this.paths[-next - 1]! });
        k += 1;
      } else out.push({ path: this.paths[v >> 3]!, status: STATUSES[v & 7]! });
    }
    return out;
  }

  parentsAt(i: number): string[] {
    const starts = this.parentStartCol.view();
    const list = this.parentListCol.view();
    const out: string[] = [];
    for (let k = starts[i]!; k < starts[i + 1]!; k++) out.push(list[k]! === MISSING ? this.missingParents.get(k) ?? '' : this.hashAt(list[k]!));
    return out;
  }
}

/** Hex digit values by character code (−1: not lowercase hex, which is all git writes). */
const HEX = new Int8Array(256).fill(-1);
for (let d = 0; d < 16; d++) HEX['0123456789abcdef'.charCodeAt(d)] = d;

/** Decodes `bytes` bytes of lowercase hex at src[from] into dst[at]; false on a non-hex digit. */
function hexInto(src: Buffer, from: number, bytes: number, dst: Buffer, at: number): boolean {
  for (let k = 0; k < bytes; k++) {
    const hi = HEX[src[from + 2 * k]!]!;
    const lo = HEX[src[from + 2 * k + 1]!]!;
    if ((hi | lo) < 0) return false;
    dst[at + k] = (hi << 4) | lo;
  }
  return true;
}

/** A parsed commit as the metadata pass's record (its files apart). */
function rawOf(c: Commit): RawCommit {
  const fields = [c.hash, c.parents.join(' '), c.authorName, c.authorEmail, c.subject];
  const buf = Buffer.from(fields.join('\0'));
  const at: number[] = [];
  let pos = 0;
  for (const f of fields) {
    at.push(pos);
    pos += Buffer.byteLength(f) + 1;
  }
  const end = (k: number) => at[k]! + Buffer.byteLength(fields[k]!);
  return {
    buf, hash: at[0]!, hashEnd: end(0), parents: at[1]!, parentsEnd: end(1), name: at[2]!, nameEnd: end(2), email: at[3]!, emailEnd: end(3),
    authorDate: c.authorDate, committerDate: c.committerDate, subject: at[4]!, subjectEnd: end(4),
  };
}
