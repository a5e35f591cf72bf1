import type { GqlActor, GqlIssue, GqlPullRequest } from '../../../src/core/sources/github/graphqlQuery';
import { rawRows } from './devlakeFixture';

/*
 * DevLake recorded the REST API; the product reads GraphQL (graphqlQuery.ts). This turns each
 * recorded REST item into the node the SyncPage query asks for, field by field, so the fake GitHub
 * can serve the recorded repository to the real sync. GitHub's GraphQL reference
 * (docs.github.com/graphql/reference/objects) is quoted for each field whose meaning differs from
 * its REST name. Nothing is invented: what the recording lacks is an empty connection.
 */

interface RestUser {
  login: string;
  type?: string;
}

export interface RestPull {
  id: number;
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
  labels?: Array<{ name: string }>;
  base: { ref: string };
  head: { ref: string; repo: { full_name: string } | null };
  additions?: number;
  deletions?: number;
}

interface RestCommit {
  commit: { author: { date: string } | null };
}

export interface RestReview {
  id: number;
  user: RestUser | null;
  state: string;
  submitted_at?: string | null;
}

interface RestReviewComment {
  user: RestUser | null;
  created_at: string;
  pull_request_url: string;
  in_reply_to_id?: number;
}

interface RestIssueComment {
  user: RestUser | null;
  created_at: string;
  html_url: string;
  issue_url: string;
}

export interface RestIssue {
  id: number;
  number: number;
  title: string;
  html_url: string;
  state: 'open' | 'closed';
  labels: Array<{ name: string }>;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  /** The REST issues endpoint lists PRs too, marked by this key; GraphQL `issues` never does. */
  pull_request?: unknown;
}

/** REST `user.type` ('User' | 'Bot' | 'Organization') is the GraphQL Actor's `__typename`; a deleted account is null in both. */
function actor(u: RestUser | null): GqlActor | null {
  return u ? { __typename: u.type ?? 'User', login: u.login } : null;
}

/** The trailing number of .../pulls/41 or .../issues/41. */
function numberAt(url: string): number {
  return Number(url.split('/').pop());
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const t of items) m.set(key(t), [...(m.get(key(t)) ?? []), t]);
  return m;
}

/** Every recorded PR (connection 1) as the GraphQL PullRequest node the SyncPage query selects. */
export function devlakePullNodes(): GqlPullRequest[] {
  const commits = groupBy(rawRows<RestCommit>('pull_request_commits'), (r) => Number(r.input?.Number));
  const reviews = groupBy(rawRows<RestReview>('pull_request_reviews'), (r) => Number(r.input?.Number));
  const reviewComments = groupBy(rawRows<RestReviewComment>('pull_request_review_comments').map((r) => r.data), (c) => numberAt(c.pull_request_url));
  // /issues/comments holds issues' and PRs' conversation comments; a PR's are its GraphQL `comments`.
  const comments = groupBy(rawRows<RestIssueComment>('comments').map((r) => r.data).filter((c) => c.html_url.includes('/pull/')), (c) => numberAt(c.issue_url));
  return rawRows<RestPull>('pull_requests').map(({ data: p }) => ({
    number: p.number,
    title: p.title,
    url: p.html_url,
    // REST state is open|closed with merged_at beside it; GraphQL PullRequestState is OPEN|CLOSED|MERGED.
    state: p.merged_at ? 'MERGED' : p.state === 'open' ? 'OPEN' : 'CLOSED',
    isDraft: p.draft === true,
    // GraphQL DateTime is the same ISO-8601 UTC string REST sends.
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    mergedAt: p.merged_at,
    closedAt: p.closed_at,
    author: actor(p.user),
    baseRefName: p.base.ref,
    headRefName: p.head.ref,
    // REST head.repo is null when the fork was deleted, as is GraphQL headRepository.
    headRepository: p.head.repo ? { nameWithOwner: p.head.repo.full_name } : null,
    // GraphQL mergeCommit: "The commit that was created when this pull request was merged" — null
    // until then. REST merge_commit_sha on an unmerged PR is GitHub's test merge, which GraphQL
    // does not expose as mergeCommit.
    mergeCommit: p.merged_at && p.merge_commit_sha ? { oid: p.merge_commit_sha } : null,
    // The REST list endpoint omits additions/deletions (DevLake stores 0); GraphQL's are Int!.
    additions: p.additions ?? 0,
    deletions: p.deletions ?? 0,
    labels: { nodes: (p.labels ?? []).map((l) => ({ name: l.name })) },
    // /pulls/{n}/commits and GraphQL `commits` both list oldest first; commit.author.date is GitCommit.authoredDate.
    commits: {
      totalCount: commits.get(p.number)?.length ?? 0,
      nodes: (commits.get(p.number) ?? []).flatMap((c) => (c.data.commit.author ? [{ commit: { authoredDate: c.data.commit.author.date } }] : [])),
    },
    // PullRequestReview.submittedAt is REST submitted_at (absent on a PENDING review).
    reviews: { nodes: (reviews.get(p.number) ?? []).map((r) => ({ author: actor(r.data.user), state: r.data.state, submittedAt: r.data.submitted_at ?? null })) },
    // A review thread starts at a comment that replies to none; the query reads each thread's first comment.
    reviewThreads: {
      nodes: (reviewComments.get(p.number) ?? []).filter((c) => c.in_reply_to_id == null).map((c) => ({ comments: { nodes: [{ author: actor(c.user), createdAt: c.created_at }] } })),
    },
    comments: { nodes: (comments.get(p.number) ?? []).map((c) => ({ author: actor(c.user), createdAt: c.created_at })) },
    // DevLake recorded no timeline (/issues/{n}/timeline) and no closing references.
    timelineItems: { nodes: [] },
    closingIssuesReferences: { nodes: [] },
  }));
}

/** Every recorded issue (connection 1) that is not a PR, as the GraphQL Issue node the query selects. */
export function devlakeIssueNodes(): GqlIssue[] {
  return rawRows<RestIssue>('issues')
    .map((r) => r.data)
    .filter((i) => i.pull_request == null)
    .map((i) => ({
      number: i.number,
      title: i.title,
      url: i.html_url,
      state: i.state === 'closed' ? 'CLOSED' : 'OPEN',
      createdAt: i.created_at,
      updatedAt: i.updated_at,
      closedAt: i.closed_at,
      labels: { nodes: i.labels.map((l) => ({ name: l.name })) },
      // No /issues/{n}/events were recorded, so there are no LabeledEvent times to give.
      timelineItems: { nodes: [] },
    }));
}
