import type { KpiName } from './reportTypes';

/** One thing behind a number: a PR, issue, commit, file, module or sprint. Strings are untrusted (git/GitHub/Jira). */
export interface DrillItem {
  kind: 'pr' | 'issue' | 'commit' | 'file' | 'module' | 'sprint' | 'change';
  id: string;
  title: string;
  url?: string;
  /** Repository-relative path, for files that open in the editor. */
  path?: string;
  /** The item's own value in the KPI's unit (e.g. one PR's cycle time in hours). */
  value?: number | null;
  /** ISO time the item counts by (merged, created, released…). */
  at?: string;
  extra?: Record<string, string | number | boolean | null>;
}

/** One period of a trend: an ISO week ("2026-W40") or a sprint. */
export interface SeriesPoint {
  period: string;
  start: string;
  values: Record<string, number | null>;
}

export interface KpiDetails {
  items: DrillItem[];
  series: SeriesPoint[];
}

/** Everything the panel needs beyond the report JSON; never printed by `--format json`. */
export type ReportDetails = Record<KpiName, KpiDetails>;

/**
 * Details built on first read (and then kept): the CLI never reads them, and a KPI over a long
 * history can list thousands of items. The getters are enumerable, so JSON and structured clone
 * (the webview message) see plain `items` and `series`.
 */
export function lazyDetails(items: () => DrillItem[], series: () => SeriesPoint[] = () => []): KpiDetails {
  let i: DrillItem[] | undefined;
  let s: SeriesPoint[] | undefined;
  return {
    get items() {
      return (i ??= items());
    },
    get series() {
      return (s ??= series());
    },
  };
}
