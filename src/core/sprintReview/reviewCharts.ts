import { addTo } from '../util/addTo';
import type { Figure, FigureKey, ReviewChart, TrendPoint } from './reviewTypes';

/** Nothing to draw: every value missing or 0 (a chart of zeros is an empty grid with a −1…1 axis). */
const blank = (series: ReviewChart['series']): boolean => series.every((s) => s.values.every((v) => v == null || v === 0));

function chart(spec: Omit<ReviewChart, 'empty'>, why: string): ReviewChart {
  return { ...spec, empty: spec.labels.length === 0 || blank(spec.series) ? why : null };
}

const PHASE_NAMES = ['coding', 'pickup', 'review', 'deploy'];

/** "coding, pickup and review need GitHub pull requests; deploy: no merged changes in period". */
function phasesWhy(phases: Figure[]): string {
  const named = (names: string[]): string => (names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0] ?? '');
  const needGitHub = PHASE_NAMES.filter((_, i) => phases[i]!.needs?.includes('github'));
  const byReason = new Map<string, string[]>();
  PHASE_NAMES.forEach((n, i) => {
    const why = phases[i]!.reason;
    if (why && !needGitHub.includes(n)) addTo(byReason, why, n);
  });
  // One reason for all four (a quiet period) is said once.
  const others = [...byReason].map(([why, names]) => (names.length === PHASE_NAMES.length ? why : `${named(names)}: ${why}`));
  return [...(needGitHub.length ? [`${named(needGitHub)} need GitHub pull requests`] : []), ...others].join('; ');
}

/**
 * The review's three charts, with the data each draws or why it is empty, so the panel tab and the
 * exported page draw (or explain) the same thing. Axes start at 0 (the renderers' beginAtZero).
 */
export function reviewCharts(trend: TrendPoint[], flow: Record<'cycleTimeMedian' | 'codingMedian' | 'pickupMedian' | 'reviewMedian' | 'deployMedian', Figure>): ReviewChart[] {
  const labels = trend.map((t) => t.name);
  const series = (key: FigureKey, label: string) => ({ label, values: trend.map((t) => t.values[key] ?? null) });
  const phases = [flow.codingMedian, flow.pickupMedian, flow.reviewMedian, flow.deployMedian];
  return [
    chart({
      id: 'review-delivery', title: 'Delivery per period', type: 'bar', unit: 'points / changes', labels,
      series: [series('committedPoints', 'Committed points'), series('completedPoints', 'Completed points'), series('throughput', 'Merged changes')],
    }, 'Nothing delivered in these periods: no points and no merged changes.'),
    chart({
      // Bars, not a line: with only 3 periods, and some empty, a line shows little more than dots.
      id: 'review-cycle', title: 'Cycle time per period', type: 'bar', unit: 'hours', labels,
      series: [series('cycleTimeMedian', 'Median'), series('cycleTimeP85', 'p85')],
    }, `No cycle time in these periods${flow.cycleTimeMedian.reason ? ` (this period: ${flow.cycleTimeMedian.reason})` : ''}.`),
    chart({
      id: 'review-phases', title: 'Cycle time phases, this period (median)', type: 'bar', unit: 'hours', horizontal: true,
      labels: ['Coding', 'Pickup', 'Review', 'Deploy'],
      series: [{ label: 'median', values: phases.map((f) => f.value) }],
    }, `No phase could be measured in this period${phasesWhy(phases) ? `: ${phasesWhy(phases)}` : ''}.`),
  ];
}
