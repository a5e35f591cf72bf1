import type { Dataset } from '../model/dataset';
import { emptyDetails } from '../model/kpi';
import { previousWindow, toIso, type Window } from '../model/time';
import type { ReportInput } from './reportInput';
import type { KpiDefinition, KpiVariant } from './kpiDefinition';
import type { MetricContext, MetricOutput } from './metricContext';
import type { HistoryIndex } from './shared/historyIndex';
import { KPI_NAMES, KPIS, kpiDefinition, type KpiName, type KpiSet, type Report, type ReportDetails } from './registry';
import { applyActivity, lastCommitAt } from './shared/activity';
import { historyOf } from './shared/historyOf';

/** One variant over the window, with its trend: the same variant over the previous window gives `previous`. */
function withTrend(variant: KpiVariant, ctx: MetricContext, previous: Window): MetricOutput {
  const out = variant.compute(ctx);
  const before = variant.compute({ ...ctx, window: previous, valueOnly: true });
  out.kpi.source ??= variant.source;
  out.kpi.previous ??= before.kpi.value;
  return out;
}

/** A KPI by its first available variant (Jira > GitHub > git), with what it shows beside its value. */
export function computeKpi(def: KpiDefinition, ctx: MetricContext, previous: Window): MetricOutput {
  const variant = def.variants.find((v) => v.available(ctx));
  if (!variant) {
    const none = def.unavailable ?? { unit: def.variants[0]!.unit, reason: 'no source' };
    return { kpi: { value: null, unit: none.unit, reason: none.reason }, details: emptyDetails() };
  }
  const out = withTrend(variant, ctx, previous);
  for (const { field, variant: inner } of def.beside ?? []) if (inner.available(ctx)) out.kpi[field] = withTrend(inner, ctx, previous).kpi;
  return out;
}

/**
 * The KPIs `names` (all of them for a report) over the input's window, each by its first
 * available variant, with the activity rule applied: the rule looks at the dataset, not at the
 * other KPIs, so a KPI comes out the same computed alone or with all the others.
 */
export function computeKpiOutputs<N extends KpiName>(dataset: Dataset, input: ReportInput, names: readonly N[]): { history: HistoryIndex; outputs: Record<N, MetricOutput> } {
  const history = historyOf(dataset, input.options.releaseTagPattern);
  const ctx: MetricContext = { dataset, history, window: input.window, options: input.options, now: input.now };
  const prev = previousWindow(input.window);
  const outputs = {} as Record<N, MetricOutput>;
  for (const name of names) outputs[name] = computeKpi(kpiDefinition(name), ctx, prev);
  applyActivity(outputs, dataset, history, input.window, prev);
  return { history, outputs };
}

/** A report's fields around its KPIs, in the report JSON's key order. */
export function assembleReport<T>(dataset: Dataset, history: HistoryIndex, input: ReportInput, kpis: T): Omit<Report, 'kpis'> & { kpis: T } {
  const last = lastCommitAt(dataset, history);
  const report: Omit<Report, 'kpis'> & { kpis: T } = {
    schemaVersion: 1,
    generatedAt: toIso(input.now),
    repository: { path: dataset.repo.path, defaultBranch: dataset.repo.defaultBranch, head: dataset.repo.head, shallow: dataset.repo.shallow, ...(last != null ? { lastCommitAt: toIso(last) } : {}) },
    window: { since: toIso(input.window.since), until: toIso(input.window.until) },
    sources: dataset.sources,
    kpis,
  };
  if (dataset.warnings.length) report.warnings = dataset.warnings;
  return report;
}

/**
 * The pure step: dataset + window → report, one KPI of the registry after the other. Each uses
 * the richest configured source (Jira > GitHub > git, spec Conventions) and says which one it used.
 */
export function computeReport(dataset: Dataset, input: ReportInput): { report: Report; details: ReportDetails } {
  return reportOf(dataset, input, computeKpiOutputs(dataset, input, KPI_NAMES));
}

/** The report of every KPI's output (computeKpiOutputs over KPI_NAMES), with the dataset's warnings as they are now. */
export function reportOf(dataset: Dataset, input: ReportInput, { history, outputs }: { history: HistoryIndex; outputs: Record<KpiName, MetricOutput> }): { report: Report; details: ReportDetails } {
  const report: Report = assembleReport(dataset, history, input, Object.fromEntries(KPIS.map((k) => [k.name, outputs[k.name].kpi])) as KpiSet);
  const details = Object.fromEntries(KPIS.map((k) => [k.name, outputs[k.name].details])) as ReportDetails;
  return { report, details };
}
