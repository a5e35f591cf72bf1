/**
 * A partial report (issue 14): the KPIs a dataset can already give while other inputs are still on
 * their way (partialReport.ts computes it). A KPI that waits for an input is "loading": it has no
 * value (not a made-up 0), only what it waits for. A partial report is a different type from
 * Report, so it cannot be saved as a last result, exported or printed by mistake; the CLI never
 * makes one. Types only (and one guard): the webview reads them without the metrics.
 */
import type { PendingInput } from './metrics/reportInput';
import type { KpiResult } from './model/kpi';
import type { KpiName, Report } from './metrics/registry';

/** A KPI not computed yet, and the inputs it waits for. */
export interface KpiLoading {
  loading: true;
  waitingFor: PendingInput[];
}

export interface PartialReport extends Omit<Report, 'kpis'> {
  partial: true;
  /** What the dataset did not hold yet: a pending source's status in `sources` is not its answer. */
  pending: PendingInput[];
  kpis: { [K in KpiName]: KpiResult | KpiLoading };
}

export function isKpiLoading(k: KpiResult | KpiLoading): k is KpiLoading {
  return 'loading' in k && k.loading === true;
}

/** Whether `r` is a partial report (the rest of a host reads only whole ones). */
export function isPartialReport(r: Report | PartialReport): r is PartialReport {
  return 'partial' in r && r.partial === true;
}
