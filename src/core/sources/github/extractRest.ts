import type { Release } from '../../model/pullRequest';
import { parseIsoSeconds } from '../../model/time';

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
export function extractRestRelease(r: RestRelease): Release | null {
  if (r.draft) return null;
  const publishedAt = parseIsoSeconds(r.published_at) ?? parseIsoSeconds(r.created_at);
  if (publishedAt == null) return null;
  return {
    tagName: r.tag_name,
    commit: /^[0-9a-f]{40}$/i.test(r.target_commitish) ? r.target_commitish.toLowerCase() : null,
    publishedAt,
  };
}
