/** The panel's charts (trends, phases, distribution, hotspots), plus the hotspot list whose files open in the editor. */
import type { ReportDetails } from '../../core/metrics/registry';
import type { KpiResult } from '../../core/model/kpi';
import type { Report } from '../../core/metrics/registry';
import { formatNumber } from '../../shared/kpiFormat';
import { chartFigure } from '../common/charts';
import { el } from '../common/dom';
import { linkButton } from './drillDown';
import { CYCLE_BUCKETS, emptyText, histogram, hotspots, toChartSeries } from './series';
import { PHASES } from '../../core/metrics/shared/cyclePhases';

function phaseMedian(report: Report, phase: string): number | null {
  const phases = report.kpis.cycleTime.phases;
  if (typeof phases !== 'object' || phases === null) return null;
  const p = (phases as Record<string, unknown>)[phase];
  if (typeof p !== 'object' || p === null) return null;
  const rec = p as Record<string, unknown>;
  const v = rec.value ?? rec.median;
  return typeof v === 'number' ? v : null;
}

export function chartsSection(report: Report, details: ReportDetails, openFile: (path: string) => void): HTMLElement {
  // The trend shows durations only; a count series would share the hours axis and mislead.
  const trend = toChartSeries(details.cycleTime.series, ['median', 'p85']);
  const velocity = toChartSeries(details.velocity.series);
  const esc = toChartSeries(details.escalations.series);
  const te = toChartSeries(details.testEffectiveness.series);
  const files = hotspots(details.defectDensity.items, 'file');
  const modules = hotspots(details.defectDensity.items, 'module');
  const phaseValues = PHASES.map((p) => phaseMedian(report, p));
  const k = report.kpis;
  // A KPI without a value gives its chart the same reason as its card.
  const quiet = (kpi: KpiResult, none: string) => (kpi.value === null ? emptyText(kpi, none) : none);

  const grid = el(
    'div',
    { class: 'charts' },
    chartFigure({ id: 'cycle-trend', title: 'Cycle time trend (weekly)', type: 'line', unit: 'hours', ...trend, empty: quiet(k.cycleTime, 'No merged changes in this window.') }),
    chartFigure({ id: 'phases', title: 'Cycle time phases (median)', type: 'bar', unit: 'hours', labels: [...PHASES], series: [{ label: 'median', values: phaseValues }], empty: k.cycleTime.value === null ? quiet(k.cycleTime, '') : 'Phases need GitHub pull requests (git alone has no review events).' }),
    chartFigure({
      id: 'distribution',
      title: 'Distribution of cycle times',
      type: 'bar',
      unit: 'changes',
      labels: CYCLE_BUCKETS.map((b) => b.label),
      series: [{ label: 'changes', values: histogram(details.cycleTime.items) }],
      empty: quiet(k.cycleTime, 'No merged changes in this window.'),
    }),
    chartFigure({ id: 'velocity', title: `Velocity (${report.kpis.velocity.unit})`, type: 'bar', unit: report.kpis.velocity.unit, ...velocity, empty: quiet(k.velocity, 'No velocity data in this window.') }),
    chartFigure({
      id: 'hotspots',
      title: 'Defect-density hotspots by module',
      type: 'bar',
      unit: 'defects/KLOC',
      horizontal: true,
      labels: modules.map((m) => m.title || m.id),
      series: [{ label: 'defects/KLOC', values: modules.map((m) => m.value ?? null) }],
      empty: k.defectDensity.value === null ? quiet(k.defectDensity, '') : modules.length ? "No module with a bug fix has the 500 source lines a density needs; Defect density's items list each module's defects." : 'No bug fixes touched source files in this window.',
    }),
    chartFigure({ id: 'escalations', title: 'Escalations over time', type: 'bar', unit: 'count', ...esc, empty: k.escalations.value === 0 ? 'No escalations in this window (0 every week).' : quiet(k.escalations, 'No escalations in this window.') }),
    chartFigure({ id: 'test-effectiveness', title: 'Test effectiveness over time', type: 'line', unit: 'ratio', ...te, empty: emptyText(k.testEffectiveness, 'No bug fixes in this window.') }),
  );

  const hot = el('section', { class: 'hotspot-files', 'aria-labelledby': 'hotspot-files-title' }, el('h2', { id: 'hotspot-files-title' }, 'Hotspot files'));
  if (files.length === 0) hot.appendChild(el('p', { class: 'empty' }, quiet(k.defectDensity, 'No bug fixes touched source files in this window.')));
  else {
    hot.appendChild(
      el(
        'ol',
        {},
        ...files.map((f) => {
          const path = f.path ?? f.id;
          // A file under 50 source lines has no density (spec §4 v2): its defect count, and why.
          const value = typeof f.value === 'number' ? `${formatNumber(f.value, 'defects/KLOC')} defects/KLOC` : `— ${plural(Number(f.extra?.defects ?? 0), 'defect')} (${String(f.extra?.density ?? 'no density')})`;
          return el('li', {}, linkButton(path, `Open ${path} in the editor`, () => openFile(path), { 'data-path': path, class: 'link hotspot' }), el('span', { class: 'item-value' }, ` ${value}`));
        }),
      ),
    );
  }
  return el('div', {}, grid, hot);
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
