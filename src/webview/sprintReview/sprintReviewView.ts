/**
 * The review tab: headline tiles, the charts, one table per section (this period, previous, mean of
 * the last 3, change) with the items behind them, and the data-quality notes. The same figures as
 * the JSON export, formatted by the same functions as the Markdown and HTML ones. Built with el():
 * every Jira summary, PR title and file path is a text node.
 */
import { readableTime } from '../../core/sprintReview/dataQuality';
import { missingSourceLine, shownInTable } from '../../core/sprintReview/missingSources';
import { figureCells, formatDuration, formatFigureValue, formatHotspotDensity, moreLine, noGapsSentence, periodWord } from '../../core/sprintReview/reviewFormat';
import { HIGHER_IS_BETTER, SECTION_ROWS } from '../../core/sprintReview/reviewLabels';
import type { Figure, FigureKey, ReviewIssue, SourceAdvice, SprintReview } from '../../core/sprintReview/reviewTypes';
import type { ReviewExportFormat } from '../../shared/protocol';
import { custom, el, type Child } from '../common/dom';
import { reviewChartsSection } from './sprintReviewCharts';

export interface ReviewActions {
  exportAs(format: ReviewExportFormat): void;
  runReview(): void;
  openExternal(url: string): void;
  openFile(path: string): void;
}

/** What a lead reads out first; the full tables follow. */
const HEADLINE: Array<[FigureKey, string]> = [
  ['sayDoRatio', 'Say/do ratio'],
  ['throughput', 'Throughput'],
  ['cycleTimeMedian', 'Cycle time median'],
  ['cycleTimeP85', 'Cycle time p85'],
  ['defectsFixed', 'Defects fixed'],
  ['releasedItems', 'Items released'],
];

function allFigures(r: SprintReview): Record<string, Record<string, Figure>> {
  return { Delivery: r.delivery.figures, Flow: r.flow.figures, Quality: r.quality.figures, Escalations: r.escalations.figures, 'Time to market': r.timeToMarket.figures };
}

function figureOf(r: SprintReview, key: FigureKey): Figure | undefined {
  for (const figs of Object.values(allFigures(r))) if (figs[key]) return figs[key];
  return undefined;
}

/** better/worse colours the arrow; whether up is good depends on the figure. */
function judgement(key: FigureKey, f: Figure): string {
  if (f.direction == null || f.direction === 'same') return '';
  return (f.direction === 'up') === HIGHER_IS_BETTER.has(key) ? 'better' : 'worse';
}

function rawValue(f: Figure): string {
  return f.value == null ? 'null' : String(f.value);
}

function tile(r: SprintReview, key: FigureKey, label: string, word: string): HTMLElement | null {
  const f = figureOf(r, key);
  if (!shownInTable(f)) return null;
  const [v, prev, , dir] = figureCells(f);
  const titleId = `tile-${key}-title`;
  return el(
    'section',
    { class: 'tile', 'data-figure': key, 'aria-labelledby': titleId },
    el('h3', { id: titleId }, label),
    el('p', { class: 'value', 'data-value': rawValue(f) }, v),
    f.value == null
      ? el('p', { class: 'reason' }, f.reason ?? 'not computable')
      : el('p', { class: 'vs' }, el('span', { class: judgement(key, f) }, dir), dir ? ' ' : '', `previous ${word}: ${prev}`),
  );
}

function linkOrText(text: string, url: string | undefined, act: ReviewActions): Child {
  if (!url || !/^https?:\/\//i.test(url)) return text;
  const b = el('button', { class: 'link', type: 'button', title: url }, text);
  b.addEventListener('click', () => act.openExternal(url));
  return b;
}

function itemsTable(head: string[], numeric: number[], rows: Child[][]): HTMLElement {
  const cls = (i: number) => (numeric.includes(i) ? 'num' : undefined);
  return el(
    'table',
    { class: 'items' },
    el('thead', {}, el('tr', {}, ...head.map((h, i) => el('th', { scope: 'col', class: cls(i) }, h)))),
    el('tbody', {}, ...rows.map((cells) => el('tr', {}, ...cells.map((c, i) => el('td', { class: cls(i) }, c))))),
  );
}

function figureTable(section: string, figs: Record<string, Figure>, rows: Array<[FigureKey, string]>, word: string): HTMLElement {
  const body = rows.filter(([k]) => shownInTable(figs[k])).map(([key, label]) => {
    const f = figs[key]!;
    const [v, prev, mean, dir] = figureCells(f);
    return el(
      'tr',
      { 'data-figure': key },
      // The reason sits under the label so the number columns stay narrow and aligned.
      el('th', { scope: 'row' }, label, f.value == null ? el('span', { class: 'reason' }, f.reason ?? 'not computable') : null),
      el('td', { class: 'num value', 'data-value': rawValue(f) }, v),
      el('td', { class: 'num', 'data-value': f.previous == null ? 'null' : String(f.previous) }, prev),
      el('td', { class: 'num', 'data-value': f.meanLast3 == null ? 'null' : String(f.meanLast3) }, mean),
      el('td', { class: 'num' }, el('span', { class: judgement(key, f), 'aria-label': f.direction ?? 'no comparison' }, dir)),
    );
  });
  return el(
    'table',
    { class: 'figures', 'aria-label': `${section} figures` },
    el('thead', {}, el('tr', {}, ...['Figure', `This ${word}`, 'Previous', 'Mean of last 3', 'Change'].map((h, i) => el('th', { scope: 'col', class: i > 0 ? 'num' : undefined }, h)))),
    el('tbody', {}, ...body),
  );
}

function issueList(title: string, issues: ReviewIssue[], act: ReviewActions): HTMLElement[] {
  if (issues.length === 0) return [];
  return [
    el('h3', {}, title),
    itemsTable(['Issue', 'Summary', 'Points', 'Status'], [2], issues.map((i) => [linkOrText(i.key, i.url, act), i.title, i.points == null ? 'unestimated' : String(i.points), i.status])),
  ];
}

function sectionExtras(section: string, r: SprintReview, word: string, act: ReviewActions): Child[] {
  switch (section) {
    case 'Delivery':
      return [
        ...issueList('Carry-over', r.delivery.carryOver, act),
        ...issueList('Scope added after start', r.delivery.scopeAdded, act),
        ...issueList('Scope removed', r.delivery.scopeRemoved, act),
        ...issueList('Unestimated', r.delivery.unestimated, act),
      ];
    case 'Flow': {
      const th = r.flow.outlierThresholdHours;
      const out: Child[] = [
        th == null
          ? el('p', { class: 'reason outliers-note' }, `Outliers: ${r.flow.outliersNote ?? ''}`)
          : el('h3', {}, `Outliers (cycle time over ${formatFigureValue(th, 'hours')}, the previous ${word}s' p85)`),
      ];
      if (th != null && r.flow.outliersNote) out.push(el('p', { class: 'reason outliers-note' }, r.flow.outliersNote));
      if (r.flow.outliers.length) {
        out.push(itemsTable(['Change', 'Title', 'Cycle time', 'Slowest phase', 'Coding', 'Pickup', 'Review'], [2, 4, 5, 6], r.flow.outliers.map((o) => [
          linkOrText(o.id, o.url, act), o.title, formatDuration(o.cycleHours), o.slowestPhase ?? '—',
          formatDuration(o.phaseHours.coding), formatDuration(o.phaseHours.pickup), formatDuration(o.phaseHours.review),
        ])), morePara(moreLine(r.flow.outliersMore, 'outlier', 'outliers')));
      }
      return out;
    }
    case 'Quality':
      if (!r.quality.hotspots.length) return [];
      return [
        el('h3', {}, 'Hotspot files changed'),
        itemsTable(['File', 'Defects (90 days)', 'Defects/KLOC', `Commits this ${word}`], [1, 2, 3], r.quality.hotspots.map((h) => {
          const b = el('button', { class: 'link hotspot', type: 'button', 'data-path': h.path, title: `Open ${h.path} in the editor` }, h.path);
          b.addEventListener('click', () => act.openFile(h.path));
          return [b, String(h.defects), formatHotspotDensity(h.density), String(h.commitsInPeriod)];
        })),
        morePara(moreLine(r.quality.hotspotsMore, 'file', 'files')),
      ];
    case 'Escalations':
      if (!r.escalations.items.length) return [];
      return [itemsTable(['Issue', 'Summary', 'Escalated', 'Resolved', 'Time to resolve'], [4], r.escalations.items.map((x) => [
        linkOrText(x.key, x.url, act), x.title, readableTime(x.escalatedAt), x.resolvedAt ? readableTime(x.resolvedAt) : 'open', formatDuration(x.hoursToResolve),
      ]))];
    case 'Time to market':
      if (!r.timeToMarket.shipped.length) return [];
      return [
        el('h3', {}, `Shipped this ${word}`),
        itemsTable(['Item', 'Title', 'Release', 'Released'], [], r.timeToMarket.shipped.map((t) => [
          linkOrText(t.id, t.url, act), t.title, t.release ?? '—', readableTime(t.releasedAt),
        ])),
        morePara(moreLine(r.timeToMarket.shippedMore, 'item', 'items')),
      ];
    default:
      return [];
  }
}

function morePara(text: string): HTMLElement | null {
  return text ? el('p', { class: 'more' }, text) : null;
}

function button(label: string, attrs: Record<string, string>, onClick: () => void, secondary = false): HTMLElement {
  const b = custom('vscode-button', { ...attrs, secondary }, label);
  b.addEventListener('click', onClick);
  return b;
}

/** The tab before any review has run in this editor session. */
export function emptyReview(act: ReviewActions): HTMLElement {
  return el(
    'div',
    { class: 'empty-review' },
    el('p', {}, 'No sprint review yet. Pick a sprint (with Jira) or a date range to see delivery, flow, quality, escalations and time to market against the previous periods.'),
    button('Run Sprint Review…', { 'data-action': 'run-review' }, () => act.runReview()),
  );
}

export function reviewView(r: SprintReview, act: ReviewActions, advice: SourceAdvice = {}): HTMLElement {
  const word = periodWord(r.period.kind);
  const figs = allFigures(r);
  const kind = r.period.kind === 'sprint' ? `Sprint (${r.period.state ?? ''})` : 'Date range';
  const root = el(
    'div',
    { class: 'review-body', 'data-period': r.period.id },
    el(
      'header',
      {},
      el('h1', {}, `Sprint review: ${r.period.name}`),
      el('p', { class: 'meta' }, `${kind} ${r.period.dates}`,
        r.comparedWith.length ? ` · compared with ${r.comparedWith.map((p) => p.name).join(', ')}` : ''),
      el('p', { class: 'meta' }, `Sources: git ${r.sources.git.status} · GitHub ${r.sources.github.status} · Jira ${r.sources.jira.status} · generated ${readableTime(r.generatedAt)}`),
    ),
    el(
      'div',
      { class: 'toolbar', role: 'toolbar', 'aria-label': 'Export and period' },
      button('Export Markdown', { 'data-export': 'md' }, () => act.exportAs('md')),
      button('Export HTML', { 'data-export': 'html' }, () => act.exportAs('html'), true),
      button('Export JSON', { 'data-export': 'json' }, () => act.exportAs('json'), true),
      button('Choose another period…', { 'data-action': 'run-review' }, () => act.runReview(), true),
    ),
    r.missing.length
      ? el('section', { class: 'missing', 'aria-labelledby': 'review-missing' }, el('h2', { id: 'review-missing' }, 'Not in this review'),
        el('ul', {}, ...r.missing.map((m) => el('li', { 'data-source': m.source }, missingSourceLine(m, advice)))))
      : null,
    el('div', { class: 'headline', role: 'list', 'aria-label': 'Headline figures' }, ...HEADLINE.map(([k, label]) => tile(r, k, label, word))),
    el('div', { class: 'charts-slot' }),
  );
  for (const [section, rows] of SECTION_ROWS) {
    // A section whose every figure needs a missing source is named in that source's line instead.
    if (!rows.some(([k]) => shownInTable(figs[section]![k]))) continue;
    const id = `review-${section.toLowerCase().replace(/\W+/g, '-')}`;
    root.append(el('section', { 'aria-labelledby': id, 'data-section': section }, el('h2', { id }, section), figureTable(section, figs[section]!, rows, word), ...sectionExtras(section, r, word, act)));
  }
  if (r.perPerson) {
    root.append(el('section', { 'aria-labelledby': 'review-per-person' }, el('h2', { id: 'review-per-person' }, 'Per person (opt-in)'),
      itemsTable(['Person', 'Merged changes', 'Cycle time median'], [1, 2], r.perPerson.map((p) => [p.person, String(p.mergedChanges), formatFigureValue(p.cycleTimeMedianHours, 'hours')]))));
  }
  root.append(el('section', { class: 'quality', 'aria-labelledby': 'review-data-quality' }, el('h2', { id: 'review-data-quality' }, 'Data quality'),
    r.dataQuality.length ? el('ul', {}, ...r.dataQuality.map((n) => el('li', {}, n))) : el('p', {}, noGapsSentence(r))));
  return root;
}

/** Charts go in after the tables are in the document, so the numbers show first (as on the KPI tab). */
export function fillReviewCharts(root: HTMLElement, r: SprintReview): void {
  root.querySelector('.charts-slot')?.append(reviewChartsSection(r));
}
