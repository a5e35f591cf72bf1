/** The review tab's charts, the same three as the exported HTML page, drawn from the review's trend. */
import type { Chart } from 'chart.js';
import type { FigureKey, SprintReview } from '../core/sprintReview/reviewTypes';
import { chartFigure } from './charts';
import { el } from './dom';

const reviewCharts = new Set<Chart>();

/** Before a re-render of the review tab only; the KPI tab's charts live in charts.ts's own set. */
export function destroyReviewCharts(): void {
  reviewCharts.forEach((c) => c.destroy());
  reviewCharts.clear();
}

export function reviewChartsSection(r: SprintReview): HTMLElement {
  const labels = r.trend.map((t) => t.name);
  const series = (key: FigureKey, label: string) => ({ label, values: r.trend.map((t) => t.values[key] ?? null) });
  const ph = r.flow.figures;
  return el(
    'div',
    { class: 'charts review-charts' },
    chartFigure({
      id: 'review-delivery', title: 'Delivery per period', type: 'bar', unit: 'points / changes', labels,
      series: [series('committedPoints', 'Committed points'), series('completedPoints', 'Completed points'), series('throughput', 'Merged changes')],
      empty: 'Nothing delivered in these periods.',
    }, reviewCharts),
    chartFigure({
      // Bars, not a line: with only 3 periods, and some empty, a line shows little more than dots.
      id: 'review-cycle', title: 'Cycle time per period', type: 'bar', unit: 'hours', labels,
      series: [series('cycleTimeMedian', 'Median'), series('cycleTimeP85', 'p85')],
      empty: 'No merged changes in these periods.',
    }, reviewCharts),
    chartFigure({
      id: 'review-phases', title: 'Cycle time phases, this period (median)', type: 'bar', unit: 'hours', horizontal: true,
      labels: ['Coding', 'Pickup', 'Review', 'Deploy'],
      series: [{ label: 'median', values: [ph.codingMedian.value, ph.pickupMedian.value, ph.reviewMedian.value, ph.deployMedian.value] }],
      empty: 'No phase could be measured in this period.',
    }, reviewCharts),
  );
}
