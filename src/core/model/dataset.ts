import type { Commit, RepositoryInfo, Tag } from './commit';
import type { CommitGraph } from './commitGraph';
import type { Issue, Sprint } from './issue';
import type { PullRequest, Release } from './pullRequest';
import type { KlocIndex } from './kloc';

/** What a source reports about itself, shown as report.sources.<name>. */
export interface SourceStatus {
  status: 'ok' | 'off' | 'error' | 'stale' | 'rate-limited';
  message?: string;
  /** When the data was last fetched, for stale/offline displays (ISO). */
  asOf?: string;
  /** For rate limits: when the budget comes back (ISO). */
  until?: string;
}

/** The normalized model every KPI is computed from. Undefined source data means "not configured". */
export interface Dataset {
  repo: RepositoryInfo;
  /** Newest first, every commit reachable from HEAD. */
  commits: Commit[];
  /** The parent graph of `commits` by position, when the source has it (the git cache does). */
  graph?: CommitGraph;
  /** The default branch's tip the history was read from (first-parent line starts here). */
  tip: string;
  tags: Tag[];
  /**
   * (v2) Squash commit hash → the earliest author date of its pull request's commits, from the
   * repository's pull request head refs (git alone).
   */
  prHeadStarts?: ReadonlyMap<string, number>;
  kloc: KlocIndex;
  pullRequests?: PullRequest[];
  releases?: Release[];
  /** GitHub issues (not PRs). */
  githubIssues?: Issue[];
  jiraIssues?: Issue[];
  sprints?: Sprint[];
  sources: { git: SourceStatus; github: SourceStatus; jira: SourceStatus };
  warnings: string[];
}
