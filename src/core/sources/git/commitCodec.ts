import type { Commit, FileChange } from '../../model/commit';

/**
 * Compact row form for the cache. Paths repeat across thousands of commits, so a segment starts
 * with a table of its paths and each commit lists numbers: (path index × 8 + status code), and,
 * for a rename or copy, the old path as −(index + 1) right after. Reading shares one string per
 * path, which keeps both the file and the heap small.
 */
export type CommitRow = [hash: string, parents: string, name: string, email: string, at: number, ct: number, subject: string, files: number[]];
export type PathTableRow = { paths: string[] };
export type SegmentRow = CommitRow | PathTableRow;

const STATUSES = ['A', 'M', 'D', 'T', 'R', 'C', 'U', 'X'];

export function* encodeSegment(commits: Iterable<Commit>): Iterable<SegmentRow> {
  const list = [...commits];
  const index = new Map<string, number>();
  const intern = (p: string) => {
    let i = index.get(p);
    if (i === undefined) index.set(p, (i = index.size));
    return i;
  };
  for (const c of list) for (const f of c.files) { intern(f.path); if (f.oldPath) intern(f.oldPath); }
  yield { paths: [...index.keys()] };
  for (const c of list) {
    const files: number[] = [];
    for (const f of c.files) {
      const code = STATUSES.indexOf(f.status);
      files.push(intern(f.path) * 8 + (code < 0 ? 7 : code));
      if (f.oldPath) files.push(-(intern(f.oldPath) + 1));
    }
    yield [c.hash, c.parents.join(' '), c.authorName, c.authorEmail, c.authorDate, c.committerDate, c.subject, files];
  }
}

/** Decodes a segment row by row; the path table must come first. */
export class SegmentDecoder {
  private paths: string[] | null = null;

  constructor(private readonly emit: (c: Commit) => void) {}

  row(r: SegmentRow): void {
    if (!Array.isArray(r)) {
      if (!Array.isArray(r.paths)) throw new Error('bad path table');
      this.paths = r.paths;
      return;
    }
    const paths = this.paths;
    if (!paths) throw new Error('segment without a path table');
    const [hash, parents, authorName, authorEmail, authorDate, committerDate, subject, codes] = r;
    const files: FileChange[] = [];
    for (let k = 0; k < codes.length; k++) {
      const v = codes[k]!;
      const path = paths[v >> 3];
      if (path === undefined || v < 0) throw new Error('bad path reference');
      const next = codes[k + 1];
      if (next !== undefined && next < 0) {
        files.push({ path, status: STATUSES[v & 7]!, oldPath: paths[-next - 1]! });
        k += 1;
      } else files.push({ path, status: STATUSES[v & 7]! });
    }
    this.emit({ hash, parents: parents ? parents.split(' ') : [], authorName, authorEmail, authorDate, committerDate, subject, files });
  }
}
