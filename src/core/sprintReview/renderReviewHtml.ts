import { randomBytes } from 'node:crypto';
import { readableTime } from './dataQuality';
import { escapeHtml as e, jsonForScript, safeHref } from '../output/htmlEscape';
import { loadChartJsSource } from './chartJsSource';
import { REVIEW_CHART_SCRIPT } from './reviewChartScript';
import { missingSourceLine, shownInTable } from './missingSources';
import { figureCells, formatDuration, formatFigureValue, formatHotspotDensity, moreLine, noGapsSentence, periodWord } from './reviewFormat';
import { HIGHER_IS_BETTER, SECTION_ROWS } from './reviewLabels';
import type { Figure, FigureKey, ReviewChart, ReviewIssue, SourceAdvice, SprintReview } from './reviewTypes';

export interface HtmlRenderOptions {
  /** Chart.js UMD source; default: read from the installed package. null: no charts. */
  chartJs?: string | null;
  /** For tests; default: 16 random bytes. */
  nonce?: string;
  /** The host's words for adding a missing source (CLI flags, or the editor's commands). */
  advice?: SourceAdvice;
}

const moreP = (text: string): string => (text ? `<p class="more">${e(text)}</p>` : '');

/** A chart's canvas, or the sentence saying why it has nothing to draw. */
function chartBox(c: ReviewChart): string {
  return c.empty
    ? `<div class="empty" data-chart="${e(c.id)}"><p><strong>${e(c.title)}</strong></p><p class="reason">${e(c.empty)}</p></div>`
    : `<div><canvas id="${e(c.id)}" aria-label="${e(c.title)}"></canvas></div>`;
}

const link = (text: string, url: string | undefined): string => {
  const href = safeHref(url);
  return href ? `<a href="${href}" rel="noopener noreferrer">${e(text)}</a>` : e(text);
};

const table = (head: string[], rows: string[][], numeric: number[] = []): string =>
  `<table><thead><tr>${head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr></thead><tbody>` +
  rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('') + '</tbody></table>';

function figureTable(figs: Record<string, Figure>, rows: Array<[FigureKey, string]>, word: string): string {
  return table(['Figure', `This ${word}`, 'Previous', 'Mean of last 3', 'Change'], rows.filter(([k]) => shownInTable(figs[k])).map(([key, label]) => {
    const f = figs[key]!;
    const [v, prev, mean, dir] = figureCells(f);
    const good = f.direction == null || f.direction === 'same' ? '' : (f.direction === 'up') === HIGHER_IS_BETTER.has(key) ? 'better' : 'worse';
    return [e(label), f.value == null ? `— <span class="reason">${e(f.reason ?? '')}</span>` : e(v), e(prev), e(mean), `<span class="${good}">${e(dir)}</span>`];
  }), [1, 2, 3]);
}

function issueTable(title: string, issues: ReviewIssue[]): string {
  if (!issues.length) return '';
  return `<h3>${e(title)}</h3>` + table(['Issue', 'Summary', 'Points', 'Status'],
    issues.map((i) => [link(i.key, i.url), e(i.title), i.points == null ? 'unestimated' : e(String(i.points)), e(i.status)]), [2]);
}

const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1d2630;padding:0 1rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;width:100%}th,td{border:1px solid #d5dbe1;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f5f7}.num{text-align:right}.reason{color:#6b7783;font-size:.9em}.better{color:#2e7d32}.worse{color:#c62828}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(20rem,1fr));gap:1rem}.charts div{height:16rem}.charts div.empty{height:auto;border:1px dashed #d5dbe1;padding:.5rem 1rem}.meta{color:#55606b}.more{color:#55606b;margin-top:-.5rem}`;

/**
 * The review as one standalone HTML file: opens offline in any browser, Chart.js inlined, a strict
 * CSP that allows only this page's own nonce-tagged script and style, every string escaped, and
 * the data handed to the charts as JSON in a non-executable script block.
 */
export function renderReviewHtml(r: SprintReview, opts: HtmlRenderOptions = {}): string {
  const nonce = opts.nonce ?? randomBytes(16).toString('base64');
  const chartJs = opts.chartJs === undefined ? loadChartJsSource() : opts.chartJs;
  const word = periodWord(r.period.kind);
  const figs: Record<string, Record<string, Figure>> = {
    Delivery: r.delivery.figures, Flow: r.flow.figures, Quality: r.quality.figures, Escalations: r.escalations.figures, 'Time to market': r.timeToMarket.figures,
  };
  const body: string[] = [
    `<h1>Sprint review: ${e(r.period.name)}</h1>`,
    `<p class="meta">${r.period.kind === 'sprint' ? `Sprint (${e(r.period.state ?? '')})` : 'Date range'} ${e(r.period.dates)}` +
      (r.comparedWith.length ? ` · compared with ${r.comparedWith.map((p) => e(p.name)).join(', ')}` : '') +
      ` · sources: git ${e(r.sources.git.status)}, GitHub ${e(r.sources.github.status)}, Jira ${e(r.sources.jira.status)} · generated ${e(readableTime(r.generatedAt))}</p>`,
    r.missing.length ? `<h2>Not in this review</h2><ul class="missing">${r.missing.map((m) => `<li>${e(missingSourceLine(m, opts.advice))}</li>`).join('')}</ul>` : '',
    chartJs
      ? `<div class="charts">${r.charts.map(chartBox).join('')}</div>`
      : '<p class="reason">Charts unavailable: Chart.js was not found beside this tool; the tables below hold every figure.</p>',
  ];
  for (const [section, rows] of SECTION_ROWS) {
    // A section whose every figure needs a missing source is named in that source's line instead.
    if (!rows.some(([k]) => shownInTable(figs[section]![k]))) continue;
    body.push(`<h2>${e(section)}</h2>`, figureTable(figs[section]!, rows, word));
    if (section === 'Delivery') {
      body.push(issueTable('Carry-over', r.delivery.carryOver), issueTable('Scope added after start', r.delivery.scopeAdded),
        issueTable('Scope removed', r.delivery.scopeRemoved), issueTable('Unestimated', r.delivery.unestimated));
    }
    if (section === 'Flow') {
      const th = r.flow.outlierThresholdHours;
      body.push(th == null
        ? `<p class="reason">Outliers: ${e(r.flow.outliersNote ?? '')}</p>`
        : `<h3>Outliers (cycle time over ${e(formatFigureValue(th, 'hours'))}, the previous ${word}s' p85)</h3>`);
      if (th != null && r.flow.outliersNote) body.push(`<p class="reason">${e(r.flow.outliersNote)}</p>`);
      if (r.flow.outliers.length) {
        body.push(table(['Change', 'Title', 'Cycle time', 'Slowest phase', 'Coding', 'Pickup', 'Review'], r.flow.outliers.map((o) => [
          link(o.id, o.url), e(o.title), e(formatDuration(o.cycleHours)), e(o.slowestPhase ?? '—'),
          e(formatDuration(o.phaseHours.coding)), e(formatDuration(o.phaseHours.pickup)), e(formatDuration(o.phaseHours.review)),
        ]), [2, 4, 5, 6]), moreP(moreLine(r.flow.outliersMore, 'outlier', 'outliers')));
      }
    }
    if (section === 'Quality' && r.quality.hotspots.length) {
      body.push('<h3>Hotspot files changed</h3>', table(['File', 'Defects (90 days)', 'Defects/KLOC', `Commits this ${word}`],
        r.quality.hotspots.map((h) => [e(h.path), e(String(h.defects)), e(formatHotspotDensity(h.density)), e(String(h.commitsInPeriod))]), [1, 2, 3]),
      moreP(moreLine(r.quality.hotspotsMore, 'file', 'files')));
    }
    if (section === 'Escalations' && r.escalations.items.length) {
      body.push(table(['Issue', 'Summary', 'Escalated', 'Resolved', 'Time to resolve'], r.escalations.items.map((x) => [
        link(x.key, x.url), e(x.title), e(readableTime(x.escalatedAt)), e(x.resolvedAt ? readableTime(x.resolvedAt) : 'open'), e(formatDuration(x.hoursToResolve)),
      ]), [4]));
    }
    if (section === 'Time to market' && r.timeToMarket.shipped.length) {
      body.push(`<h3>Shipped this ${e(word)}</h3>`, table(['Item', 'Title', 'Release', 'Released'], r.timeToMarket.shipped.map((t) => [
        link(t.id, t.url), e(t.title), e(t.release ?? '—'), e(readableTime(t.releasedAt)),
      ])), moreP(moreLine(r.timeToMarket.shippedMore, 'item', 'items')));
    }
  }
  if (r.perPerson) {
    body.push('<h2>Per person (opt-in)</h2>', table(['Person', 'Merged changes', 'Cycle time median'],
      r.perPerson.map((p) => [e(p.person), e(String(p.mergedChanges)), e(formatFigureValue(p.cycleTimeMedianHours, 'hours'))]), [1, 2]));
  }
  body.push('<h2>Data quality</h2>', r.dataQuality.length ? `<ul>${r.dataQuality.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : `<p>${e(noGapsSentence(r))}</p>`);
  // "</script" cannot occur in the Chart.js build today; escaping it keeps a future build from ending the element early.
  const scripts = chartJs
    ? `<script nonce="${nonce}">${chartJs.replace(/<\/script/gi, '<\\/script')}</script><script nonce="${nonce}">${REVIEW_CHART_SCRIPT}</script>`
    : '';
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sprint review: ${e(r.period.name)}</title>
<style nonce="${nonce}">${STYLE}</style></head>
<body>
${body.join('\n')}
<script type="application/json" id="review-data">${jsonForScript(r)}</script>
${scripts}
</body></html>
`;
}

