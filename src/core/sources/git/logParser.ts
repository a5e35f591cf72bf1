import type { Commit, FileChange } from '../../model/commit';

/**
 * The one log format. Fields are NUL-separated because NUL is the only byte git forbids in
 * names and messages; -z makes the --raw path list NUL-separated too. Each record starts with
 * two NULs so a parser can resynchronise at a commit boundary.
 */
export const LOG_FORMAT = '--format=%x00%x00%H%x00%P%x00%aN%x00%aE%x00%at%x00%ct%x00%s';
/**
 * --name-status, not --raw: the same paths and status letters without two object names per file,
 * so git writes (and we parse) far fewer bytes. --no-renames: rename detection is the costliest
 * part of a history scan and no KPI needs it (a rename shows as D + A).
 */
export const LOG_ARGS = ['log', '-z', LOG_FORMAT, '--name-status', '--no-renames', '--encoding=UTF-8', '--no-ext-diff', '--no-textconv', '--no-color'];

/** A --name-status letter (with a similarity score for R/C, which --no-renames never emits). */
const STATUS = /^[ACDMRTUXB]\d*$/;

const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

type State =
  | { at: 'between' }
  | { at: 'header'; values: string[] }
  | { at: 'files' }
  | { at: 'path'; status: string; paths: string[]; want: number };

/**
 * An incremental parser: feed it stdout chunks as they arrive, it emits each commit once the next
 * one (or the end) proves it complete. It holds at most one partial token and one commit.
 */
export class LogParser {
  private tail: Buffer | null = null;
  private state: State = { at: 'between' };
  private current: Commit | null = null;
  /** Names, emails and paths repeat across thousands of commits: keep one copy of each. */
  private readonly pool = new Map<string, string>();

  private intern(s: string): string {
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit;
    this.pool.set(s, s);
    return s;
  }

  constructor(private readonly emit: (c: Commit) => void) {}

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

  private token(tok: string): void {
    const s = this.state;
    switch (s.at) {
      case 'header': {
        s.values.push(tok);
        if (s.values.length === 7) {
          const [hash, parents, name, email, at, ct, subject] = s.values as [string, string, string, string, string, string, string];
          this.current = {
            hash,
            parents: parents ? parents.split(' ') : [],
            authorName: this.intern(name),
            authorEmail: this.intern(email),
            authorDate: Number(at),
            committerDate: Number(ct),
            subject,
            files: [],
          };
          this.state = { at: 'files' };
        }
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
          this.state = { at: 'header', values: [raw] };
          return;
        }
        // Anything else is a format we do not understand: fail loudly rather than miscount.
        throw new Error(`unexpected git log token: ${JSON.stringify(raw.slice(0, 80))}`);
      }
    }
  }
}
