/** What a chart draws, without Chart.js: shared by the chart drawing (charts.ts) and the series builders (kpis/series.ts). */
export interface ChartSeries {
  label: string;
  values: Array<number | null>;
}

/**
 * Whether a chart has something to draw: a value at all, and for bars one above zero (bars of
 * height 0 draw an empty 0–1 grid; a line at 0 is a value and is drawn).
 */
export function chartHasData(spec: { labels: string[]; series: ChartSeries[]; type: 'line' | 'bar' }): boolean {
  if (spec.labels.length === 0) return false;
  return spec.series.some((s) => s.values.some((v) => v !== null && (spec.type === 'line' || v !== 0)));
}
