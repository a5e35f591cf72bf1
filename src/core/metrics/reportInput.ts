import type { KpiOptions } from '../options';
import type { Window } from '../model/time';

/** What the KPIs are computed for; the pipeline builds it, the metrics own its shape. */
export interface ReportInput {
  window: Window;
  options: KpiOptions;
  /** "now", for 'open now' counts and the report's generatedAt. */
  now: number;
}

/** An input a KPI may still be waiting for once git's history is read. */
export type PendingInput = 'lines' | 'github' | 'jira';
