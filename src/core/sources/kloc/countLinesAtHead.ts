import * as path from 'node:path';
import { AtomicStore } from '../../cache/atomicStore';
import type { KlocIndex } from '../../model/kloc';
import { collectCacheProblems } from '../../cache/cacheWarnings';
import { git, GitError, streamGit } from '../git/gitRunner';
import { blobKey, countBlobs, generatedOrVendored, klocIndex, type Candidate, type LinesCache, type Uncounted } from './blobLines';
import { fileClassifier, type KlocConfig } from './fileClassifier';
import { updateLines } from './linesDelta';

/**
 * Both line caches (lines.json per blob, lines-head.json per tree) are only valid for the rules
 * they were counted by. 2: KPI spec v2's languages and comment syntax (.sql is data, Ruby's
 * =begin/=end, WebAssembly); 3: generated and minified content left out, and listed (leftOut).
 */
export const LINES_CACHE_VERSION = 3;

/** A regular file of a tree listing; `size` when the listing had git give it (ls-tree --long). */
interface TreeFile {
  path: string;
  blob: string;
  size?: number;
}

/**
 * Every regular file of `tree`, with its size from the object header (`ls-tree --long`), so the
 * count needs no separate size query. A partial clone may lack some blobs, and then git cannot
 * give their sizes (and never fetches them): the listing is redone without sizes, and countBlobs
 * finds out which blobs are absent.
 */
async function listTree(top: string, tree: string): Promise<TreeFile[]> {
  try {
    return await listTreeWith(top, tree, true);
  } catch (e) {
    if (!(e instanceof GitError) || !e.missingObjects) throw e;
    return listTreeWith(top, tree, false);
  }
}

async function listTreeWith(top: string, tree: string, sizes: boolean): Promise<TreeFile[]> {
  const out: string[] = [];
  await streamGit(top, ['ls-tree', '-r', '-z', '--full-tree', ...(sizes ? ['--long'] : []), tree], (c) => out.push(c.toString('utf8')));
  const files: TreeFile[] = [];
  for (const entry of out.join('').split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    // "<mode> <type> <object>[ <size, space-padded>]\t<path>"
    const [mode, type, blob, size] = entry.slice(0, tab).split(' ').filter(Boolean) as [string, string, string, string | undefined];
    if (type !== 'blob' || mode === '120000') continue; // symlinks are not code
    files.push(sizes ? { path: entry.slice(tab + 1), blob, size: Number(size) } : { path: entry.slice(tab + 1), blob });
  }
  return files;
}

/**
 * Non-blank, non-comment lines of the source and test files at `commit` (spec §4 Size).
 * TypeScript/JavaScript lines come from typescript-eslint's token stream; others from the
 * comment scanner.
 */
/** What is counted: a commit (its tree is looked up) or a tree the caller has read already. */
export type CountedTree = string | { tree: string };

async function headLines(top: string, at: CountedTree, options: KlocConfig, cacheDir: string) {
  const tree = typeof at === 'string' ? (await git(top, ['rev-parse', '-q', '--verify', `${at}^{tree}`])).trim() : at.tree;
  const globs = JSON.stringify([options.sourceGlobs, options.excludeGlobs, options.testGlobs]);
  const signature = JSON.stringify([tree, options.sourceGlobs, options.excludeGlobs, options.testGlobs]);
  const store = new AtomicStore<HeadLines>(path.join(cacheDir, 'lines-head.json'), 'lines-head', LINES_CACHE_VERSION);
  const last = await store.read();
  const hit = last.ok && last.data.signature === signature ? last.data.index : undefined;
  // The same globs over another tree: the next count only needs what changed between the two.
  const previous = last.ok && !hit && last.data.tree && last.data.globs === globs ? { tree: last.data.tree, index: last.data.index } : undefined;
  return { signature, tree, globs, store, hit, previous };
}

/** What lines-head.json holds: HEAD's counts, with the tree and globs they were counted for. */
interface HeadLines {
  signature: string;
  tree?: string;
  globs?: string;
  index: KlocIndex;
}

/**
 * The counts the cache answers without a second thread. The whole answer depends only on HEAD's
 * tree and the globs: a warm run with an unchanged tree skips listing, attribute checks and blob
 * reads altogether. After a few new commits, the files that changed since the cached tree are
 * counted here (at most `maxChanges` paths): a thread of its own would cost more to start than
 * that count. Undefined: a full count is due (no cached tree, or too much changed).
 */
export async function linesFromCache(top: string, at: CountedTree, options: KlocConfig, cacheDir: string, maxChanges: number, signal?: AbortSignal): Promise<KlocIndex | undefined> {
  const { result, problems } = await collectCacheProblems(async () => {
    const { signature, tree, globs, store, hit, previous } = await headLines(top, at, options, cacheDir);
    if (hit || !previous) return hit;
    const index = await updateLines(top, previous, tree, options, cacheDir, signal, maxChanges);
    if (index && !index.warnings) await store.write({ signature, tree, globs, index });
    return index ?? undefined;
  });
  return result && problems.length ? { ...result, warnings: [...(result.warnings ?? []), ...problems] } : result;
}

/**
 * HEAD's line counts, from the cache when HEAD's tree is unchanged. A count that could not read
 * every file (a partial clone) is not cached, so it is redone once the files are there. Cache
 * files that cannot be written become warnings of the result (this may run in a worker thread).
 */
export async function countLinesAtHead(top: string, at: CountedTree, options: KlocConfig, cacheDir: string, signal?: AbortSignal): Promise<KlocIndex> {
  const { result, problems } = await collectCacheProblems(async () => {
    const { signature, tree, globs, store, hit, previous } = await headLines(top, at, options, cacheDir);
    if (hit) return hit;
    const index = (previous && (await updateLines(top, previous, tree, options, cacheDir, signal))) ?? (await countTree(top, tree, options, cacheDir, signal));
    if (!index.warnings) await store.write({ signature, tree, globs, index });
    return index;
  });
  return problems.length ? { ...result, warnings: [...(result.warnings ?? []), ...problems] } : result;
}

async function countTree(top: string, tree: string, options: KlocConfig, cacheDir: string, signal?: AbortSignal): Promise<KlocIndex> {
  const classify = fileClassifier(options);
  const candidates: Candidate[] = [];
  for (const f of await listTree(top, tree)) {
    const cls = classify(f.path);
    if (cls) candidates.push({ ...f, ...cls });
  }
  // git answers the linguist attributes while the blobs are read: a marked file (rare) is counted
  // for nothing and left out below, which costs less than waiting for the answer first.
  const skipP = generatedOrVendored(top, candidates.map((c) => c.path));
  skipP.catch(() => undefined);

  const store = new AtomicStore<LinesCache>(path.join(cacheDir, 'lines.json'), 'lines', LINES_CACHE_VERSION);
  const read = await store.read();
  const cache: LinesCache = read.ok ? read.data : {};
  const keyOf = blobKey;
  const missing = candidates.filter((c) => cache[keyOf(c)] === undefined);

  let uncounted: Uncounted = { tooLarge: new Set(), absent: new Set() };
  if (missing.length > 0) uncounted = await countBlobs(top, tree, missing, cache, path.dirname(cacheDir), signal);
  const skip = await skipP;
  const files = candidates.filter((c) => !skip.has(c.path));
  if (missing.length > 0) {
    // Keep only what HEAD still has, so the cache does not grow forever.
    const live: LinesCache = {};
    for (const c of files) if (cache[keyOf(c)] !== undefined) live[keyOf(c)] = cache[keyOf(c)]!;
    await store.write(live);
  }
  return klocIndex(files, cache, uncounted, skip);
}
