import type { SourceStatus } from '../model/dataset';

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
  [extra: string]: unknown;
}

export interface KpiSet {
  cycleTime: KpiResult;
  velocity: KpiResult;
  timeToMarket: KpiResult;
  defectDensity: KpiResult;
  escalations: KpiResult;
  testEffectiveness: KpiResult;
}

export type KpiName = keyof KpiSet;
export const KPI_NAMES: KpiName[] = ['cycleTime', 'velocity', 'timeToMarket', 'defectDensity', 'escalations', 'testEffectiveness'];

export interface Report {
  schemaVersion: 1;
  generatedAt: string;
  repository: { path: string; defaultBranch: string; head: string; shallow: boolean };
  window: { since: string; until: string };
  sources: { git: SourceStatus; github: SourceStatus; jira: SourceStatus };
  kpis: KpiSet;
  warnings?: string[];
}
