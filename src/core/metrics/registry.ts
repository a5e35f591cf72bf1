import type { KpiDetails, KpiResult, ReportOf } from '../model/kpi';
import type { KpiDefinition } from './kpiDefinition';
import { cycleTimeKpi } from './cycleTime/cycleTimeKpi';
import { defectDensityKpi } from './defectDensity/defectDensityKpi';
import { escalationsKpi } from './escalations/escalationsKpi';
import { testEffectivenessKpi } from './testEffectiveness/testEffectivenessKpi';
import { timeToMarketKpi } from './timeToMarket/timeToMarketKpi';
import { velocityKpi } from './velocity/velocityKpi';

/**
 * The KPIs, in display order: the report, the CLI's table, the status bar, the panel's cards and
 * the status-bar setting all follow this list. A KPI is its definition plus one line here.
 */
export const KPIS = [cycleTimeKpi, velocityKpi, timeToMarketKpi, defectDensityKpi, escalationsKpi, testEffectivenessKpi] as const;

export type KpiName = (typeof KPIS)[number]['name'];
export const KPI_NAMES: readonly KpiName[] = KPIS.map((k) => k.name);
export const KPI_LABELS = Object.fromEntries(KPIS.map((k) => [k.name, k.label])) as Record<KpiName, string>;

const BY_NAME = new Map<string, KpiDefinition<KpiName>>(KPIS.map((k) => [k.name, k]));

export function kpiDefinition(name: KpiName): KpiDefinition<KpiName> {
  return BY_NAME.get(name)!;
}
export type KpiSet = Record<KpiName, KpiResult>;
export type Report = ReportOf<KpiName>;
/** Everything the panel needs beyond the report JSON; never printed by `--format json`. */
export type ReportDetails = Record<KpiName, KpiDetails>;
