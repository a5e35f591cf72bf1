import type { KpiOptions } from './options';
import type { Window } from './model/time';
import type { Dataset } from './model/dataset';
import type { Report, ReportDetails } from './model/kpi';
import type { UrlRole } from './sources/http/credentialUrl';
import type { HttpLimits } from './sources/http/httpLimits';

/** Progress as the core reports it; the CLI draws a bar, the extension a notification. */
export interface Progress {
  phase: 'git' | 'lines' | 'github' | 'jira' | 'metrics';
  message: string;
  /** 0..1 when known. */
  fraction?: number;
}

/** Supplies a token when needed. The extension backs it with auth sessions/SecretStorage, the CLI with env vars. */
export type TokenProvider = () => Promise<string | undefined>;

export interface GitHubConfig {
  /** owner/name; when absent it is derived from the origin remote. */
  repo?: string;
  /** Empty: api.github.com, and only for an origin on github.com. Any other host only when named here. */
  apiUrl: string;
  /** How the user names apiUrl and the token, for messages; default the CLI's flag and env var. */
  apiUrlRole?: UrlRole;
  token: TokenProvider;
}

export interface JiraConfig {
  url: string;
  project?: string;
  boardId?: number;
  /** 'cloud' | 'server', or undefined to detect through /rest/api/2/serverInfo. */
  deployment?: 'cloud' | 'server';
  /** Cloud: email + API token (Basic). Server/DC: personal access token (Bearer). */
  email?: string;
  /** How the user names url and the credentials, for messages; default the CLI's flag and env vars. */
  urlRole?: UrlRole;
  token: TokenProvider;
}

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
}

/** An input a KPI may still be waiting for once git's history is read. */
export type PendingInput = 'lines' | 'github' | 'jira';

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

export interface ReportInput {
  window: Window;
  options: KpiOptions;
  /** "now", for 'open now' counts and the report's generatedAt. */
  now: number;
}

export interface PipelineResult {
  dataset: Dataset;
  report: Report;
  details: ReportDetails;
}
