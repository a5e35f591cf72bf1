import * as path from 'node:path';
import { AtomicStore } from '../../cache/atomicStore';
import type { Commit, RepositoryInfo, Tag } from '../../model/commit';
import { streamGit } from './gitRunner';
import { LOG_ARGS, LogParser } from './logParser';
import { decodeCommit, encodeCommit, type CommitRow } from './commitCodec';
import { readRepoState, readTags } from './repoInfo';

export const GIT_CACHE_VERSION = 1;

interface GitCacheData {
  /** The tips the cached history was read from; the next run reads only what lies beyond them. */
  tips: string[];
  /** The default-branch tip, to detect a rewrite (force push) of the branch. */
  branchTip: string;
  rows: CommitRow[];
}

export interface GitHistory {
  info: RepositoryInfo;
  /** Newest first within each read; use `byHash` for lookups. */
  commits: Commit[];
  byHash: Map<string, Commit>;
  tip: string;
  tags: Tag[];
  /** How this run used the cache, for progress and tests. */
  cacheUse: 'cold' | 'warm' | 'incremental' | 'rebuilt';
  cacheNote?: string;
  parsedCommits: number;
}

export interface LoadOptions {
  cacheDir: string;
  signal?: AbortSignal;
  onCommits?: (n: number) => void;
}

async function isAncestor(top: string, older: string, newer: string): Promise<boolean> {
  // Via spawn, not simple-git: its raw() resolves on a silent non-zero exit, and exit 1 is the answer "no".
  try {
    await streamGit(top, ['merge-base', '--is-ancestor', older, newer], () => undefined);
    return true;
  } catch {
    return false;
  }
}

async function existingCommits(top: string, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  // cat-file --batch-check answers "<hash> missing" for objects gone after a rewrite + gc.
  const out: string[] = [];
  await streamGit(top, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], (c) => out.push(c.toString('utf8')), { stdin: hashes.join('\n') + '\n' });
  return out.join('').split('\n').filter((l) => l.endsWith(' commit')).map((l) => l.split(' ')[0]!);
}

/**
 * Reads the default branch's history plus everything the tags reach, from one streaming git log.
 * With a cache, reads only commits beyond the cached tips; a rewritten branch rebuilds.
 */
export async function loadGitHistory(top: string, opts: LoadOptions): Promise<GitHistory> {
  const state = await readRepoState(top);
  const tags = await readTags(top);
  const tips = [...new Set([state.tip, ...tags.map((t) => t.commit)])];
  const store = new AtomicStore<GitCacheData>(path.join(opts.cacheDir, 'git-history.json'), 'git-history', GIT_CACHE_VERSION);

  const cached = await store.read();
  let rows: CommitRow[] = [];
  let exclude: string[] = [];
  let cacheUse: GitHistory['cacheUse'] = 'cold';
  let cacheNote: string | undefined;
  if (cached.ok) {
    if (await isAncestor(top, cached.data.branchTip, state.tip)) {
      rows = cached.data.rows;
      exclude = await existingCommits(top, cached.data.tips);
      cacheUse = 'incremental';
    } else {
      cacheUse = 'rebuilt';
      cacheNote = 'history was rewritten since the last run (force push?): rebuilt the cache';
    }
  } else if (cached.why !== 'missing') {
    cacheUse = 'rebuilt';
    cacheNote = cached.why === 'version' ? 'the cache was written by another version: rebuilt it' : 'the cache file was unreadable: rebuilt it';
  }

  const fresh: Commit[] = [];
  const newTips = tips.filter((t) => !exclude.includes(t));
  if (newTips.length > 0 || cacheUse !== 'incremental') {
    const parser = new LogParser((c) => {
      fresh.push(c);
      if (opts.onCommits && fresh.length % 2000 === 0) opts.onCommits(fresh.length);
    });
    const stdin = [...tips, ...exclude.map((h) => `^${h}`)].join('\n') + '\n';
    await streamGit(top, [...LOG_ARGS, '--stdin', '--'], (chunk) => parser.push(chunk), { stdin, signal: opts.signal });
    parser.end();
  }
  if (cacheUse === 'incremental' && fresh.length === 0) cacheUse = 'warm';

  const byHash = new Map<string, Commit>();
  const commits: Commit[] = [];
  for (const c of fresh) {
    byHash.set(c.hash, c);
    commits.push(c);
  }
  for (const r of rows) {
    if (byHash.has(r[0])) continue;
    const c = decodeCommit(r);
    byHash.set(c.hash, c);
    commits.push(c);
  }

  if (cacheUse !== 'warm') {
    await store.write({ tips, branchTip: state.tip, rows: fresh.length === 0 ? rows : [...fresh.map(encodeCommit), ...rows] });
  }
  return { info: state.info, commits, byHash, tip: state.tip, tags, cacheUse, cacheNote, parsedCommits: fresh.length };
}
