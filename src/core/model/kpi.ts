import type { SourceStatus } from './dataset';

export type KpiUnit = 'hours' | 'points/sprint' | 'changes/week' | 'days' | 'defects/KLOC' | 'count' | 'ratio';
export type KpiSource = 'git' | 'github' | 'jira';

/** median/p85/mean/sampleSize of a set of durations, already in the KPI's unit. */
export interface Stats {
  value: number | null;
  p85: number | null;
  mean: number | null;
  sampleSize: number;
}

/**
 * (v2) The rules that leave items out of a KPI's sample, or have to infer something about them
 * (spec Conventions "Every number says what it left out"). Adding a rule means adding its key
 * here and its sentence in report/exclusionNotes.ts; the type makes the second one required.
 */
export const EXCLUDED_KEYS = ['bots', 'unknownStart', 'firstRelease', 'invalidEstimate', 'unknownStatus', 'notSource'] as const;
export type ExcludedKey = (typeof EXCLUDED_KEYS)[number];
/** Distinct items of the KPI's own sample per rule; a zero count is omitted. */
export type ExcludedCounts = Partial<Record<ExcludedKey, number>>;

/**
 * One KPI as the report JSON carries it (KPI-SPEC "Report JSON"): value, unit, and source or,
 * when value is null, a reason. Extra fields are KPI-specific.
 */
export interface KpiResult {
  value: number | null;
  unit: KpiUnit;
  source?: KpiSource;
  reason?: string;
  sampleSize?: number;
  /** The same KPI over the previous window of the same length (for trends). */
  previous?: number | null;
  /** (v2) What the KPI left out, by rule; absent when nothing was. Build it with excludedCounts(). */
  excluded?: ExcludedCounts;
  [extra: string]: unknown;
}

/** The report JSON (KPI-SPEC "Report JSON"), over the KPI names of metrics/registry.ts (which names `Report`). */
export interface ReportOf<N extends string> {
  schemaVersion: 1;
  generatedAt: string;
  /** (v2) `lastCommitAt`: the default branch's last commit's committer date (ISO); absent only when the tip is not in the history read. */
  repository: { path: string; defaultBranch: string; head: string; shallow: boolean; lastCommitAt?: string };
  window: { since: string; until: string };
  sources: { git: SourceStatus; github: SourceStatus; jira: SourceStatus };
  kpis: Record<N, KpiResult>;
  warnings?: string[];
}

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

export const emptyDetails = (): KpiDetails => ({ items: [], series: [] });

/**
 * The `excluded` object of a KPI: zero counts dropped, and no object at all when nothing was left
 * out, so a reader sees only the rules that fired (spec Conventions: "a zero count may be omitted").
 */
export function excludedCounts(counts: ExcludedCounts): ExcludedCounts | undefined {
  const out: ExcludedCounts = {};
  for (const key of EXCLUDED_KEYS) if ((counts[key] ?? 0) > 0) out[key] = counts[key];
  return Object.keys(out).length > 0 ? out : undefined;
}
