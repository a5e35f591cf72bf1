import type { Issue } from '../model/issue';
import type { KpiSource, KpiUnit } from '../model/kpi';
import type { PendingInput } from './reportInput';
import type { MetricContext, MetricOutput } from './metricContext';
import { githubIssuesOf, jiraIssuesOf } from './shared/sourceChoice';

/**
 * One way to compute a KPI, from one source. Every variant has the same call shape: the KPI over
 * `ctx.window`. The trend is not the variant's business: the loop (computeKpis.ts) runs it over the
 * previous window too and sets `previous`. A variant that wants `previous` at a given place among
 * its fields (the report JSON keeps key order) puts `previous: undefined` there.
 */
export interface KpiVariant {
  source: KpiSource;
  unit: KpiUnit;
  /** Whether the dataset has what this variant reads (sourceChoice.ts); git's always has. */
  available(ctx: MetricContext): boolean;
  compute(ctx: MetricContext): MetricOutput;
}

/** Everything about one KPI: what it is called and shows, and how it is computed. */
export interface KpiDefinition<N extends string = string> {
  /** The key in the report JSON, the `statusBarKpi` setting's value and the docs' heading (`name`). */
  name: N;
  /** What people read: the CLI's table, the status bar, the panel's card. */
  label: string;
  /** The status bar's codicon. */
  icon: string;
  /** The inputs besides git's history its value reads: a partial report shows the KPI once they are in. */
  inputs: readonly PendingInput[];
  /** Jira > GitHub > git (spec Conventions): the first available variant computes the KPI. */
  variants: readonly KpiVariant[];
  /** The KPI when no variant is available (no git variant). */
  unavailable?: { unit: KpiUnit; reason: string };
  /** KPIs shown inside this one's result, with their own trend (spec §1: Jira's issue cycle time beside cycle time). */
  beside?: ReadonlyArray<{ field: string; variant: KpiVariant }>;
}

export const always = (): boolean => true;

/** Checks a definition's shape and keeps its name's literal type, for the registry. */
export function defineKpi<N extends string>(def: KpiDefinition<N>): KpiDefinition<N> {
  return def;
}


/** A KPI over one tracker's issues, as the issue-based metric functions compute it. */
export type IssueMetric = (issues: Issue[], ctx: MetricContext) => MetricOutput;

/** The variant that reads Jira's or GitHub's issues; `also`: what else it needs (Jira velocity: sprints). */
export function issueVariant(source: 'jira' | 'github', unit: KpiUnit, metric: IssueMetric, also: (ctx: MetricContext) => boolean = always): KpiVariant {
  const issuesOf = source === 'jira' ? jiraIssuesOf : githubIssuesOf;
  return {
    source,
    unit,
    available: (ctx) => issuesOf(ctx.dataset) !== undefined && also(ctx),
    compute: (ctx) => metric(issuesOf(ctx.dataset) ?? [], ctx),
  };
}
