import { streamGit } from '../sources/git/gitRunner';
import { addTo } from '../util/addTo';
import { countCodeLines } from './commentScanner';
import { isJsx } from './isJsx';
import type { LanguageInfo } from './languages';
import { primeTypescript } from './typescriptCodeCache';

/** Line counts by "<blob sha>:<comment style>": a blob's count never changes, so it is cached forever. */
export type LinesCache = Record<string, number>;

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

export interface Candidate {
  path: string;
  blob: string;
  kind: 'source' | 'test';
  language: LanguageInfo;
}

export const blobKey = (c: Candidate): string => `${c.blob}:${c.language.comments}`;

/** Counts the candidates' blobs into `into` (by blobKey), loading the TypeScript tokenizers only if needed. */
export async function countBlobs(top: string, candidates: Candidate[], into: LinesCache, cacheRoot: string, signal?: AbortSignal): Promise<void> {
  const byBlob = new Map<string, Candidate[]>();
  for (const c of candidates) addTo(byBlob, c.blob, c);
  // Loaded only when a file needs them: the scanner carries the TypeScript compiler, and
  // typescript-estree (for JSX, where only the parser tells text from code) adds its own weight.
  const tsFiles = candidates.filter((c) => c.language.comments === 'ts');
  if (tsFiles.length > 0) primeTypescript(cacheRoot);
  const scanner = tsFiles.some((c) => !isJsx(c.path)) ? await import('./tsScannerLines') : null;
  const estree = tsFiles.some((c) => isJsx(c.path)) ? await import('./tsTokenLines') : null;
  await readBlobs(top, [...byBlob.keys()], (sha, text) => {
    for (const c of byBlob.get(sha) ?? []) {
      let n: number;
      if (text === '\0binary') n = 0;
      else if (c.language.comments === 'ts') {
        n = (isJsx(c.path) ? estree?.estreeTokenLines(text, c.path) : scanner?.scannerTokenLines(text, false)) ?? countCodeLines(text, 'c');
      } else n = countCodeLines(text, c.language.comments);
      into[blobKey(c)] = n;
    }
  }, signal);
}
