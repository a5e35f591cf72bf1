import type { KpiOptions } from '../options';
import type { Window } from '../model/time';

/** What the KPIs are computed for; the pipeline builds it, the metrics own its shape. */
export interface ReportInput {
  window: Window;
  options: KpiOptions;
  /** "now", for 'open now' counts and the report's generatedAt. */
  now: number;
}

/**
 * An input a KPI may still be waiting for once git's history is read: the files the bug fixes
 * changed (read after the metadata when a host shows a first value), the lines at HEAD, an API.
 */
export type PendingInput = 'files' | 'lines' | 'github' | 'jira';

/** The inputs that are API sources: an issue of theirs could make a quiet window active (activity.ts). */
export function isApiInput(p: PendingInput): p is 'github' | 'jira' {
  return p === 'github' || p === 'jira';
}
