/**
 * Charts with Chart.js. Why Chart.js: it draws on <canvas> (no SVG strings built from data, so
 * nothing to escape), tree-shakes to the few controllers we register (~70 KB min+gz), takes its
 * colours from VS Code's CSS variables at draw time, and is the most used library of its kind.
 * A canvas is opaque to screen readers, so every chart has a data table beside it.
 */
import {
  BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip,
  type ChartConfiguration, type ChartDataset,
} from 'chart.js';
import { el } from './dom';
import { chartHasData, type ChartSeries } from './chartData';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);

const live = new Set<Chart>();

/** Destroys every chart before a re-render (Chart.js keeps listeners on its canvas). */
export function destroyCharts(): void {
  live.forEach((c) => c.destroy());
  live.clear();
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;
}

const CHART_COLORS = ['blue', 'orange', 'green', 'purple', 'red', 'yellow'];

/**
 * The theme's chart colours, in this order. A theme may leave one out (Dark High Contrast has no
 * charts.orange): skip it rather than draw a colour that is not the theme's.
 */
export function palette(): string[] {
  const colors = CHART_COLORS.map((c) => cssVar(`--vscode-charts-${c}`, '')).filter((c) => c !== '');
  return colors.length > 0 ? colors : [cssVar('--vscode-foreground', '#3794ff')];
}

function themeDefaults(): void {
  Chart.defaults.color = cssVar('--vscode-foreground', '#cccccc');
  Chart.defaults.borderColor = cssVar('--vscode-charts-lines', 'rgba(128,128,128,0.35)');
  Chart.defaults.font.family = cssVar('--vscode-font-family', 'sans-serif');
  Chart.defaults.animation = false;
}

export interface ChartSpec {
  id: string;
  title: string;
  type: 'line' | 'bar';
  labels: string[];
  series: ChartSeries[];
  /** Unit for the axis title and the table header. */
  unit: string;
  horizontal?: boolean;
  /** Empty-state sentence when there is nothing to draw. */
  empty: string;
}

/**
 * A <figure> with the chart and an accessible table of the same numbers. `registry` is the set
 * destroyCharts() empties; the review tab passes its own so a KPI re-render leaves its charts alone.
 */
export function chartFigure(spec: ChartSpec, registry: Set<Chart> = live): HTMLElement {
  const titleId = `chart-${spec.id}-title`;
  const hasData = chartHasData(spec);
  const fig = el('figure', { class: 'chart', 'aria-labelledby': titleId, 'data-chart': spec.id }, el('figcaption', { id: titleId }, spec.title));
  if (!hasData) {
    fig.appendChild(el('p', { class: 'empty' }, spec.empty));
    return fig;
  }
  const canvas = el('canvas', { role: 'img', 'aria-label': `${spec.title}: chart; the same data is in the table below` });
  fig.appendChild(el('div', { class: 'canvas-box' }, canvas));
  fig.appendChild(dataTable(spec));
  themeDefaults();
  const colors = palette();
  const datasets: Array<ChartDataset<'line' | 'bar', Array<number | null>>> = spec.series.map((s, i) => ({
    label: s.label,
    data: s.values,
    borderColor: colors[i % colors.length],
    backgroundColor: colors[i % colors.length],
    spanGaps: true,
    pointRadius: 2,
  }));
  const config: ChartConfiguration<'line' | 'bar', Array<number | null>, string> = {
    type: spec.type,
    data: { labels: spec.labels, datasets },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: spec.horizontal ? 'y' : 'x',
      plugins: { legend: { display: spec.series.length > 1 } },
      scales: { [spec.horizontal ? 'x' : 'y']: { beginAtZero: true, title: { display: true, text: spec.unit } } },
    },
  };
  registry.add(new Chart(canvas, config));
  return fig;
}

function dataTable(spec: ChartSpec): HTMLElement {
  const head = el('tr', {}, el('th', { scope: 'col' }, 'period'), ...spec.series.map((s) => el('th', { scope: 'col' }, `${s.label} (${spec.unit})`)));
  const rows = spec.labels.map((label, i) =>
    el('tr', {}, el('th', { scope: 'row' }, label), ...spec.series.map((s) => el('td', {}, fmt(s.values[i] ?? null)))),
  );
  return el('details', { class: 'table' }, el('summary', {}, 'Data table'), el('table', { 'aria-label': `${spec.title}: data` }, el('thead', {}, head), el('tbody', {}, ...rows)));
}

function fmt(v: number | null): string {
  if (v === null) return '—';
  return Number.isInteger(v) ? String(v) : v.toFixed(2);
}

/** A tiny line without axes, for a card. */
export function sparkline(values: Array<number | null>, label: string): HTMLElement | null {
  if (values.filter((v) => v !== null).length < 2) return null;
  const canvas = el('canvas', { class: 'spark', role: 'img', 'aria-label': `${label} trend: ${values.map((v) => fmt(v)).join(', ')}` });
  const box = el('div', { class: 'spark-box' }, canvas);
  themeDefaults();
  const color = palette()[0];
  live.add(
    new Chart(canvas, {
      type: 'line',
      data: { labels: values.map((_, i) => String(i)), datasets: [{ data: values, borderColor: color, borderWidth: 1.5, pointRadius: 0, spanGaps: true }] },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { display: false }, tooltip: { enabled: false } },
        scales: { x: { display: false }, y: { display: false } },
      },
    }),
  );
  return box;
}
