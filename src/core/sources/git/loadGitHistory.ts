import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { readRowFile, writeRowFile } from '../../cache/rowFile';
import { AtomicStore } from '../../cache/atomicStore';
import type { Commit, RepositoryInfo, Tag } from '../../model/commit';
import { streamGit } from './gitRunner';
import { LOG_ARGS, LogParser } from './logParser';
import { encodeSegment, SegmentDecoder, type SegmentRow } from './commitCodec';
import { readRepoState, readTags, type RepoState } from './repoInfo';

export const GIT_CACHE_VERSION = 3;

/**
 * The cache is an index (tips, branch tip, segment files) plus append-only segments of commit
 * rows: a run that finds new commits writes one small segment instead of rewriting the history.
 * A segment is written (atomically) before the index names it, so a crash leaves at most an
 * unnamed segment behind.
 */
interface GitCacheIndex {
  /** The tips the cached history was read from; the next run reads only what lies beyond them. */
  tips: string[];
  /** The default-branch tip, to detect a rewrite (force push) of the branch. */
  branchTip: string;
  segments: string[];
}

const MAX_SEGMENTS = 16;

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
  /** HEAD, default branch and shallowness, when the caller has read them already. */
  state?: RepoState;
  signal?: AbortSignal;
  onCommits?: (n: number) => void;
}

function sameSet(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
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
  const [state, tags] = await Promise.all([opts.state ?? readRepoState(top), readTags(top)]);
  const tips = [...new Set([state.tip, ...tags.map((t) => t.commit)])];
  const dir = path.join(opts.cacheDir, 'git-history');
  const store = new AtomicStore<GitCacheIndex>(path.join(dir, 'index.json'), 'git-history', GIT_CACHE_VERSION);

  const cached = await store.read();
  const old: Commit[] = [];
  let segments: string[] = [];
  let exclude: string[] = [];
  let cacheUse: GitHistory['cacheUse'] = 'cold';
  let cacheNote: string | undefined;
  const unreadable = (why: string) => {
    cacheUse = 'rebuilt';
    cacheNote = why === 'version' ? 'the cache was written by another version: rebuilt it' : 'the cache file was unreadable: rebuilt it';
    old.length = 0;
  };
  // Same tips as last time: nothing can have changed, so skip the ancestry and existence checks.
  const unchanged = cached.ok && cached.data.branchTip === state.tip && sameSet(cached.data.tips, tips);
  if (cached.ok) {
    if (unchanged || (await isAncestor(top, cached.data.branchTip, state.tip))) {
      cacheUse = 'incremental';
      for (const seg of cached.data.segments) {
        const decoder = new SegmentDecoder((c) => old.push(c));
        const r = await readRowFile<SegmentRow>(path.join(dir, seg), 'git-commits', GIT_CACHE_VERSION, (row) => decoder.row(row));
        if (!r.ok) {
          unreadable(r.why);
          break;
        }
      }
      if (cacheUse === 'incremental') {
        segments = cached.data.segments;
        exclude = unchanged ? tips : await existingCommits(top, cached.data.tips);
      }
    } else {
      cacheUse = 'rebuilt';
      cacheNote = 'history was rewritten since the last run (force push?): rebuilt the cache';
    }
  } else if (cached.why !== 'missing') {
    unreadable(cached.why);
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

  // git log with ^old-tips never repeats a cached commit, but a rebuilt or partial cache might:
  // dedupe only when both sides have commits (a warm run has no fresh ones and skips the map).
  let commits: Commit[];
  if (fresh.length === 0) commits = old;
  else if (old.length === 0) commits = fresh;
  else {
    const seen = new Set(fresh.map((c) => c.hash));
    commits = [...fresh, ...old.filter((c) => !seen.has(c.hash))];
  }
  let byHash: Map<string, Commit> | undefined;

  if (cacheUse !== 'warm') {
    if (cacheUse !== 'incremental' || segments.length >= MAX_SEGMENTS) {
      // Start over (or compact): one segment with everything, and drop the old files.
      await fs.rm(dir, { recursive: true, force: true });
      segments = [];
    }
    const rowsToWrite = segments.length === 0 ? commits : fresh;
    if (rowsToWrite.length > 0) {
      const name = `segment-${Date.now()}-${randomBytes(3).toString('hex')}.rows`;
      await writeRowFile(path.join(dir, name), 'git-commits', GIT_CACHE_VERSION, encodeSegment(rowsToWrite));
      segments = [...segments, name];
    }
    await store.write({ tips, branchTip: state.tip, segments });
  }
  return {
    info: state.info, commits, tip: state.tip, tags, cacheUse, cacheNote, parsedCommits: fresh.length,
    get byHash() {
      return (byHash ??= new Map(commits.map((c) => [c.hash, c])));
    },
  };
}
