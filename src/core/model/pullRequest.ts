import type { EpochSeconds } from './time';

/** A GitHub pull request, normalized. Timestamps are what the API reports, to the second. */
export interface PullRequest {
  number: number;
  title: string;
  url: string;
  author: string;
  authorIsBot: boolean;
  state: 'open' | 'closed' | 'merged';
  /** Opened as a draft. */
  draft: boolean;
  createdAt: EpochSeconds;
  /** created_at, or for a PR opened as draft its first ready_for_review event (null while still draft). */
  readyAt: EpochSeconds | null;
  mergedAt: EpochSeconds | null;
  closedAt: EpochSeconds | null;
  updatedAt: EpochSeconds;
  mergeCommitSha: string | null;
  baseRef: string;
  headRef: string;
  labels: string[];
  additions: number | null;
  deletions: number | null;
  /** Author dates of the PR's commits. */
  commitAuthorDates: EpochSeconds[];
  /** Earliest review, review comment or conversation comment by someone other than the author and not a bot. */
  firstReviewAt: EpochSeconds | null;
  /** Issue numbers the PR closes (closingIssuesReferences), for linking defects to code. */
  closesIssues: number[];
}

/** A GitHub Release, used for release times where the repository has no tags. */
export interface Release {
  tagName: string;
  commit: string | null;
  publishedAt: EpochSeconds;
}
