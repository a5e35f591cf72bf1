import { isJsx } from './isJsx';
import { primeTypescript } from './typescriptCodeCache';
import * as path from 'node:path';
import { AtomicStore } from '../cache/atomicStore';
import type { FileLines, KlocIndex } from '../model/kloc';
import type { KpiOptions } from '../options';
import { git, streamGit } from '../sources/git/gitRunner';
import { countCodeLines } from './commentScanner';
import { fileClassifier } from './fileClassifier';
import type { LanguageInfo } from './languages';
import { addTo } from '../util/addTo';

export const LINES_CACHE_VERSION = 1;

/** Line counts by "<blob sha>:<comment style>": a blob's count never changes, so it is cached forever. */
type LinesCache = Record<string, number>;

interface Candidate {
  path: string;
  blob: string;
  kind: 'source' | 'test';
  language: LanguageInfo;
}

async function listTree(top: string, commit: string): Promise<Array<{ path: string; blob: string }>> {
  const out: string[] = [];
  await streamGit(top, ['ls-tree', '-r', '-z', '--full-tree', commit], (c) => out.push(c.toString('utf8')));
  const files: Array<{ path: string; blob: string }> = [];
  for (const entry of out.join('').split('\0')) {
    if (!entry) continue;
    const tab = entry.indexOf('\t');
    const [mode, type, blob] = entry.slice(0, tab).split(' ') as [string, string, string];
    if (type !== 'blob' || mode === '120000') continue; // symlinks are not code
    files.push({ path: entry.slice(tab + 1), blob });
  }
  return files;
}

/** Paths git marks linguist-generated or linguist-vendored (spec §4 default excludes). */
async function generatedOrVendored(top: string, paths: string[]): Promise<Set<string>> {
  if (paths.length === 0) return new Set();
  const chunks: string[] = [];
  await streamGit(top, ['check-attr', '-z', '--stdin', 'linguist-generated', 'linguist-vendored'], (c) => chunks.push(c.toString('utf8')), { stdin: paths.join('\0') + '\0' }).catch(() => undefined);
  const parts = chunks.join('').split('\0');
  const hits = new Set<string>();
  for (let i = 0; i + 2 < parts.length; i += 3) {
    const value = parts[i + 2];
    if (value === 'set' || value === 'true') hits.add(parts[i]!);
  }
  return hits;
}

/** Streams blobs out of one `git cat-file --batch` and hands each one's text to `onBlob`. */
async function readBlobs(top: string, blobs: string[], onBlob: (sha: string, text: string) => void, signal?: AbortSignal): Promise<void> {
  if (blobs.length === 0) return;
  let pending: Buffer = Buffer.alloc(0);
  let want: { sha: string; size: number } | null = null;
  await streamGit(top, ['cat-file', '--batch'], (chunk) => {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    for (;;) {
      if (!want) {
        const nl = pending.indexOf(10);
        if (nl < 0) return;
        const [sha, type, size] = pending.toString('utf8', 0, nl).split(' ') as [string, string, string];
        pending = pending.subarray(nl + 1);
        if (type === 'missing') continue;
        want = { sha, size: Number(size) };
      }
      if (pending.length < want.size + 1) return;
      const body = pending.subarray(0, want.size);
      // Binary content (a NUL in the first 8 KB, as git itself decides) has no lines of code.
      onBlob(want.sha, body.subarray(0, 8000).includes(0) ? '\0binary' : body.toString('utf8'));
      pending = pending.subarray(want.size + 1);
      want = null;
    }
  }, { stdin: blobs.join('\n') + '\n', signal });
}

/**
 * Non-blank, non-comment lines of the source and test files at `commit` (spec §4 Size).
 * TypeScript/JavaScript lines come from typescript-eslint's token stream; others from the
 * comment scanner.
 */
async function headLines(top: string, commit: string, options: KpiOptions, cacheDir: string) {
  const tree = (await git(top, ['rev-parse', '-q', '--verify', `${commit}^{tree}`])).trim();
  const signature = JSON.stringify([tree, options.sourceGlobs, options.excludeGlobs, options.testGlobs]);
  const store = new AtomicStore<{ signature: string; index: KlocIndex }>(path.join(cacheDir, 'lines-head.json'), 'lines-head', LINES_CACHE_VERSION);
  const last = await store.read();
  return { signature, store, hit: last.ok && last.data.signature === signature ? last.data.index : undefined };
}

/**
 * The whole answer depends only on HEAD's tree and the globs: a warm run with an unchanged tree
 * skips listing, attribute checks and blob reads altogether.
 */
export async function cachedLinesAtHead(top: string, commit: string, options: KpiOptions, cacheDir: string): Promise<KlocIndex | undefined> {
  return (await headLines(top, commit, options, cacheDir)).hit;
}

export async function countLinesAtHead(top: string, commit: string, options: KpiOptions, cacheDir: string, signal?: AbortSignal): Promise<KlocIndex> {
  const { signature, store, hit } = await headLines(top, commit, options, cacheDir);
  if (hit) return hit;
  const index = await countTree(top, commit, options, cacheDir, signal);
  await store.write({ signature, index });
  return index;
}

async function countTree(top: string, commit: string, options: KpiOptions, cacheDir: string, signal?: AbortSignal): Promise<KlocIndex> {
  const classify = fileClassifier(options);
  const candidates: Candidate[] = [];
  for (const f of await listTree(top, commit)) {
    const cls = classify(f.path);
    if (cls) candidates.push({ ...f, ...cls });
  }
  const skip = await generatedOrVendored(top, candidates.map((c) => c.path));
  const files = candidates.filter((c) => !skip.has(c.path));

  const store = new AtomicStore<LinesCache>(path.join(cacheDir, 'lines.json'), 'lines', LINES_CACHE_VERSION);
  const read = await store.read();
  const cache: LinesCache = read.ok ? read.data : {};
  const keyOf = (c: Candidate) => `${c.blob}:${c.language.comments}`;
  const missing = files.filter((c) => cache[keyOf(c)] === undefined);

  if (missing.length > 0) {
    const byBlob = new Map<string, Candidate[]>();
    for (const c of missing) addTo(byBlob, c.blob, c);
    // Loaded only when a file needs them: the scanner carries the TypeScript compiler, and
    // typescript-estree (for JSX, where only the parser tells text from code) adds its own weight.
    const tsFiles = missing.filter((c) => c.language.comments === 'ts');
    if (tsFiles.length > 0) primeTypescript(path.dirname(cacheDir));
    const scanner = tsFiles.some((c) => !isJsx(c.path)) ? await import('./tsScannerLines') : null;
    const estree = tsFiles.some((c) => isJsx(c.path)) ? await import('./tsTokenLines') : null;
    await readBlobs(top, [...byBlob.keys()], (sha, text) => {
      for (const c of byBlob.get(sha) ?? []) {
        let n: number;
        if (text === '\0binary') n = 0;
        else if (c.language.comments === 'ts') {
          n = (isJsx(c.path) ? estree?.estreeTokenLines(text, c.path) : scanner?.scannerTokenLines(text, false)) ?? countCodeLines(text, 'c');
        }
        else n = countCodeLines(text, c.language.comments);
        cache[keyOf(c)] = n;
      }
    }, signal);
    // Keep only what HEAD still has, so the cache does not grow forever.
    const live: LinesCache = {};
    for (const c of files) if (cache[keyOf(c)] !== undefined) live[keyOf(c)] = cache[keyOf(c)]!;
    await store.write(live);
  }

  const out: FileLines[] = files.map((c) => ({ path: c.path, lines: cache[keyOf(c)] ?? 0, kind: c.kind }));
  return {
    files: out,
    sourceLines: out.filter((f) => f.kind === 'source').reduce((s, f) => s + f.lines, 0),
    testLines: out.filter((f) => f.kind === 'test').reduce((s, f) => s + f.lines, 0),
  };
}
