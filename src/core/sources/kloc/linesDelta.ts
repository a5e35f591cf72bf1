import * as path from 'node:path';
import type { FileLines, KlocIndex } from '../../model/kloc';
import { streamGit } from '../git/gitRunner';
import { countBlobs, gitPathOrder, klocIndex, summed, generatedOrVendored, type Candidate, type LinesCache } from './blobLines';
import { fileClassifier, type KlocConfig } from './fileClassifier';

/** A path that differs between two trees: its new blob, or null when it is gone or no longer a regular file. */
interface TreeChange {
  path: string;
  blob: string | null;
}

/** `git diff-tree -r -z` between two trees; null when that fails (the old tree was pruned after a rewrite). */
async function diffTrees(top: string, from: string, to: string): Promise<TreeChange[] | null> {
  const chunks: Buffer[] = [];
  try {
    await streamGit(top, ['diff-tree', '-r', '-z', '--no-renames', '--no-ext-diff', '--no-textconv', from, to], (c) => chunks.push(c));
  } catch {
    return null;
  }
  const parts = Buffer.concat(chunks).toString('utf8').split('\0');
  const changes: TreeChange[] = [];
  // ":<old mode> <new mode> <old blob> <new blob> <status>", then the path.
  for (let i = 0; i + 1 < parts.length; i += 2) {
    const meta = parts[i]!.replace(/^\n/, '');
    if (!meta.startsWith(':')) return null;
    const [, newMode, , newBlob] = meta.slice(1).split(' ') as [string, string, string, string];
    // Only regular files are counted (100644/100755), as in a full listing: not symlinks or submodules.
    const regular = newMode === '100644' || newMode === '100755';
    changes.push({ path: parts[i + 1]!, blob: regular ? newBlob : null });
  }
  return changes;
}

/**
 * HEAD's line counts from the previous HEAD's: only the files that differ between the two trees
 * are classified, checked for linguist attributes and counted, so a run after a few new commits
 * reads a few blobs instead of listing and looking up every file. Null when that would not be
 * exact: the previous tree is gone, or a .gitattributes file changed (it decides which unchanged
 * files are generated or vendored); the caller then counts the whole tree. Undefined when more
 * than `maxChanges` paths changed.
 */
export async function updateLines(
  top: string, previous: { tree: string; index: KlocIndex }, tree: string, options: KlocConfig, cacheDir: string, signal?: AbortSignal, maxChanges = Infinity,
): Promise<KlocIndex | null | undefined> {
  const changes = await diffTrees(top, previous.tree, tree);
  if (!changes || changes.some((c) => path.posix.basename(c.path) === '.gitattributes')) return null;
  // Undefined, not null: the update would be exact, the caller only asked for a small one.
  if (changes.length > maxChanges) return undefined;
  const classify = fileClassifier(options);
  const candidates: Candidate[] = [];
  for (const c of changes) {
    const cls = c.blob ? classify(c.path) : null;
    if (cls) candidates.push({ path: c.path, blob: c.blob!, ...cls });
  }
  // The attribute check and the blob reads are asked of git side by side: a file the attributes
  // mark generated or vendored is then counted for nothing and left out below, as if never read.
  const skipP = generatedOrVendored(top, candidates.map((c) => c.path));
  skipP.catch(() => undefined);
  const lines: LinesCache = {};
  const uncounted = await countBlobs(top, tree, candidates, lines, path.dirname(cacheDir), signal);
  const skip = await skipP;
  const counted = candidates.filter((c) => !skip.has(c.path));

  const changed = new Set(changes.map((c) => c.path));
  const index = klocIndex(counted, lines, uncounted, skip);
  const files: FileLines[] = previous.index.files.filter((f) => !changed.has(f.path)).concat(index.files);
  files.sort((a, b) => gitPathOrder(a.path, b.path));
  const leftOut = previous.index.leftOut.filter((p) => !changed.has(p)).concat(index.leftOut);
  return summed(files, leftOut, index.warnings);
}
