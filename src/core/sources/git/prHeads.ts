import * as path from 'node:path';
import { crc32 } from 'node:zlib';
import { AtomicStore } from '../../cache/atomicStore';
import type { CommitGraph } from '../../model/commitGraph';
import { git, streamGit } from './gitRunner';

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

/** PR number → the commit its head ref points to. */
export type PrHeads = Map<number, string>;

/** One for-each-ref over the two ref families: refs only, no history. */
export async function listPrHeads(top: string): Promise<PrHeads> {
  const out = await git(top, ['for-each-ref', '--format=%(refname)%00%(objectname)%00%(objecttype)', 'refs/pull/', 'refs/remotes/*/pr/*']);
  const heads: PrHeads = new Map();
  const rank = new Map<number, number>();
  for (const line of out.split('\n')) {
    const [ref, sha, type] = line.split('\0');
    if (type !== 'commit' || !ref || !sha) continue;
    const m = PR_REF.exec(ref);
    if (!m) continue;
    const pr = Number(m[1] ?? m[3]);
    const r = m[2] ? 0 : m[1] ? 1 : 2;
    if ((rank.get(pr) ?? 3) <= r) continue;
    rank.set(pr, r);
    heads.set(pr, sha);
  }
  return heads;
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
 * Stored as one text block with its CRC-32: the envelope's JSON alone would accept a flipped digit.
 */
interface PrHeadCache {
  crc: number;
  /** Lines "squashHash headHash firstCommitAt" (firstCommitAt "-" when the range was empty). */
  entries: string;
}

export const PR_HEADS_CACHE_VERSION = 1;

function cacheStore(cacheDir: string): AtomicStore<PrHeadCache> {
  return new AtomicStore<PrHeadCache>(path.join(cacheDir, 'pr-heads.json'), 'pr-heads', PR_HEADS_CACHE_VERSION);
}

async function readCache(cacheDir: string): Promise<Map<string, { head: string; first: number | null }>> {
  const out = new Map<string, { head: string; first: number | null }>();
  const r = await cacheStore(cacheDir).read();
  if (!r.ok || typeof r.data.entries !== 'string' || crc32(r.data.entries) !== r.data.crc) return out;
  for (const line of r.data.entries.split('\n')) {
    const [squash, head, first] = line.split(' ');
    if (squash && head && first) out.set(squash, { head, first: first === '-' ? null : Number(first) });
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
  if (heads.size === 0 || !facts) return none;
  const fp = firstParentLine(graph, tip);
  const wanted: Wanted[] = [];
  for (let k = 0; k < fp.length; k++) {
    const i = fp[k]!;
    const pr = facts.squashPr[i]!;
    const head = pr >= 0 && graph.parentStart[i + 1]! - graph.parentStart[i]! < 2 ? heads.get(pr) : undefined;
    if (head) wanted.push({ squash: i, fpPos: k, head });
  }
  if (wanted.length === 0) return none;

  const cached = await readCache(cacheDir);
  const results = new Map<string, { head: string; first: number | null }>();
  const misses: Array<Wanted & { hash: string }> = [];
  for (const w of wanted) {
    const hash = graph.commitAt(w.squash).hash;
    const hit = cached.get(hash);
    if (hit && hit.head === w.head) results.set(hash, hit);
    else misses.push({ ...w, hash });
  }
  if (misses.length > 0) {
    const outside = await commitsBeyond(top, misses.map((m) => m.head), tip, signal);
    const entry = entryPositions(graph, fp);
    for (const m of misses) results.set(m.hash, { head: m.head, first: earliestInRange(graph, outside, entry, m) });
  }
  const starts = new Map<string, number>();
  for (const [hash, r] of results) if (r.first != null) starts.set(hash, r.first);
  const persisted = misses.length === 0 && results.size === cached.size
    ? Promise.resolve()
    : (async () => {
        const entries = [...results].map(([h, r]) => `${h} ${r.head} ${r.first ?? '-'}`).join('\n');
        await cacheStore(cacheDir).write({ crc: crc32(entries), entries });
      })();
  persisted.catch(() => undefined);
  return { starts, walked: misses.length, persisted };
}

/** Positions of the first-parent line from the tip, oldest first. */
function firstParentLine(graph: CommitGraph, tip: string): number[] {
  const { parentStart, parentList } = graph;
  const line: number[] = [];
  const seen = new Set<number>();
  for (let i = graph.indexOf(tip); i >= 0 && !seen.has(i); ) {
    seen.add(i);
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
