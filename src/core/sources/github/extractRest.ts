import { githubIssue } from './githubIssue';
import type { Issue, IssueChange } from '../../model/issue';
import type { PullRequest, Release } from '../../model/pullRequest';
import { parseIsoSeconds, type EpochSeconds } from '../../model/time';
import { isBot, type Actor } from './bots';
import { firstReviewAt, type ReviewEvent } from './reviewTime';

/*
 * The REST API's shapes (only the fields we read) and their conversion to the model. Used for
 * Releases in the live sync and for the DevLake conformance fixtures, which are REST pages.
 */

export interface RestUser {
  login: string;
  type?: string;
}

export interface RestLabel {
  name: string;
}

export interface RestPull {
  number: number;
  title: string;
  html_url: string;
  state: 'open' | 'closed';
  draft?: boolean;
  user: RestUser | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  merged_at: string | null;
  merge_commit_sha: string | null;
  labels?: RestLabel[];
  base: { ref: string };
  /** head.repo is null when the fork was deleted. */
  head: { ref: string; repo?: unknown };
  additions?: number;
  deletions?: number;
}

export interface RestCommit {
  sha: string;
  commit: { author: { date: string } | null };
}

export interface RestReview {
  user: RestUser | null;
  state: string;
  submitted_at?: string | null;
}

export interface RestComment {
  user: RestUser | null;
  created_at: string;
}

export interface RestIssue {
  number: number;
  title: string;
  html_url: string;
  state: 'open' | 'closed';
  user: RestUser | null;
  labels: Array<RestLabel | string>;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** Present when the "issue" is a pull request: the issues endpoint lists both. */
  pull_request?: unknown;
}

export interface RestRelease {
  tag_name: string;
  target_commitish: string;
  draft: boolean;
  created_at: string;
  published_at: string | null;
}

/** What the per-PR endpoints add to a pull request (each optional: the list endpoint has none). */
export interface RestPullExtras {
  commits?: RestCommit[];
  reviews?: RestReview[];
  reviewComments?: RestComment[];
  comments?: RestComment[];
}

export function restActor(u: RestUser | null | undefined): Actor | null {
  return u ? { login: u.login, type: u.type ?? 'User' } : null;
}

function required(s: string, what: string): EpochSeconds {
  const t = parseIsoSeconds(s);
  if (t == null) throw new Error(`GitHub returned an unreadable date for ${what}: ${JSON.stringify(s)}`);
  return t;
}

export function restPullState(p: Pick<RestPull, 'state' | 'merged_at'>): PullRequest['state'] {
  if (p.merged_at) return 'merged';
  return p.state === 'open' ? 'open' : 'closed';
}

export function restCommitAuthorDate(c: RestCommit): EpochSeconds | null {
  return parseIsoSeconds(c.commit.author?.date);
}

/** A pending review has no submitted_at and is invisible to everyone but its author. */
export function restReviewSubmittedAt(r: RestReview): EpochSeconds | null {
  return r.state === 'PENDING' ? null : parseIsoSeconds(r.submitted_at);
}

export function extractRestPull(p: RestPull, extras: RestPullExtras = {}): PullRequest {
  const createdAt = required(p.created_at, `PR #${p.number} created_at`);
  const author = p.user?.login ?? 'ghost';
  const events: ReviewEvent[] = [
    ...(extras.reviews ?? []).map((r) => ({ actor: restActor(r.user), at: restReviewSubmittedAt(r) })),
    ...(extras.reviewComments ?? []).map((c) => ({ actor: restActor(c.user), at: parseIsoSeconds(c.created_at) })),
    ...(extras.comments ?? []).map((c) => ({ actor: restActor(c.user), at: parseIsoSeconds(c.created_at) })),
  ];
  const draft = p.draft === true;
  return {
    number: p.number,
    title: p.title,
    url: p.html_url,
    author,
    authorIsBot: isBot(restActor(p.user)),
    state: restPullState(p),
    draft,
    createdAt,
    // REST has no ready_for_review time without the timeline endpoint: a draft is not ready yet,
    // any other PR is taken as ready when opened (the GraphQL path reads the real event).
    readyAt: draft ? null : createdAt,
    mergedAt: parseIsoSeconds(p.merged_at),
    closedAt: parseIsoSeconds(p.closed_at),
    updatedAt: required(p.updated_at, `PR #${p.number} updated_at`),
    mergeCommitSha: p.merge_commit_sha ?? null,
    baseRef: p.base.ref,
    headRef: p.head.ref,
    labels: (p.labels ?? []).map((l) => l.name),
    additions: p.additions ?? null,
    deletions: p.deletions ?? null,
    commitAuthorDates: (extras.commits ?? []).map(restCommitAuthorDate).filter((t): t is EpochSeconds => t != null),
    firstReviewAt: firstReviewAt(author, events),
    closesIssues: [],
  };
}

/** The issues endpoint also lists pull requests (with a `pull_request` key): those are not issues. */
export function isRestPullRequest(i: Pick<RestIssue, 'pull_request'>): boolean {
  return i.pull_request != null;
}

/** Returns null for pull requests listed by the issues endpoint. */
export function extractRestIssue(i: RestIssue, project: string): Issue | null {
  if (isRestPullRequest(i)) return null;
  const createdAt = required(i.created_at, `issue #${i.number} created_at`);
  const labels = i.labels.map((l) => (typeof l === 'string' ? l : l.name));
  // REST issue lists carry no label times; taking them as present since creation is the
  // documented approximation (the GraphQL path reads LabeledEvent times instead).
  const history: IssueChange[] = labels.map((name) => ({ at: createdAt, field: 'labels', from: null, to: name }));
  return githubIssue({
    number: i.number, url: i.html_url, title: i.title, project, labels, closed: i.state === 'closed', createdAt,
    updatedAt: required(i.updated_at, `issue #${i.number} updated_at`), closedAt: parseIsoSeconds(i.closed_at), history,
  });
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
