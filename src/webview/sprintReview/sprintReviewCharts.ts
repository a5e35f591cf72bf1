/** The review tab's charts, the same three as the exported HTML page, drawn from the review's trend. */
import type { Chart } from 'chart.js';
import type { SprintReview } from '../../core/sprintReview/reviewTypes';
import { chartFigure } from '../common/charts';
import { el } from '../common/dom';

const reviewCharts = new Set<Chart>();

/** Before a re-render of the review tab only; the KPI tab's charts live in charts.ts's own set. */
export function destroyReviewCharts(): void {
  reviewCharts.forEach((c) => c.destroy());
  reviewCharts.clear();
}

export function reviewChartsSection(r: SprintReview): HTMLElement {
  // The review says which charts are empty and why; an empty one gets no labels, so chartFigure shows the sentence.
  return el('div', { class: 'charts review-charts' }, ...r.charts.map((c) => chartFigure({ ...c, labels: c.empty ? [] : c.labels, empty: c.empty ?? '' }, reviewCharts)));
}
