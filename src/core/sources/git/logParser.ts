import type { FileChange } from '../../model/commit';

/**
 * The one log format. Fields are NUL-separated because NUL is the only byte git forbids in
 * names and messages; -z makes the --raw path list NUL-separated too. Each record starts with
 * two NULs so a parser can resynchronise at a commit boundary.
 */
export const LOG_FORMAT = '--format=%x00%x00%H%x00%P%x00%aN%x00%aE%x00%at%x00%ct%x00%s';
/**
 * The metadata pass: every commit's graph, dates, author and subject, and no file lists. Working
 * out what each commit changed is most of the cost of a history scan, and only a few KPIs need it
 * for a few commits (see filesUpfront.ts): those are read by FILES_ARGS.
 */
export const LOG_ARGS = ['log', '-z', LOG_FORMAT, '--encoding=UTF-8', '--no-color'];

/**
 * The file-list pass, for the commits named on stdin (one hash a line, answered as they arrive):
 * the paths each changed against its parent, exactly what `git log --name-status --no-renames`
 * lists (-r: every level of the tree; --root: a root commit lists its files as added; a merge lists
 * none; --always: a commit with an empty diff still answers, with no files). --name-status, not --raw: the same paths and letters without two object names per file.
 * --no-renames: rename detection is the costliest part and no KPI needs it (a rename is D + A).
 */
export const FILES_ARGS = ['diff-tree', '--stdin', '-z', '-r', '--root', '--always', '--name-status', '--no-renames', '--no-ext-diff', '--no-textconv', '--no-color', '--format=%x00%x00%H'];

/** A --name-status letter (with a similarity score for R/C, which --no-renames never emits). */
const STATUS = /^[ACDMRTUXB]\d*$/;

const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

type State =
  | { at: 'between' }
  | { at: 'header'; values: string[] }
  | { at: 'files' }
  | { at: 'path'; status: string; paths: string[]; want: number };

/**
 * An incremental parser of NUL-separated records (a header of `fields` values, then the file
 * list): feed it stdout chunks as they arrive, it emits each record once the next one (or the end)
 * proves it complete. It holds at most one partial token and one record.
 */
class RecordParser<R extends { files: FileChange[] }> {
  private tail: Buffer | null = null;
  private state: State = { at: 'between' };
  private current: R | null = null;
  /** Names, emails and paths repeat across thousands of commits: keep one copy of each. */
  private readonly pool = new Map<string, string>();

  private intern(s: string): string {
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit;
    this.pool.set(s, s);
    return s;
  }

  constructor(private readonly fields: number, private readonly make: (values: string[], intern: (s: string) => string) => R, private readonly emit: (r: R) => void) {}

  push(chunk: Buffer): void {
    let buf = this.tail ? Buffer.concat([this.tail, chunk]) : chunk;
    let start = 0;
    for (;;) {
      const nul = buf.indexOf(0, start);
      if (nul < 0) break;
      this.token(buf.toString('utf8', start, nul));
      start = nul + 1;
    }
    this.tail = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
    buf = Buffer.alloc(0);
  }

  end(): void {
    if (this.tail && this.tail.length > 0) {
      const last = this.tail.toString('utf8');
      this.tail = null;
      this.token(last);
    }
    this.flush();
  }

  private flush(): void {
    if (this.current) this.emit(this.current);
    this.current = null;
  }

  /** Header values so far: the record starts once all its fields are in. */
  private header(values: string[]): void {
    if (values.length < this.fields) {
      this.state = { at: 'header', values };
      return;
    }
    this.current = this.make(values, (x) => this.intern(x));
    this.state = { at: 'files' };
  }

  private token(tok: string): void {
    const s = this.state;
    switch (s.at) {
      case 'header': {
        s.values.push(tok);
        this.header(s.values);
        return;
      }
      case 'path': {
        s.paths.push(this.intern(tok));
        if (s.paths.length === s.want) {
          const change: FileChange = s.want === 2 ? { path: s.paths[1]!, status: s.status, oldPath: s.paths[0]! } : { path: s.paths[0]!, status: s.status };
          this.current?.files.push(change);
          this.state = { at: 'files' };
        }
        return;
      }
      case 'between':
      case 'files': {
        if (tok === '' || tok === '\n') return;
        const raw = tok.startsWith('\n') ? tok.slice(1) : tok;
        if (this.current && STATUS.test(raw)) {
          const letter = raw.charAt(0);
          this.state = { at: 'path', status: letter, paths: [], want: letter === 'R' || letter === 'C' ? 2 : 1 };
          return;
        }
        if (HASH.test(raw)) {
          this.flush();
          this.header([raw]);
          return;
        }
        // Anything else is a format we do not understand: fail loudly rather than miscount.
        throw new Error(`unexpected git log token: ${JSON.stringify(raw.slice(0, 80))}`);
      }
    }
  }
}

/**
 * One metadata record of LOG_FORMAT as byte ranges [start, end) into `buf`: the store copies
 * hashes, names and subjects from there without a string or object per commit (a cold read made a
 * Commit object and eight strings per commit, and the collector's work on them cost as much as the
 * parse). Valid only during the call that hands it out.
 */
export interface RawCommit {
  buf: Buffer;
  hash: number;
  hashEnd: number;
  /** Parent hashes separated by single spaces (empty for a root commit). */
  parents: number;
  parentsEnd: number;
  name: number;
  nameEnd: number;
  email: number;
  emailEnd: number;
  authorDate: number;
  committerDate: number;
  subject: number;
  subjectEnd: number;
}

/** Bytes of a chunk joined to the record the previous one left unfinished, at first: a record is a few hundred. */
const SPAN_GUESS = 4096;

/** NUL and LF: what separates one record from the next. */
const between = (b: number): boolean => b === 0 || b === 10;

/** A decimal field (a unix time) without making a string; anything but digits goes through Number, as a string would. */
function decimal(buf: Buffer, start: number, end: number): number {
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return Number(buf.toString('latin1', start, end));
    v = v * 10 + d;
  }
  return v;
}

/**
 * The metadata pass's parser (LOG_ARGS: no file lists): feed it stdout chunks as they arrive, it
 * hands out each record as a RawCommit once its subject's end is in. It keeps at most one partial
 * record between chunks.
 */
export class MetadataParser {
  private tail: Buffer | null = null;
  private readonly r: RawCommit = { buf: Buffer.alloc(0), hash: 0, hashEnd: 0, parents: 0, parentsEnd: 0, name: 0, nameEnd: 0, email: 0, emailEnd: 0, authorDate: 0, committerDate: 0, subject: 0, subjectEnd: 0 };
  private readonly ends = new Int32Array(6);

  constructor(private readonly emit: (r: RawCommit) => void) {}

  push(chunk: Buffer): void {
    let from = 0;
    const tail = this.tail;
    if (tail) {
      // Only the record the two chunks share is joined (from the chunk's first few KB, more if it
      // is that long): the rest of the chunk is parsed where it is, not copied.
      for (let take = Math.min(chunk.length, SPAN_GUESS); ; take = Math.min(chunk.length, take * 4)) {
        const joined = Buffer.concat([tail, chunk.subarray(0, take)]);
        const used = this.records(joined, false, 0);
        if (used > tail.length) {
          from = used - tail.length;
          break;
        }
        if (take === chunk.length) {
          this.tail = Buffer.from(joined.subarray(used));
          return;
        }
      }
    }
    const used = this.records(chunk, false, from);
    // A copy: the rest is a few hundred bytes, and a view would keep the whole chunk alive.
    this.tail = used < chunk.length ? Buffer.from(chunk.subarray(used)) : null;
  }

  end(): void {
    const rest = this.tail;
    this.tail = null;
    if (rest) this.records(rest, true, 0);
  }

  /** Emits every complete record in `buf` from `pos` on; returns where the incomplete rest starts. */
  private records(buf: Buffer, atEnd: boolean, pos: number): number {
    const r = this.r;
    const ends = this.ends;
    r.buf = buf;
    for (;;) {
      while (pos < buf.length && between(buf[pos]!)) pos++;
      if (pos >= buf.length) return buf.length;
      const start = pos;
      // Six NUL-terminated fields, then the subject up to the next NUL (or the end of the output).
      let found = 0;
      for (; found < 6; found++) {
        const nul = buf.indexOf(0, pos);
        if (nul < 0) break;
        ends[found] = nul;
        pos = nul + 1;
      }
      const hashLength = (found > 0 ? ends[0]! : buf.length) - start;
      if (hashLength !== 40 && hashLength !== 64 && (found > 0 || atEnd)) unexpected(buf, start);
      let subjectEnd = found === 6 ? buf.indexOf(0, pos) : -1;
      if (subjectEnd < 0) {
        if (!atEnd) return start;
        if (found < 6) unexpected(buf, start);
        subjectEnd = buf.length;
      }
      r.hash = start;
      r.hashEnd = ends[0]!;
      r.parents = ends[0]! + 1;
      r.parentsEnd = ends[1]!;
      r.name = ends[1]! + 1;
      r.nameEnd = ends[2]!;
      r.email = ends[2]! + 1;
      r.emailEnd = ends[3]!;
      r.authorDate = decimal(buf, ends[3]! + 1, ends[4]!);
      r.committerDate = decimal(buf, ends[4]! + 1, ends[5]!);
      r.subject = ends[5]! + 1;
      r.subjectEnd = subjectEnd;
      this.emit(r);
      pos = subjectEnd;
    }
  }
}

/** Output we do not understand: fail loudly rather than miscount. */
function unexpected(buf: Buffer, at: number): never {
  const token = buf.toString('utf8', at, Math.min(buf.length, at + 80)).split('\0')[0]!;
  throw new Error(`unexpected git log token: ${JSON.stringify(token)}`);
}

export interface CommitFiles {
  hash: string;
  files: FileChange[];
}

/** The records of FILES_ARGS: a hash and the files that commit changed. */
export class FileListParser extends RecordParser<CommitFiles> {
  constructor(emit: (r: CommitFiles) => void) {
    super(1, ([hash]) => ({ hash: hash!, files: [] }), emit);
  }
}
