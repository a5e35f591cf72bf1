import type { KpiOptions } from './options';
import type { Window } from './model/time';
import type { Dataset } from './model/dataset';
import type { Report, ReportDetails } from './metrics/registry';
import type { HttpLimits } from './sources/http/httpLimits';
import type { GitHubConfig } from './sources/github/githubConfig';
import type { JiraConfig } from './sources/jira/jiraConfig';
import type { Progress } from './sources/sourceTypes';
import type { PendingInput } from './metrics/reportInput';

// The hosts build a PipelineInput: they name the sources' connection types from here.
export type { GitHubConfig, JiraConfig };

/**
 * What a host asks of the pipeline. No source sees it: pipeline.ts hands each source its own
 * configuration (KlocConfig, GitHubSyncConfig, JiraSyncConfig) with the few options it reads.
 */
export interface PipelineInput {
  repoPath: string;
  /** Root of the cache; each repository gets its own folder beneath it. */
  cacheRoot: string;
  options: KpiOptions;
  github?: GitHubConfig;
  jira?: JiraConfig;
  /** Use only what is cached for GitHub/Jira (offline); git is local and always read. */
  offline?: boolean;
  /** Body cap, request deadline and sync budget for GitHub and Jira; defaults in httpLimits.ts. */
  httpLimits?: Partial<HttpLimits>;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  /**
   * Progressive results: called once, when git's history is read and GitHub and Jira have arrived
   * but lines at HEAD are still being counted, so a host can show the KPIs that need no more
   * (partialReport.ts) seconds before the rest. Never called by the CLI's report.
   */
  onPartial?: (partial: PartialDataset) => void;
  /**
   * The one window the host will report on, when it knows it before the history is read (the
   * CLI's report): git's file lists are then read for the fixes of that window and of its trend's
   * only (sources/git/filesUpfront.ts). Without it every fix's are, for any window asked later.
   */
  reportWindow?: Window;
}

/**
 * The dataset as far as it is read, and what it does not hold yet. The pipeline goes on filling
 * the same dataset in; the KPIs that wait for none of `pending` are already final.
 */
export interface PartialDataset {
  dataset: Dataset;
  pending: readonly PendingInput[];
}

/**
 * A report's window, or (`--until last-commit`) one computed from the default branch's last
 * commit's committer date once the history is read.
 */
export type WindowSpec = Window | ((lastCommitAt: number) => Window);

export interface PipelineResult {
  dataset: Dataset;
  report: Report;
  details: ReportDetails;
}
