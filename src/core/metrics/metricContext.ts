import type { Dataset } from '../model/dataset';
import type { Window } from '../model/time';
import type { KpiOptions } from '../options';
import type { KpiDetails, KpiResult } from '../model/kpi';
import type { HistoryIndex } from './shared/historyIndex';

/** Everything a KPI function may read: the normalized model and the derived history views. */
export interface MetricContext {
  dataset: Dataset;
  history: HistoryIndex;
  window: Window;
  options: KpiOptions;
  now: number;
  /**
   * Set when only the KPI's value is read (the previous window, for the trend): a variant may
   * then leave out what only the report shows (drill-down, hotspots, series). The value must not
   * depend on it.
   */
  valueOnly?: boolean;
}

export interface MetricOutput {
  kpi: KpiResult;
  details: KpiDetails;
}
