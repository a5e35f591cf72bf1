import type { Commit, RepositoryInfo, Tag } from './commit';
import type { CommitGraph } from './commitGraph';
import type { Issue, Sprint } from './issue';
import type { PullRequest, Release } from './pullRequest';
import type { KlocIndex } from './kloc';

/**
 * What failed, as data: the message names the CLI's remedies (flags, environment variables), so a
 * host with other remedies (the editor's commands) words its own advice from this instead.
 */
export interface SourceFault {
  kind:
    | 'no-credentials' | 'auth' | 'forbidden' | 'not-found' | 'no-project' | 'no-board'
    | 'host-not-found' | 'refused' | 'timeout' | 'tls' | 'network'
    | 'rate-limited' | 'server' | 'malformed' | 'limit' | 'offline-empty' | 'other';
  /** HTTP status, when Jira answered. */
  httpStatus?: number;
  /** The host (name:port) that was asked. */
  host?: string;
  /** The API path that failed, e.g. /rest/agile/1.0/board/42/sprint. */
  endpoint?: string;
  /** The low-level error code of a network failure (ENOTFOUND, ECONNREFUSED…). */
  code?: string;
  project?: string;
  boardId?: number;
}

/** What a source reports about itself, shown as report.sources.<name>. */
export interface SourceStatus {
  status: 'ok' | 'off' | 'error' | 'stale' | 'rate-limited';
  message?: string;
  /** Set when the cause is known: Jira's failures; GitHub's missing or rejected token. */
  fault?: SourceFault;
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
  /**
   * Reads the file lists of these commits ahead, for a reader beyond the reports (a sprint
   * review's periods): the git source reads only those every report may need (sources/git/
   * filesUpfront.ts). Absent when every commit comes with its files.
   */
  loadFiles?(commits: Iterable<Commit>, signal?: AbortSignal): Promise<void>;
}
