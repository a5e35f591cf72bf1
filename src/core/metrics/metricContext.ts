import type { Dataset } from '../model/dataset';
import type { Window } from '../model/time';
import type { KpiOptions } from '../options';
import type { KpiDetails } from '../report/details';
import type { KpiResult } from '../report/reportTypes';
import type { HistoryIndex } from './historyIndex';

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

/** Bots (spec Conventions): type Bot, a login ending in [bot], or listed in excludeAuthors (by name, login or email). */
export function isExcludedAuthor(options: KpiOptions, ...ids: Array<string | null | undefined>): boolean {
  return ids.some((id) => !!id && (/\[bot\]$/i.test(id) || options.excludeAuthors.some((x) => x.toLowerCase() === id.toLowerCase())));
}

export const emptyDetails = (): KpiDetails => ({ items: [], series: [] });
