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
}

export interface MetricOutput {
  kpi: KpiResult;
  details: KpiDetails;
}
