import type { Release } from '../../model/pullRequest';
import { parseIsoSeconds } from '../../model/time';
import { MalformedGitHubData } from './extractGraphql';
import type { GitHubClient } from './githubClient';

/*
 * GitHub Releases are the one thing the sync reads over REST (GraphQL pages pull requests and
 * issues): the fields we read of `GET /repos/{o}/{r}/releases` and their conversion to the model.
 */

export interface RestRelease {
  tag_name: string;
  target_commitish: string;
  draft: boolean;
  created_at: string;
  published_at: string | null;
}

/** Drafts are not releases; target_commitish is kept only when it is a full sha (often it is a branch). */
function extractRestRelease(r: RestRelease): Release | null {
  if (r.draft) return null;
  const publishedAt = parseIsoSeconds(r.published_at) ?? parseIsoSeconds(r.created_at);
  if (publishedAt == null) return null;
  return {
    tagName: r.tag_name,
    commit: /^[0-9a-f]{40}$/i.test(r.target_commitish) ? r.target_commitish.toLowerCase() : null,
    publishedAt,
  };
}

const MAX_PAGES = 10;

function nextLink(link: string | undefined): string | null {
  const m = link ? /<([^>]+)>;\s*rel="next"/.exec(link) : null;
  return m?.[1] ?? null;
}

function releasesOf(data: unknown): Release[] {
  if (!Array.isArray(data)) throw new MalformedGitHubData('the releases response is not a JSON array');
  return (data as RestRelease[]).map(extractRestRelease).filter((r): r is Release => r != null);
}

/**
 * GitHub Releases over REST: a conditional request on the first page (a 304 costs no rate limit and
 * means nothing changed), then Link pagination. Returns null when unchanged.
 */
export async function collectReleases(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  etag: string | null,
  signal?: AbortSignal,
): Promise<{ releases: Release[]; etag: string | null } | null> {
  let first;
  try {
    first = await octokit.request('GET /repos/{owner}/{repo}/releases', {
      owner,
      repo,
      per_page: 100,
      headers: etag ? { 'if-none-match': etag } : {},
      request: { signal },
    });
  } catch (e) {
    if ((e as { status?: number }).status === 304) return null;
    throw e;
  }
  const releases = releasesOf(first.data);
  let next = nextLink(first.headers.link);
  for (let page = 1; next && page < MAX_PAGES; page++) {
    signal?.throwIfAborted();
    const res = await octokit.request(`GET ${next}`, { request: { signal } });
    releases.push(...releasesOf(res.data));
    next = nextLink(res.headers.link);
  }
  return { releases, etag: first.headers.etag ?? null };
}
