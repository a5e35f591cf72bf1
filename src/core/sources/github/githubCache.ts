import * as path from 'node:path';
import { AtomicStore } from '../../cache/atomicStore';
import type { Issue } from '../../model/issue';
import type { PullRequest, Release } from '../../model/pullRequest';
import type { EpochSeconds } from '../../model/time';

/**
 * Where a newest-updated-first walk of one connection stands.
 * - `highWater`: every item updated at or before it is in the cache (set when a walk completes).
 * - `run`: a walk in progress: `after` is the cursor of the last page saved, `top` the newest
 *   updatedAt seen when it began (the next highWater), `stopAt` the highWater it walks down to.
 * The cursor is written in the same atomic file as the items of its page, so it can never run
 * ahead of what is saved.
 */
export interface WalkCursor {
  highWater: EpochSeconds | null;
  run: { top: EpochSeconds; after: string | null; stopAt: EpochSeconds | null } | null;
}

export interface GitHubCacheData {
  /** apiUrl + owner/name: a cache for another repository reads as empty. */
  repoKey: string;
  pullRequests: PullRequest[];
  issues: Issue[];
  releases: Release[];
  releasesEtag: string | null;
  prWalk: WalkCursor;
  issueWalk: WalkCursor;
  /** ISO time of the last completed sync. */
  syncedAt: string | null;
}

export const GITHUB_CACHE_VERSION = 1;

export function githubCacheStore(cacheDir: string): AtomicStore<GitHubCacheData> {
  return new AtomicStore<GitHubCacheData>(path.join(cacheDir, 'github.json'), 'github-sync', GITHUB_CACHE_VERSION);
}

export function emptyCache(repoKey: string): GitHubCacheData {
  const walk = (): WalkCursor => ({ highWater: null, run: null });
  return { repoKey, pullRequests: [], issues: [], releases: [], releasesEtag: null, prWalk: walk(), issueWalk: walk(), syncedAt: null };
}

/** Replaces by number (PRs) or key (issues): a re-fetched item is the newer truth, never a duplicate. */
export function mergeByKey<T>(existing: T[], incoming: T[], key: (t: T) => string | number): T[] {
  const map = new Map(existing.map((t) => [key(t), t]));
  for (const t of incoming) map.set(key(t), t);
  return [...map.values()];
}
