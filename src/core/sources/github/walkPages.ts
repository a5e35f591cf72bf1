import type { AtomicStore } from '../../cache/atomicStore';
import type { Progress } from '../sourceTypes';
import { parseIsoSeconds, type EpochSeconds } from '../../model/time';
import { extractGraphqlIssue, extractGraphqlPull, MalformedGitHubData } from './extractGraphql';
import { mergeByKey, type GitHubCacheData, type WalkCursor } from './githubCache';
import type { GitHubClient } from './githubClient';
import { SYNC_PAGE_QUERY, type Connection, type SyncPageResult, type SyncPageVariables } from './graphqlQuery';

export interface WalkInput {
  octokit: GitHubClient;
  owner: string;
  name: string;
  pageSize: number;
  store: AtomicStore<GitHubCacheData>;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
}

/** One connection's walk for this sync: null once it has reached its saved high-water mark. */
type Walk = NonNullable<WalkCursor['run']> | 'fresh' | null;

function begin(c: WalkCursor): Walk {
  return c.run ?? 'fresh';
}

/**
 * Applies one page to a walk. Items come newest-updated first, so the walk is complete when the
 * page reaches something older than the last completed walk's high-water mark, or runs out.
 */
function advance<N extends { updatedAt: string }>(walk: Walk, cursor: WalkCursor, conn: Connection<N>): { walk: Walk; cursor: WalkCursor } {
  if (walk == null) return { walk, cursor };
  const times = conn.nodes.map((n) => parseIsoSeconds(n.updatedAt)).filter((t): t is EpochSeconds => t != null);
  const run = walk === 'fresh' ? { top: times.length ? Math.max(...times) : (cursor.highWater ?? 0), after: null, stopAt: cursor.highWater } : walk;
  const reached = run.stopAt != null && times.some((t) => t < run.stopAt!);
  if (reached || !conn.pageInfo.hasNextPage || conn.nodes.length === 0 || !conn.pageInfo.endCursor) {
    const highWater = times.length || cursor.highWater != null || walk !== 'fresh' ? run.top : null;
    return { walk: null, cursor: { highWater, run: null } };
  }
  const next = { ...run, after: conn.pageInfo.endCursor };
  return { walk: next, cursor: { highWater: cursor.highWater, run: next } };
}

function checkShape(r: SyncPageResult | undefined, vars: SyncPageVariables): asserts r is SyncPageResult & { repository: NonNullable<SyncPageResult['repository']> } {
  if (!r || typeof r !== 'object') throw new MalformedGitHubData('the GraphQL response is not JSON data');
  if (!r.repository || typeof r.repository !== 'object') throw new MalformedGitHubData('the GraphQL response has no repository');
  const ok = (c: unknown) => c != null && typeof c === 'object' && Array.isArray((c as Connection<unknown>).nodes) && (c as Connection<unknown>).pageInfo != null;
  if (vars.withPrs && !ok(r.repository.pullRequests)) throw new MalformedGitHubData('pullRequests is missing from the GraphQL response');
  if (vars.withIssues && !ok(r.repository.issues)) throw new MalformedGitHubData('issues is missing from the GraphQL response');
}

/**
 * Pages pull requests and issues, newest-updated first, down to what the cache already holds,
 * saving the cache after every page. Throws on any failure; whatever was saved stays saved.
 */
export async function walkPages(cache: GitHubCacheData, input: WalkInput): Promise<GitHubCacheData> {
  let prs = begin(cache.prWalk);
  let issues = begin(cache.issueWalk);
  let pages = 0;
  const project = `${input.owner}/${input.name}`;
  while (prs != null || issues != null) {
    input.signal?.throwIfAborted();
    const vars: SyncPageVariables = {
      owner: input.owner,
      name: input.name,
      pageSize: input.pageSize,
      withPrs: prs != null,
      prAfter: prs != null && prs !== 'fresh' ? prs.after : null,
      withIssues: issues != null,
      issueAfter: issues != null && issues !== 'fresh' ? issues.after : null,
    };
    const result = await input.octokit.graphql<SyncPageResult | undefined>(SYNC_PAGE_QUERY, { ...vars, request: { signal: input.signal } });
    checkShape(result, vars);
    const repo = result.repository;
    let next = cache;
    if (vars.withPrs && repo.pullRequests) {
      const step = advance(prs, cache.prWalk, repo.pullRequests);
      prs = step.walk;
      next = { ...next, prWalk: step.cursor, pullRequests: mergeByKey(next.pullRequests, repo.pullRequests.nodes.map(extractGraphqlPull), (p) => p.number) };
    }
    if (vars.withIssues && repo.issues) {
      const step = advance(issues, cache.issueWalk, repo.issues);
      issues = step.walk;
      next = { ...next, issueWalk: step.cursor, issues: mergeByKey(next.issues, repo.issues.nodes.map((n) => extractGraphqlIssue(n, project)), (i) => i.key) };
    }
    // Items and the cursor that follows them land in one atomic write.
    await input.store.write(next);
    cache = next;
    pages++;
    const total = repo.pullRequests?.totalCount;
    input.onProgress?.({
      phase: 'github',
      message: `GitHub: page ${pages}, ${cache.pullRequests.length} pull requests and ${cache.issues.length} issues cached`,
      fraction: total ? Math.min(1, cache.pullRequests.length / total) : undefined,
    });
  }
  return cache;
}
