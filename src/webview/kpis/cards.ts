/** One card per KPI, in the order the host sends (metrics/registry.ts): value, unit, source, sample size, sparkline, change; or a reason and the action that fixes it. */
import type { KpiName, Report } from '../../core/metrics/registry';
import type { ReportDetails } from '../../core/metrics/registry';
import { changeUnitText, formatChange, formatNumber, itemsSummary } from '../../shared/kpiFormat';
import { EDITOR_EXCLUSION_WORDS, kpiExclusionSentences } from '../../core/report/exclusionNotes';
import { presetDaysOf, remediesFor, type Remedy } from '../../shared/kpiRemedy';
import { previousWindowName } from '../../shared/windowNames';
import type { KpiCard, PanelCommand, WindowChoice } from '../../shared/protocol';
import type { PresetDays } from '../../core/model/time';
import { sparkline } from '../common/charts';
import { custom, el } from '../common/dom';
import { drillDown } from './drillDown';
import { sparkValues } from './series';
import { isKpiLoading, type KpiLoading, type PartialReport } from '../../core/partialReportTypes';
import { waitingText } from '../../shared/loadingWords';

export interface CardActions {
  runCommand(command: PanelCommand): void;
  setWindow(window: WindowChoice): void;
  openCommit(hash: string): void;
  toggle(kpi: KpiName): void;
  openExternal(url: string): void;
  openFile(path: string): void;
}

/** Draws the cards' sparklines (Chart.js instances, the costly part of a card) into their slots. */
export function fillSparklines(root: HTMLElement, details: ReportDetails, kpis: readonly KpiCard[]): void {
  for (const slot of root.querySelectorAll<HTMLElement>('[data-spark]')) {
    const kpi = kpis.find((k) => k.name === slot.dataset.spark);
    const spark = kpi && sparkline(sparkValues(details[kpi.name].series), kpi.label);
    if (spark) slot.replaceWith(spark);
  }
}

/** What the cards are drawn for: the KPIs (in order), the window shown and the length a remedy window keeps. */
export interface CardContext {
  kpis: readonly KpiCard[];
  window: WindowChoice;
  defaultDays: PresetDays;
}

/** `report` partial (issue 14): its loading KPIs are drawn as such, and there are no details yet. */
export function cards(report: Report | PartialReport, details: ReportDetails | undefined, expanded: string | undefined, ctx: CardContext, act: CardActions): HTMLElement {
  return el('div', { class: 'cards', role: 'list', 'aria-label': 'KPI cards' }, ...ctx.kpis.map((k) => card(k, report, details, expanded === k.name, ctx, act)));
}

function remedyButton(r: Remedy, act: CardActions): HTMLElement {
  const b = custom('vscode-button', r.kind === 'command' ? { 'data-command': r.command } : { 'data-remedy': r.window.kind }, r.label);
  b.addEventListener('click', () => (r.kind === 'command' ? act.runCommand(r.command) : act.setWindow(r.window)));
  return b;
}

/** The `excluded` counts in the CLI's words (exclusionNotes.ts), and the unit a change is counted in. */
function leftOut(r: Report['kpis'][KpiName]): HTMLElement | null {
  const lines = kpiExclusionSentences(r, EDITOR_EXCLUSION_WORDS);
  const unit = typeof r.changeUnit === 'string' ? el('li', { class: 'change-unit' }, changeUnitText(r.changeUnit)) : null;
  if (lines.length === 0 && !unit) return null;
  return el('ul', { class: 'excluded', 'aria-label': 'What this number counts and leaves out' }, unit, ...lines.map((l) => el('li', {}, l)));
}

/** A KPI whose inputs are still being read: no number (not even —), only what it waits for. */
function loadingCard(section: HTMLElement, r: KpiLoading): HTMLElement {
  section.classList.add('loading');
  section.setAttribute('aria-busy', 'true');
  section.append(
    el('p', { class: 'value' }, custom('vscode-progress-ring', { 'aria-hidden': 'true' }), ' ', el('span', { class: 'pending' }, 'Loading…')),
    el('p', { class: 'reason' }, waitingText(r.waitingFor)),
  );
  return section;
}

function card({ name: kpi, label }: KpiCard, report: Report | PartialReport, details: ReportDetails | undefined, open: boolean, ctx: CardContext, act: CardActions): HTMLElement {
  const r = report.kpis[kpi];
  const titleId = `card-${kpi}-title`;
  const section = el('section', { class: 'card', role: 'listitem', 'data-kpi': kpi, 'aria-labelledby': titleId }, el('h2', { id: titleId }, label));
  if (isKpiLoading(r)) return loadingCard(section, r);
  if (r.value === null) {
    section.classList.add('no-value');
    section.append(
      el('p', { class: 'value' }, el('span', { class: 'number', 'data-value': 'null' }, '—'), ' ', el('span', { class: 'unit' }, r.unit)),
      el('p', { class: 'reason' }, r.reason ?? 'no data'),
    );
    const remedies = remediesFor(kpi, r, report, presetDaysOf(ctx.window, ctx.defaultDays));
    if (remedies.length) section.appendChild(el('div', { class: 'actions' }, ...remedies.map((x) => remedyButton(x, act))));
    const notes = leftOut(r);
    if (notes) section.appendChild(notes);
    return section;
  }
  const change = formatChange(r.value, r.previous);
  const before = previousWindowName(report, ctx.window);
  section.append(
    el('p', { class: 'value' }, el('span', { class: 'number', 'data-value': String(r.value) }, formatNumber(r.value, r.unit)), ' ', el('span', { class: 'unit' }, r.unit)),
    el(
      'p',
      { class: `change${change?.startsWith('▼') ? ' down' : change?.startsWith('▲') ? ' up' : ''}` },
      change ? `${change} vs ${before}` : r.previous === 0 ? `was 0 in ${before}` : `nothing to compare in ${before}`,
    ),
    el(
      'p',
      { class: 'meta' },
      el('span', { class: 'source' }, `source: ${r.source ?? '?'}`),
      r.sampleSize !== undefined ? el('span', { class: 'sample' }, ` · n = ${r.sampleSize}`) : null,
    ),
  );
  const notes = leftOut(r);
  if (notes) section.appendChild(notes);
  // A slot of the sparkline's height: fillSparklines() draws into it after the numbers are on screen.
  if (details && sparkValues(details[kpi].series).filter((v) => v !== null).length >= 2) section.appendChild(el('div', { class: 'spark-box', 'data-spark': kpi }));
  const items = details?.[kpi].items ?? [];
  if (items.length > 0) {
    const listId = `drill-${kpi}`;
    // Say what the list holds: its length need not be n (a file list, commits beside modules…).
    const text = open ? 'Hide details' : `Show ${itemsSummary(items, r.sampleSize)}`;
    // Several cards say "Show 5 items": the accessible name also says whose items they are.
    const toggle = custom(
      'vscode-button',
      { secondary: true, class: 'toggle', 'aria-expanded': open ? 'true' : 'false', 'aria-controls': listId, 'aria-label': `${text} of ${label}` },
      text,
    );
    toggle.addEventListener('click', () => act.toggle(kpi));
    section.appendChild(toggle);
    if (open) section.appendChild(drillDown(listId, `Items behind ${label}`, items, r.unit, act));
  }
  return section;
}
