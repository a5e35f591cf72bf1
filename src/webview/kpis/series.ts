/** Turns the report's details into chart inputs. Series keys are whatever the core emits (median, p85, committed…). */
import type { DrillItem, SeriesPoint } from '../../core/model/kpi';
import type { KpiResult } from '../../core/model/kpi';
import { formatNumber } from '../../shared/kpiFormat';
import type { ChartSeries } from '../common/chartData';

/**
 * A chart's empty state says what its card says: the KPI's reason when it has no value, else that
 * the card's number has no weekly series here (a chart never contradicts the number above it).
 */
export function emptyText(kpi: KpiResult, none: string): string {
  if (kpi.value === null) return kpi.reason ?? none;
  const n = kpi.sampleSize !== undefined ? ` (n = ${kpi.sampleSize})` : '';
  return `The card's ${formatNumber(kpi.value, kpi.unit)}${kpi.unit === 'ratio' ? '' : ` ${kpi.unit}`}${n} covers the whole window; this source has no weekly series to draw.`;
}

const PREFERRED = ['value', 'median', 'completed', 'count', 'rate'];

export function seriesKeys(points: SeriesPoint[]): string[] {
  const keys: string[] = [];
  for (const p of points) for (const k of Object.keys(p.values)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

export function toChartSeries(points: SeriesPoint[], only?: string[]): { labels: string[]; series: ChartSeries[] } {
  const keys = seriesKeys(points).filter((k) => !only || only.includes(k));
  return {
    labels: points.map((p) => p.period),
    series: keys.map((k) => ({ label: k, values: points.map((p) => p.values[k] ?? null) })),
  };
}

/** The one line a card's sparkline draws. */
export function sparkValues(points: SeriesPoint[]): Array<number | null> {
  const keys = seriesKeys(points);
  const key = PREFERRED.find((k) => keys.includes(k)) ?? keys[0];
  return key === undefined ? [] : points.map((p) => p.values[key] ?? null);
}

/** Histogram of item values (hours) into fixed, readable buckets. */
export const CYCLE_BUCKETS: Array<{ label: string; max: number }> = [
  { label: '< 4h', max: 4 },
  { label: '4–24h', max: 24 },
  { label: '1–2d', max: 48 },
  { label: '2–4d', max: 96 },
  { label: '4–7d', max: 168 },
  { label: '1–2w', max: 336 },
  { label: '> 2w', max: Infinity },
];

export function histogram(items: DrillItem[]): number[] {
  const counts = CYCLE_BUCKETS.map(() => 0);
  for (const it of items) {
    if (typeof it.value !== 'number') continue;
    const i = CYCLE_BUCKETS.findIndex((b) => (it.value as number) < b.max);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/**
 * Hotspots: files (or modules) in the order the report ranked them (by defects, then density).
 * Those too small for a density (value null) stay in the list: their defects still count.
 */
export function hotspots(items: DrillItem[], kind: 'file' | 'module', limit = 10): DrillItem[] {
  return items.filter((i) => i.kind === kind).slice(0, limit);
}
