/*
 * One GraphQL query pages pull requests and issues together, each newest-updated first with its
 * own cursor, so a re-sync with nothing new costs a single request. @include drops a connection
 * once it has reached the saved cursor.
 *
 * Node budget per page (GitHub's limit is 500,000): 100 PRs x (100 commits + 50 reviews +
 * 50 threads + 50 comments + 20 timeline + 20 labels + 10 closing) + 100 issues x 40 ≈ 34,000.
 * Only the first 100 commits of a PR are read: their author dates decide firstCommitAt, and a PR
 * lists its commits oldest first, so the earliest is on that page in all but rebased giants.
 */
export const SYNC_PAGE_QUERY = `
query SyncPage($owner: String!, $name: String!, $pageSize: Int!,
               $withPrs: Boolean!, $prAfter: String, $withIssues: Boolean!, $issueAfter: String) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    pullRequests(first: $pageSize, after: $prAfter, orderBy: {field: UPDATED_AT, direction: DESC}) @include(if: $withPrs) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        number title url state isDraft createdAt updatedAt mergedAt closedAt
        author { __typename login }
        baseRefName headRefName
        headRepository { nameWithOwner }
        mergeCommit { oid }
        additions deletions
        labels(first: 20) { nodes { name } }
        commits(first: 100) { totalCount nodes { commit { authoredDate } } }
        reviews(first: 50) { nodes { author { __typename login } state submittedAt } }
        reviewThreads(first: 50) { nodes { comments(first: 1) { nodes { author { __typename login } createdAt } } } }
        comments(first: 50) { nodes { author { __typename login } createdAt } }
        timelineItems(first: 20, itemTypes: [READY_FOR_REVIEW_EVENT, CONVERT_TO_DRAFT_EVENT]) {
          nodes { __typename ... on ReadyForReviewEvent { createdAt } ... on ConvertToDraftEvent { createdAt } }
        }
        closingIssuesReferences(first: 10) { nodes { number } }
      }
    }
    issues(first: $pageSize, after: $issueAfter, orderBy: {field: UPDATED_AT, direction: DESC}) @include(if: $withIssues) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        number title url state createdAt updatedAt closedAt
        labels(first: 20) { nodes { name } }
        timelineItems(first: 20, itemTypes: [LABELED_EVENT, UNLABELED_EVENT]) {
          nodes { __typename ... on LabeledEvent { createdAt label { name } } ... on UnlabeledEvent { createdAt label { name } } }
        }
      }
    }
  }
}`;

export interface SyncPageVariables {
  owner: string;
  name: string;
  pageSize: number;
  withPrs: boolean;
  prAfter: string | null;
  withIssues: boolean;
  issueAfter: string | null;
}

export interface GqlActor {
  __typename: string;
  login: string;
}

interface Nodes<T> {
  nodes: T[];
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export interface GqlPullRequest {
  number: number;
  title: string;
  url: string;
  state: 'OPEN' | 'CLOSED' | 'MERGED';
  isDraft: boolean;
  createdAt: string;
  updatedAt: string;
  mergedAt: string | null;
  closedAt: string | null;
  /** null for deleted accounts ("ghost"). */
  author: GqlActor | null;
  baseRefName: string;
  headRefName: string;
  /** null when the fork was deleted. */
  headRepository: { nameWithOwner: string } | null;
  mergeCommit: { oid: string } | null;
  additions: number;
  deletions: number;
  labels: Nodes<{ name: string }>;
  commits: Nodes<{ commit: { authoredDate: string } }> & { totalCount: number };
  reviews: Nodes<{ author: GqlActor | null; state: string; submittedAt: string | null }>;
  reviewThreads: Nodes<{ comments: Nodes<{ author: GqlActor | null; createdAt: string }> }>;
  comments: Nodes<{ author: GqlActor | null; createdAt: string }>;
  timelineItems: Nodes<{ __typename: string; createdAt?: string }>;
  closingIssuesReferences: Nodes<{ number: number }>;
}

export interface GqlIssue {
  number: number;
  title: string;
  url: string;
  state: 'OPEN' | 'CLOSED';
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  labels: Nodes<{ name: string }>;
  timelineItems: Nodes<{ __typename: string; createdAt?: string; label?: { name: string } }>;
}

export interface Connection<T> {
  totalCount: number;
  pageInfo: PageInfo;
  nodes: T[];
}

export interface SyncPageResult {
  rateLimit?: { cost: number; remaining: number; resetAt: string };
  repository: {
    pullRequests?: Connection<GqlPullRequest>;
    issues?: Connection<GqlIssue>;
  } | null;
}
