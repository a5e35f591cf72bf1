/**
 * The text of a commit's diff for the read-only document the drill-downs open: `git show` through
 * the product's safe runner (no pager, no external diff or textconv, no repository program), with a
 * size cap so a vendored blob cannot fill the editor. No `vscode` here: it is tested on real repositories.
 */
import { SAFE_DIFF_FLAGS, streamGit } from '../../core/sources/git/gitRunner';
import { isCommitId } from '../../shared/protocol';

/** Past this the document ends with a note: a diff of many megabytes is read with git itself. */
export const SHOW_LIMIT_BYTES = 2 * 1024 * 1024;

/**
 * The arguments: the hash is checked hex and comes after `--end-of-options`, so it is never an option;
 * a merge commit shows what it brought to the first parent (the change the KPI counted).
 */
export function showArgs(hash: string): string[] {
  if (!isCommitId(hash)) throw new Error(`not a commit id: ${hash.slice(0, 80)}`);
  return ['show', '--no-color', ...SAFE_DIFF_FLAGS, '--encoding=UTF-8', '--format=fuller', '--stat', '--patch', '--diff-merges=first-parent', '--end-of-options', hash, '--'];
}

export async function showCommit(repoPath: string, hash: string, limit = SHOW_LIMIT_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = new AbortController();
  try {
    await streamGit(repoPath, showArgs(hash), (c) => {
      if (size >= limit) return;
      chunks.push(c);
      size += c.length;
      if (size >= limit) stop.abort();
    }, { signal: stop.signal });
  } catch (e) {
    if (!stop.signal.aborted) throw e;
  }
  const text = Buffer.concat(chunks).subarray(0, limit).toString('utf8');
  return stop.signal.aborted ? `${text}\n\n… cut off at ${Math.round(limit / 1024 / 1024)} MB: run \`git show ${hash}\` for the rest.\n` : text;
}
