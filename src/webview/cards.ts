/** The six KPI cards: value, unit, source, sample size, sparkline, change; or a reason and the action that fixes it. */
import { KPI_NAMES, type KpiName, type Report } from '../core/report/reportTypes';
import type { ReportDetails } from '../core/report/details';
import { KPI_LABELS, fixActionsFor, formatChange, formatNumber } from '../shared/kpiFormat';
import type { PanelCommand } from '../shared/protocol';
import { sparkline } from './charts';
import { custom, el } from './dom';
import { drillDown } from './drillDown';
import { sparkValues } from './series';

export interface CardActions {
  runCommand(command: PanelCommand): void;
  toggle(kpi: KpiName): void;
  openExternal(url: string): void;
  openFile(path: string): void;
}

/** Draws the cards' sparklines (Chart.js instances, the costly part of a card) into their slots. */
export function fillSparklines(root: HTMLElement, details: ReportDetails): void {
  for (const slot of root.querySelectorAll<HTMLElement>('[data-spark]')) {
    const kpi = slot.dataset.spark as KpiName;
    const spark = sparkline(sparkValues(details[kpi].series), KPI_LABELS[kpi]);
    if (spark) slot.replaceWith(spark);
  }
}

export function cards(report: Report, details: ReportDetails | undefined, expanded: string | undefined, windowLabel: string, act: CardActions): HTMLElement {
  return el('div', { class: 'cards', role: 'list', 'aria-label': 'KPI cards' }, ...KPI_NAMES.map((k) => card(k, report, details, expanded === k, windowLabel, act)));
}

function card(kpi: KpiName, report: Report, details: ReportDetails | undefined, open: boolean, windowLabel: string, act: CardActions): HTMLElement {
  const r = report.kpis[kpi];
  const titleId = `card-${kpi}-title`;
  const section = el('section', { class: 'card', role: 'listitem', 'data-kpi': kpi, 'aria-labelledby': titleId }, el('h2', { id: titleId }, KPI_LABELS[kpi]));
  if (r.value === null) {
    section.classList.add('no-value');
    section.append(
      el('p', { class: 'value' }, el('span', { class: 'number', 'data-value': 'null' }, '—'), ' ', el('span', { class: 'unit' }, r.unit)),
      el('p', { class: 'reason' }, r.reason ?? 'no data'),
    );
    const actions = el('div', { class: 'actions' });
    for (const a of fixActionsFor(r.reason)) {
      const b = custom('vscode-button', { 'data-command': a.command }, a.label);
      b.addEventListener('click', () => act.runCommand(a.command));
      actions.appendChild(b);
    }
    section.appendChild(actions);
    return section;
  }
  const change = formatChange(r.value, r.previous);
  section.append(
    el('p', { class: 'value' }, el('span', { class: 'number', 'data-value': String(r.value) }, formatNumber(r.value, r.unit)), ' ', el('span', { class: 'unit' }, r.unit)),
    el(
      'p',
      { class: `change${change?.startsWith('▼') ? ' down' : change?.startsWith('▲') ? ' up' : ''}` },
      change ? `${change} vs previous ${windowLabel}` : r.previous === 0 ? `was 0 in the previous ${windowLabel}` : `no previous ${windowLabel} to compare`,
    ),
    el(
      'p',
      { class: 'meta' },
      el('span', { class: 'source' }, `source: ${r.source ?? '?'}`),
      r.sampleSize !== undefined ? el('span', { class: 'sample' }, ` · n = ${r.sampleSize}`) : null,
    ),
  );
  // A slot of the sparkline's height: fillSparklines() draws into it after the numbers are on screen.
  if (details && sparkValues(details[kpi].series).filter((v) => v !== null).length >= 2) section.appendChild(el('div', { class: 'spark-box', 'data-spark': kpi }));
  const items = details?.[kpi].items ?? [];
  if (items.length > 0) {
    const listId = `drill-${kpi}`;
    const text = open ? 'Hide details' : `Show ${items.length} items`;
    // Several cards say "Show 5 items": the accessible name also says whose items they are.
    const toggle = custom(
      'vscode-button',
      { secondary: true, class: 'toggle', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': listId, 'aria-label': `${text} of ${KPI_LABELS[kpi]}` },
      text,
    );
    toggle.addEventListener('click', () => act.toggle(kpi));
    section.appendChild(toggle);
    if (open) section.appendChild(drillDown(listId, `Items behind ${KPI_LABELS[kpi]}`, items, r.unit, act));
  }
  return section;
}
