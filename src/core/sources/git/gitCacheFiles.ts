import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { withDirLock } from '../../cache/dirLock';
import type { AtomicStore } from '../../cache/atomicStore';
import { CommitStore } from './commitStore';
import { readSegment, writeSegment } from './commitStoreFile';

// 6: the wider fix word list of KPI spec v2 (fixing, bugs, bugfix), stored per commit.
// 7: file lists only for the commits that need them, by position, in any segment.
export const GIT_CACHE_VERSION = 7;

/**
 * The cache is an index (tips, branch tip, segment files) plus append-only segments of commit
 * rows: a run that finds new commits writes one small segment instead of rewriting the history.
 * A segment is written (atomically) before the index names it, so a crash leaves at most an
 * unnamed segment behind.
 */
export interface GitCacheIndex {
  /** The tips the cached history was read from; the next run reads only what lies beyond them. */
  tips: string[];
  /** The default-branch tip, to detect a rewrite (force push) of the branch. */
  branchTip: string;
  /** Bytes per hash: 20 (SHA-1) or 32 (SHA-256 repositories). */
  hashLength: number;
  segments: string[];
}

const MAX_SEGMENTS = 16;

/**
 * Several runs may share one cache folder (two editor windows, a CLI in CI beside the editor).
 * Reads take no lock: a writer only ever adds files, renames a complete index over the old one,
 * and deletes segments after no index names them. A reader that finds a segment gone (another
 * run compacted meanwhile) reads the new index instead. Writers take a lock (`git-history.lock`
 * beside the folder), so that no two change the folder at once.
 */
export interface SegmentsRead {
  store: CommitStore;
  /** Set when the index changed while the segments were read (the store follows the new one). */
  index?: GitCacheIndex;
  failed?: 'missing' | 'corrupt' | 'version';
}

/** The commits of the index's segments, following a concurrent compaction a few times at most. */
export async function readSegments(dir: string, first: GitCacheIndex, indexStore: AtomicStore<GitCacheIndex>, hashLength: number): Promise<SegmentsRead> {
  let current = first;
  for (let attempt = 0; ; attempt++) {
    const store = new CommitStore(hashLength);
    let failed: SegmentsRead['failed'];
    for (const seg of current.segments) {
      const r = await readSegment(path.join(dir, seg), store, GIT_CACHE_VERSION);
      if (!r.ok) {
        failed = r.why;
        break;
      }
    }
    const changed = current === first ? undefined : current;
    if (failed !== 'missing' || attempt >= 3) return { store, index: changed, failed };
    const again = await indexStore.read();
    if (!again.ok || again.data.hashLength !== hashLength || sameIndex(again.data, current)) return { store, index: changed, failed };
    current = again.data;
  }
}

const sameIndex = (a: GitCacheIndex, b: GitCacheIndex) => a.branchTip === b.branchTip && a.segments.join('\n') === b.segments.join('\n');

/** How much of a store the cache held when it was last read or written. */
export interface SavedPoint {
  commits: number;
  authors: number;
  paths: number;
}

/**
 * Saves the store for `next` (its tips). Appends one segment (commits [saved.commits, length) and
 * the file lists read since) when the index is still the one this run started from
 * (`startedFrom`); otherwise (cold, rebuilt, too many segments, or another run wrote meanwhile)
 * writes everything as one segment and removes the files no index names any more. File lists are
 * stored by position, so they are only ever added to the very segments they were read beside.
 * Returns the index now on disk when this run wrote it.
 */
export async function writeCache(
  dir: string, indexStore: AtomicStore<GitCacheIndex>, next: GitCacheIndex, startedFrom: GitCacheIndex | undefined,
  store: CommitStore, saved: SavedPoint,
): Promise<GitCacheIndex | undefined> {
  const lists = store.filesToSave;
  store.filesToSave = [];
  try {
    return await withDirLockOn(dir, async () => {
      const now = await indexStore.read();
      const onDisk = now.ok ? now.data : undefined;
      const append = next.segments.length > 0 && next.segments.length < MAX_SEGMENTS && onDisk !== undefined && startedFrom !== undefined && sameIndex(onDisk, startedFrom);
      // Another run already saved this very history: what this run adds is not worth its whole history again.
      if (!append && onDisk && onDisk.branchTip === next.branchTip && sameTips(onDisk.tips, next.tips)) return undefined;
      if (append && store.length === saved.commits && lists.length === 0) return undefined;
      const segFrom = append ? saved.commits : 0;
      let segments = append ? next.segments : [];
      const positions = append ? lists : store.positionsWithFiles();
      if (store.length > segFrom || positions.length > 0) {
        const name = `segment-${Date.now()}-${randomBytes(3).toString('hex')}.bin`;
        await writeSegment(path.join(dir, name), store, segFrom, positions, append ? saved : { authors: 0, paths: 0 }, GIT_CACHE_VERSION);
        segments = [...segments, name];
      }
      const written = { ...next, segments };
      if (!(await indexStore.write(written))) return undefined;
      if (!append) await removeUnnamed(dir, new Set([...segments, path.basename(indexStore.file)]));
      return written;
    });
  } catch (e) {
    // Not saved: the next write takes them along.
    store.filesToSave = lists.concat(store.filesToSave);
    throw e;
  }
}

async function withDirLockOn<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  await fs.mkdir(dir, { recursive: true });
  return withDirLock(`${dir}.lock`, fn);
}

/** The same tips, in any order. */
export function sameTips(a: string[], b: string[]): boolean {
  const s = new Set(a);
  return a.length === b.length && b.every((t) => s.has(t));
}

/** Under the lock: files no index names (old segments, temp files of a run that crashed). */
async function removeUnnamed(dir: string, keep: Set<string>): Promise<void> {
  for (const f of await fs.readdir(dir)) if (!keep.has(f)) await fs.rm(path.join(dir, f), { force: true, recursive: true });
}
