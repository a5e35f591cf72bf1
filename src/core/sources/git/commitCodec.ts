import type { Commit } from '../../model/commit';

/**
 * Compact row form for the cache: arrays parse several times faster than objects with repeated
 * keys, which is most of what a warm run costs.
 */
export type CommitRow = [hash: string, parents: string, name: string, email: string, at: number, ct: number, subject: string, files: string];

export function encodeCommit(c: Commit): CommitRow {
  const files = c.files.map((f) => (f.oldPath ? `${f.status}\u0000${f.path}\u0000${f.oldPath}` : `${f.status}\u0000${f.path}`)).join('\u0001');
  return [c.hash, c.parents.join(' '), c.authorName, c.authorEmail, c.authorDate, c.committerDate, c.subject, files];
}

export function decodeCommit(r: CommitRow): Commit {
  const [hash, parents, authorName, authorEmail, authorDate, committerDate, subject, files] = r;
  return {
    hash,
    parents: parents ? parents.split(' ') : [],
    authorName,
    authorEmail,
    authorDate,
    committerDate,
    subject,
    files: files
      ? files.split('\u0001').map((f) => {
          const [status, path, oldPath] = f.split('\u0000') as [string, string, string | undefined];
          return oldPath ? { status, path, oldPath } : { status, path };
        })
      : [],
  };
}
