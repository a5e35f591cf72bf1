import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import { AtomicStore } from '../../cache/atomicStore';
import type { CommitGraph } from '../../model/commitGraph';
import { streamGit } from './gitRunner';

/**
 * (v2, spec §1 "Pull request heads") A squash commit "(#N)" keeps no branch history, but a clone
 * that has fetched GitHub's pull request heads still has the branch: the change's first commit is
 * the earliest author date among the commits reachable from the head and not from the squash
 * commit's first parent. This is git alone, no token.
 *
 * Refs read, most specific first: `refs/pull/N/head` (GitHub's own name, and what
 * `--fetch-pr-heads` writes), `refs/pull/N` (what the spec's suggested
 * `git fetch origin '+refs/pull/*\/head:refs/pull/*'` writes) and `refs/remotes/<remote>/pr/N`
 * (a common fetch refspec). `refs/pull/N/merge` is GitHub's test merge, not the branch: ignored.
 */
const PR_REF = /^refs\/(?:pull\/(\d+)(\/head)?|remotes\/[^/]+\/pr\/(\d+))$/;

/** PR number → the commit its head ref points to, and a CRC-32 of the whole listing. */
export interface PrHeads {
  byPr: Map<number, string>;
  digest: number;
}

/** The for-each-ref patterns of the two ref families. */
export const PR_HEAD_PATTERNS = ['refs/pull/', 'refs/remotes/*/pr/*'];

/** Whether a listed ref belongs to the families PR_HEAD_PATTERNS list (a wildcard matches within one path part). */
export const isPrHeadFamily = (ref: string): boolean => ref.startsWith('refs/pull/') || /^refs\/remotes\/[^/]+\/pr\//.test(ref);

/** One for-each-ref over the two ref families: refs only, no history. */
export async function listPrHeads(top: string): Promise<PrHeads> {
  // Streamed rather than through simple-git, which collects 10,000 lines several times slower. No
  // %(objecttype): it makes git open every object, and GitHub's heads are always commits.
  const chunks: Buffer[] = [];
  await streamGit(top, ['for-each-ref', '--format=%(refname) %(objectname)', ...PR_HEAD_PATTERNS], (c) => chunks.push(c));
  return prHeadsOf(Buffer.concat(chunks).toString('utf8'));
}

/** The heads of a listing "refname objectname" per line (the digest is of exactly that text). */
export function prHeadsOf(listing: string): PrHeads {
  const heads = new Map<number, string>();
  const rank = new Map<number, number>();
  for (const line of listing.split('\n')) {
    const [ref, sha] = line.split(' ');
    if (!ref || !sha) continue;
    const m = PR_REF.exec(ref);
    if (!m) continue;
    const pr = Number(m[1] ?? m[3]);
    const r = m[2] ? 0 : m[1] ? 1 : 2;
    if ((rank.get(pr) ?? 3) <= r) continue;
    rank.set(pr, r);
    heads.set(pr, sha);
  }
  return { byPr: heads, digest: crc32(listing) };
}

/** A squash commit on the first-parent line whose PR has a head ref. */
interface Wanted {
  squash: number;
  /** Oldest-first position of the squash on the first-parent line. */
  fpPos: number;
  head: string;
}

/**
 * The cache: per squash commit, the head tip it was computed from and the result. The squash
 * commit fixes the first parent, so (squash, head tip) fixes the answer; a moved head recomputes.
 * The answers as a whole are a function of the branch tip and the head listing (git objects never
 * change): when both are as last time, the cached starts are the answer and nothing is matched.
 * Stored as one text block with its CRC-32: the envelope's JSON alone would accept a flipped digit.
 */
interface PrHeadCache {
  tip: string;
  /** CRC-32 of the for-each-ref listing the answers were computed from. */
  heads: number;
  crc: number;
  /** Lines "squashHash headHash firstCommitAt" (firstCommitAt "-" when the range was empty). */
  entries: string;
}

export const PR_HEADS_CACHE_VERSION = 1;

function cacheStore(cacheDir: string): AtomicStore<PrHeadCache> {
  return new AtomicStore<PrHeadCache>(path.join(cacheDir, 'pr-heads.json'), 'pr-heads', PR_HEADS_CACHE_VERSION);
}

interface CachedStart {
  squash: string;
  head: string;
  first: number | null;
}

async function readCache(cacheDir: string): Promise<PrHeadCache | undefined> {
  const r = await cacheStore(cacheDir).read();
  return r.ok && typeof r.data.entries === 'string' && crc32(r.data.entries) === r.data.crc ? r.data : undefined;
}

/** Cached lines, parsed; a line is "squash head first" with two hashes of one length. */
function parseEntries(entries: string): CachedStart[] {
  const out: CachedStart[] = [];
  for (const line of entries.split('\n')) {
    const [squash, head, first] = line.split(' ');
    if (squash && head && first) out.push({ squash, head, first: first === '-' ? null : Number(first) });
  }
  return out;
}

export interface PrHeadStarts {
  /** Squash commit hash → the earliest author date of its PR's own commits. */
  starts: Map<string, number>;
  /** How many heads had to be walked this run (0 on a warm run). */
  walked: number;
  /** Settles when the cache holds this run's answers; a failed write rejects (a warning, not fatal). */
  persisted: Promise<void>;
}

/**
 * The start of every squash change on the first-parent line that has a PR head. A warm run (every
 * head cached at the same tip) runs no git at all here; otherwise one `git log` reads the commits
 * the new heads reach beyond the default branch, and the ranges are walked in memory.
 */
export async function resolvePrHeadStarts(
  top: string, graph: CommitGraph, tip: string, heads: PrHeads, cacheDir: string, signal?: AbortSignal,
): Promise<PrHeadStarts> {
  const none: PrHeadStarts = { starts: new Map(), walked: 0, persisted: Promise.resolve() };
  const facts = graph.subjectFacts;
  if (heads.byPr.size === 0 || !facts) return none;
  const cached = await readCache(cacheDir);
  if (cached && cached.tip === tip && cached.heads === heads.digest) {
    const starts = new Map<string, number>();
    for (const e of parseEntries(cached.entries)) if (e.first != null) starts.set(e.squash, e.first);
    return { starts, walked: 0, persisted: Promise.resolve() };
  }
  const fp = firstParentLine(graph, tip);
  const wanted: Wanted[] = [];
  for (let k = 0; k < fp.length; k++) {
    const i = fp[k]!;
    const pr = facts.squashPr[i]!;
    const head = pr >= 0 && graph.parentStart[i + 1]! - graph.parentStart[i]! < 2 ? heads.byPr.get(pr) : undefined;
    if (head) wanted.push({ squash: i, fpPos: k, head });
  }

  // (With no squash to resolve the empty answer is cached too, so the next run stops above.)
  // The branch or the heads moved: reuse each answer whose squash and head are unchanged.
  const known = new Map<number, CachedStart>();
  for (const e of cached ? parseEntries(cached.entries) : []) {
    const i = graph.indexOf(e.squash);
    if (i >= 0) known.set(i, e);
  }
  const results: CachedStart[] = [];
  const misses: Wanted[] = [];
  for (const w of wanted) {
    const hit = known.get(w.squash);
    if (hit && hit.head === w.head) results.push(hit);
    else misses.push(w);
  }
  if (misses.length > 0) {
    const outside = await commitsBeyond(top, misses.map((m) => m.head), tip, signal);
    const entry = entryPositions(graph, fp);
    for (const m of misses) results.push({ squash: graph.commitAt(m.squash).hash, head: m.head, first: earliestInRange(graph, outside, entry, m) });
  }
  const starts = new Map<string, number>();
  for (const r of results) if (r.first != null) starts.set(r.squash, r.first);
  const persisted = (async () => {
    const entries = results.map((r) => `${r.squash} ${r.head} ${r.first ?? '-'}`).join('\n');
    await cacheStore(cacheDir).write({ tip, heads: heads.digest, crc: crc32(entries), entries });
  })();
  persisted.catch(() => undefined);
  return { starts, walked: misses.length, persisted };
}

/** Positions of the first-parent line from the tip, oldest first. */
function firstParentLine(graph: CommitGraph, tip: string): number[] {
  const { parentStart, parentList } = graph;
  const line: number[] = [];
  // A history has no cycles; the bound only guards against a corrupt graph.
  for (let i = graph.indexOf(tip); i >= 0 && line.length < parentStart.length; ) {
    line.push(i);
    i = parentStart[i + 1]! > parentStart[i]! ? parentList[parentStart[i]!]! : -1;
  }
  return line.reverse();
}

/**
 * For each commit of the history, the oldest first-parent position that reaches it (a large
 * number when none does, e.g. commits only a tag reaches). A commit is reachable from the
 * first-parent commit at position p exactly when its entry is ≤ p: the line is a chain of
 * ancestors, so each position reaches everything earlier ones do.
 */
function entryPositions(graph: CommitGraph, fp: number[]): Int32Array {
  const { parentStart, parentList } = graph;
  const entry = new Int32Array(parentStart.length - 1).fill(0x7fffffff);
  const stack: number[] = [];
  fp.forEach((i, k) => {
    stack.push(i);
    while (stack.length) {
      const c = stack.pop()!;
      if (entry[c] !== 0x7fffffff) continue;
      entry[c] = k;
      for (let s = parentStart[c]!; s < parentStart[c + 1]!; s++) if (parentList[s]! >= 0) stack.push(parentList[s]!);
    }
  });
  return entry;
}

/** A commit the default branch's history does not hold: only a PR head reaches it. */
interface OutsideCommit {
  parents: string[];
  authorDate: number;
}

/** The commits the heads reach and the default branch does not, from one `git log`. */
async function commitsBeyond(top: string, headTips: string[], tip: string, signal?: AbortSignal): Promise<Map<string, OutsideCommit>> {
  const out = new Map<string, OutsideCommit>();
  let rest = '';
  const take = (line: string) => {
    const [hash, parents, at] = line.split('\t');
    if (hash && at) out.set(hash, { parents: parents ? parents.split(' ') : [], authorDate: Number(at) });
  };
  const stdin = [...new Set(headTips)].join('\n') + `\n^${tip}\n`;
  await streamGit(top, ['log', '--format=%H%x09%P%x09%at', '--no-color', '--stdin'], (chunk) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop() ?? '';
    for (const l of lines) take(l);
  }, { stdin, signal });
  if (rest) take(rest);
  return out;
}

/**
 * The earliest author date among the commits reachable from the head and not from the squash
 * commit's first parent (the first-parent position just before the squash), or null if none.
 */
function earliestInRange(graph: CommitGraph, outside: Map<string, OutsideCommit>, entry: Int32Array, w: Wanted): number | null {
  const { parentStart, parentList } = graph;
  let first: number | null = null;
  const seenHash = new Set<string>();
  const seenPos = new Set<number>();
  const hashes: string[] = [w.head];
  const positions: number[] = [];
  const visitPos = (i: number) => {
    // Reachable from the first parent: part of the default branch before this change.
    if (i < 0 || entry[i]! < w.fpPos || seenPos.has(i)) return;
    seenPos.add(i);
    positions.push(i);
  };
  while (hashes.length || positions.length) {
    if (hashes.length) {
      const h = hashes.pop()!;
      if (seenHash.has(h)) continue;
      seenHash.add(h);
      const o = outside.get(h);
      if (o) {
        if (first == null || o.authorDate < first) first = o.authorDate;
        hashes.push(...o.parents);
      } else visitPos(graph.indexOf(h));
      continue;
    }
    const i = positions.pop()!;
    const at = graph.commitAt(i).authorDate;
    if (first == null || at < first) first = at;
    for (let s = parentStart[i]!; s < parentStart[i + 1]!; s++) visitPos(parentList[s]!);
  }
  return first;
}
