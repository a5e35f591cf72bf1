import { GitError, streamGit } from '../git/gitRunner';
import { addTo } from '../../util/addTo';
import { CatFileBatchParser } from './catFileBatch';
import { codeLines, type TsCounters } from './codeLines';
import { contentExclusion, minifiable, type ContentExclusion } from './generatedContent';
import { isJsx } from './isJsx';
import { warmUpLexer } from './lexerWarmUp';
import type { LanguageInfo } from './languages';
import type { FileLines, KlocIndex } from '../../model/kloc';
import { tooLargeForSource } from './sourceSize';
import { primeTypescript } from './typescriptCodeCache';

/**
 * Line counts by blobKey, or why the content is not source (generated, minified): a blob's answer
 * never changes, so it is cached forever.
 */
export type LinesCache = Record<string, number | ContentExclusion>;

/** Paths git marks linguist-generated or linguist-vendored (spec §4 default excludes). */
export async function generatedOrVendored(top: string, paths: string[]): Promise<Set<string>> {
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

/** Blobs under `tree` that a partial clone does not have (rev-list --missing=print never fetches). */
async function absentUnder(top: string, tree: string, signal?: AbortSignal): Promise<Set<string>> {
  const out: string[] = [];
  await streamGit(top, ['rev-list', '--objects', '--missing=print', '--no-walk', tree], (c) => out.push(c.toString('latin1')), { signal });
  const absent = new Set<string>();
  for (const line of out.join('').split('\n')) if (line.startsWith('?')) absent.add(line.slice(1).trim());
  return absent;
}

/**
 * Each blob's size from its object header, without reading its bytes; blobs the object store does
 * not have are `absent` (never fetched: see gitRunner's SAFE_CONFIG). git >= 2.44 answers
 * "missing" for them; older git gives up on the whole batch, so the absent ones are listed from
 * the tree and the rest asked again.
 */
async function blobSizes(top: string, tree: string, blobs: string[], signal?: AbortSignal): Promise<{ sizes: Map<string, number>; absent: Set<string> }> {
  let absent = new Set<string>();
  for (let attempt = 0; ; attempt++) {
    const ask = absent.size ? blobs.filter((b) => !absent.has(b)) : blobs;
    const sizes = new Map<string, number>();
    if (ask.length === 0) return { sizes, absent };
    const out: string[] = [];
    try {
      await streamGit(top, ['cat-file', '--batch-check=%(objectname) %(objectsize)', '--buffer'], (c) => out.push(c.toString('latin1')), { stdin: ask.join('\n') + '\n', signal });
    } catch (e) {
      if (attempt > 0 || !(e instanceof GitError) || !e.missingObjects) throw e;
      absent = await absentUnder(top, tree, signal);
      continue;
    }
    for (const line of out.join('').split('\n')) {
      const [sha, size] = line.split(' ') as [string, string | undefined];
      if (!sha) continue;
      if (size === undefined || size === 'missing') absent.add(sha);
      else sizes.set(sha, Number(size));
    }
    return { sizes, absent };
  }
}

/** Streams blobs out of one `git cat-file --batch` and hands each one's text to `onBlob`. */
async function readBlobs(top: string, blobs: string[], onBlob: (sha: string, text: string) => void, onMissing: (sha: string) => void, signal?: AbortSignal): Promise<void> {
  if (blobs.length === 0) return;
  const parser = new CatFileBatchParser((sha, body) => {
    // Binary content (a NUL in the first 8 KB, as git itself decides) has no lines of code.
    onBlob(sha, body.subarray(0, 8000).includes(0) ? '\0binary' : body.toString('utf8'));
  }, onMissing);
  // --buffer: git writes blocks, not one flush per object (the whole list is written at once; no answer is waited on).
  await streamGit(top, ['cat-file', '--batch', '--buffer'], (chunk) => parser.push(chunk), { stdin: blobs.join('\n') + '\n', signal });
}

export interface Candidate {
  path: string;
  blob: string;
  /** The blob's size, when the tree listing gave it (then no size query is needed). */
  size?: number;
  kind: 'source' | 'test';
  language: LanguageInfo;
}

/** "<blob>:<comment style>", plus ":min" where the minified test applies (the same blob as .ts is not tested). */
export const blobKey = (c: Candidate): string => `${c.blob}:${c.language.comments}${minifiable(c.path) ? ':min' : ''}`;

/**
 * Blobs that were not counted: over the source size limit (not source, spec §4), or not in the
 * object store (a partial clone; never fetched). Both by blob hash.
 */
export interface Uncounted {
  tooLarge: Set<string>;
  absent: Set<string>;
}

/**
 * Counts the candidates' blobs (all under `tree`) into `into` (by blobKey), loading the TypeScript
 * tokenizers only if needed.
 */
export async function countBlobs(top: string, tree: string, candidates: Candidate[], into: LinesCache, cacheRoot: string, signal?: AbortSignal): Promise<Uncounted> {
  const byBlob = new Map<string, Candidate[]>();
  for (const c of candidates) addTo(byBlob, c.blob, c);
  const { sizes, absent } = candidates.every((c) => c.size !== undefined)
    ? { sizes: new Map(candidates.map((c) => [c.blob, c.size!])), absent: new Set<string>() }
    : await blobSizes(top, tree, [...byBlob.keys()], signal);
  const tooLarge = new Set<string>();
  const read: Candidate[] = [];
  for (const [sha, size] of sizes) {
    if (tooLargeForSource(size)) tooLarge.add(sha);
    else read.push(...byBlob.get(sha)!);
  }
  // Loaded only when a file needs them (the compiler is 9 MB to load): typescript-estree up front
  // when there is JSX, the scanner afterwards for the rare .ts/.js texts the lexer leaves to it.
  const ts: TsCounters = {};
  if (read.some((c) => c.language.comments === 'ts' && isJsx(c.path))) {
    primeTypescript(cacheRoot);
    ts.estree = await import('./tsTokenLines');
  }
  // Every lexer path seen once before the real files: V8 then optimizes it once (lexerWarmUp.ts).
  if (read.some((c) => c.language.comments === 'ts' && !isJsx(c.path))) warmUpLexer();
  const leftToScanner: Array<{ key: string; text: string }> = [];
  await readBlobs(top, [...new Set(read.map((c) => c.blob))], (sha, text) => {
    for (const c of byBlob.get(sha) ?? []) {
      // Generated or minified (spec §4 v2): decided on the text already read, never a second read.
      const notSource = text === '\0binary' ? null : contentExclusion(c.path, text);
      if (notSource) {
        into[blobKey(c)] = notSource;
        continue;
      }
      const n = text === '\0binary' ? 0 : codeLines(text, c.path, c.language, ts);
      if (n === null) leftToScanner.push({ key: blobKey(c), text });
      else into[blobKey(c)] = n;
    }
  }, (sha) => absent.add(sha), signal);
  if (leftToScanner.length > 0) {
    primeTypescript(cacheRoot);
    const { scannerTokenLines } = await import('./tsScannerLines');
    for (const { key, text } of leftToScanner) into[key] = scannerTokenLines(text, false);
  }
  return { tooLarge, absent };
}

/**
 * The index of the counted files: too-large, generated and minified ones are not source and left
 * out (listed in leftOut, with `marked`: the paths .gitattributes marks generated or vendored);
 * absent ones (not in a partial clone) are unknown, left out too, and said so, never counted as zero.
 */
export function klocIndex(files: Candidate[], lines: LinesCache, uncounted: Uncounted, marked: Iterable<string> = []): KlocIndex {
  const out: FileLines[] = [];
  const absent: string[] = [];
  const leftOut = [...marked];
  for (const c of files) {
    const n = lines[blobKey(c)];
    if (uncounted.absent.has(c.blob)) absent.push(c.path);
    else if (uncounted.tooLarge.has(c.blob) || typeof n === 'string') leftOut.push(c.path);
    else out.push({ path: c.path, lines: n ?? 0, kind: c.kind });
  }
  if (absent.length === 0) return summed(out, leftOut);
  const some = absent.slice(0, 3).join(', ') + (absent.length > 3 ? ', …' : '');
  return summed(out, leftOut, [`${absent.length} file(s) at HEAD are not in this partial clone (${some}): git was not allowed to fetch them, so their lines are unknown and left out of KLOC`]);
}

/** git's path order (bytewise; code-unit order agrees for these), the order a full listing gives. */
export const gitPathOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function summed(files: FileLines[], leftOut: string[], warnings?: string[]): KlocIndex {
  return {
    files,
    sourceLines: files.filter((f) => f.kind === 'source').reduce((s, f) => s + f.lines, 0),
    testLines: files.filter((f) => f.kind === 'test').reduce((s, f) => s + f.lines, 0),
    leftOut: leftOut.sort(gitPathOrder),
    ...(warnings ? { warnings } : {}),
  };
}
