import type { SourceStatus } from '../../model/dataset';
import type { Issue } from '../../model/issue';
import type { PullRequest, Release } from '../../model/pullRequest';
import type { Progress, TokenProvider } from '../sourceTypes';
import { isBugIssue } from './bugLabels';
import { collectReleases } from './collectReleases';
import { emptyCache, githubCacheStore, type GitHubCacheData } from './githubCache';
import { createGitHubClient, type GitHubTuning } from './githubClient';
import { statusFromError } from './githubErrors';
import { httpLimits, SyncBudget, type HttpLimits } from '../http/httpLimits';
import { walkPages } from './walkPages';

export interface GitHubData {
  pullRequests: PullRequest[];
  issues: Issue[];
  releases: Release[];
  status: SourceStatus;
  /** HTTP requests this sync sent (retries included). */
  requests: number;
}

export interface GitHubSyncConfig {
  owner: string;
  name: string;
  apiUrl: string;
  token: TokenProvider;
  /** Use only the cache. */
  offline?: boolean;
  /** The bugLabelPattern option, for the status line's bug count; the KPIs apply it themselves. */
  bugLabelPattern: string;
}

export interface GitHubSyncContext {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /** Body cap, request deadline and sync budget; tests turn them down. */
  httpLimits?: Partial<HttpLimits>;
}

function isAbort(e: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || (e instanceof Error && e.name === 'AbortError');
}

function result(cache: GitHubCacheData, status: SourceStatus, requests: number): GitHubData {
  return {
    pullRequests: [...cache.pullRequests].sort((a, b) => a.number - b.number),
    issues: [...cache.issues].sort((a, b) => Number(a.key.slice(1)) - Number(b.key.slice(1))),
    releases: [...cache.releases].sort((a, b) => a.publishedAt - b.publishedAt),
    status: cache.syncedAt && status.status !== 'ok' ? { ...status, asOf: cache.syncedAt } : status,
    requests,
  };
}

/**
 * Brings the GitHub cache up to date and returns everything it holds. Never throws for network,
 * auth, rate-limit or data problems: those come back as the status, with the cached data. Only an
 * abort through `ctx.signal` throws.
 */
export async function syncGitHub(cfg: GitHubSyncConfig, cacheDir: string, ctx: GitHubSyncContext, tuning: GitHubTuning = {}): Promise<GitHubData> {
  const repo = `${cfg.owner}/${cfg.name}`;
  const repoKey = `${cfg.apiUrl.replace(/\/+$/, '')} ${repo}`.toLowerCase();
  const store = githubCacheStore(cacheDir);
  const read = await store.read();
  let cache = read.ok && read.data.repoKey === repoKey ? read.data : emptyCache(repoKey);

  if (cfg.offline) {
    return cache.syncedAt
      ? result(cache, { status: 'stale', message: `GitHub: offline, showing data from ${cache.syncedAt}` }, 0)
      : result(cache, { status: 'off', message: 'GitHub: offline and nothing cached yet' }, 0);
  }
  let token: string | undefined;
  try {
    token = await cfg.token();
  } catch {
    token = undefined;
  }
  if (!token) return result(emptyCache(repoKey), { status: 'off', message: 'GitHub: off (set GITHUB_TOKEN)', fault: { kind: 'no-credentials' } }, 0);

  const limits = httpLimits(ctx.httpLimits);
  const client = createGitHubClient(cfg.apiUrl, token, limits, new SyncBudget(limits.syncBudgetMs), tuning);
  ctx.onProgress?.({ phase: 'github', message: `GitHub: syncing ${repo}` });
  try {
    cache = await walkPages(cache, {
      octokit: client.octokit,
      owner: cfg.owner,
      name: cfg.name,
      pageSize: tuning.pageSize ?? 100,
      store,
      signal: ctx.signal,
      onProgress: ctx.onProgress,
    });
    const releases = await collectReleases(client.octokit, cfg.owner, cfg.name, cache.releasesEtag, ctx.signal);
    if (releases) cache = { ...cache, releases: releases.releases, releasesEtag: releases.etag };
    cache = { ...cache, syncedAt: new Date().toISOString() };
    await store.write(cache);
  } catch (e) {
    if (isAbort(e, ctx.signal)) throw ctx.signal?.reason ?? e;
    // The walk saved every page it finished; report those, not the pre-sync copy.
    const saved = await store.read();
    if (saved.ok && saved.data.repoKey === repoKey) cache = saved.data;
    return result(cache, statusFromError(e, repo), client.requests());
  }
  const bugs = cache.issues.filter((i) => isBugIssue(i, cfg.bugLabelPattern)).length;
  const message = `GitHub: ${cache.pullRequests.length} pull requests, ${cache.issues.length} issues (${bugs} bugs), ${cache.releases.length} releases`;
  return result(cache, { status: 'ok', message }, client.requests());
}
