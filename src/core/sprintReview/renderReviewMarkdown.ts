import { mdCell, mdLink } from '../output/markdownEscape';
import { readableTime } from './dataQuality';
import { missingSourceLine, shownInTable } from './missingSources';
import { figureCells, formatDuration, formatFigureValue, formatHotspotDensity, moreLine, noGapsSentence, periodWord } from './reviewFormat';
import { SECTION_ROWS } from './reviewLabels';
import type { Figure, FigureKey, ReviewIssue, SourceAdvice, SprintReview } from './reviewTypes';

export interface MarkdownRenderOptions {
  /** The host's words for adding a missing source (CLI flags, or the editor's commands). */
  advice?: SourceAdvice;
}

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
const more = (lines: string[], text: string): void => {
  if (text) lines.push('', text);
};

function figureTable(figs: Record<string, Figure>, rows: Array<[FigureKey, string]>, word: string): string[] {
  const out = [row(['Figure', `This ${word}`, 'Previous', 'Mean of last 3', 'Change']), '|---|---:|---:|---:|:---:|'];
  for (const [key, label] of rows) {
    const f = figs[key];
    if (!shownInTable(f)) continue;
    const [v, prev, mean, dir] = figureCells(f);
    out.push(row([label, f.value == null ? `— (${mdCell(f.reason ?? '')})` : v, prev, mean, dir]));
  }
  return out;
}

function issueTable(title: string, issues: ReviewIssue[]): string[] {
  if (issues.length === 0) return [];
  return ['', `**${title}**`, '', row(['Issue', 'Summary', 'Points', 'Status']), '|---|---|---:|---|',
    ...issues.map((i) => row([mdLink(i.key, i.url), mdCell(i.title), i.points == null ? 'unestimated' : String(i.points), mdCell(i.status)]))];
}

/** The review as Markdown, ready to paste into Confluence or a PR. Every string from git/GitHub/Jira goes through mdCell. */
export function renderReviewMarkdown(r: SprintReview, opts: MarkdownRenderOptions = {}): string {
  const word = periodWord(r.period.kind);
  const figs: Record<string, Record<string, Figure>> = {
    Delivery: r.delivery.figures, Flow: r.flow.figures, Quality: r.quality.figures, Escalations: r.escalations.figures, 'Time to market': r.timeToMarket.figures,
  };
  const lines = [
    `# Sprint review: ${mdCell(r.period.name)}`,
    '',
    `${r.period.kind === 'sprint' ? `Sprint (${mdCell(r.period.state ?? '')})` : 'Date range'} ${mdCell(r.period.dates)}` +
      (r.comparedWith.length ? ` · compared with ${r.comparedWith.map((p) => mdCell(p.name)).join(', ')}` : ''),
    '',
    `Sources: git ${r.sources.git.status} · GitHub ${r.sources.github.status} · Jira ${r.sources.jira.status} · generated ${readableTime(r.generatedAt)}`,
  ];
  if (r.missing.length) lines.push('', '**Not in this review**', '', ...r.missing.map((m) => `- ${mdCell(missingSourceLine(m, opts.advice))}`));
  for (const [section, rows] of SECTION_ROWS) {
    // A section whose every figure needs a missing source is named in that source's line instead.
    if (!rows.some(([k]) => shownInTable(figs[section]![k]))) continue;
    lines.push('', `## ${section}`, '', ...figureTable(figs[section]!, rows, word));
    if (section === 'Delivery') {
      lines.push(...issueTable('Carry-over', r.delivery.carryOver), ...issueTable('Scope added after start', r.delivery.scopeAdded),
        ...issueTable('Scope removed', r.delivery.scopeRemoved), ...issueTable('Unestimated', r.delivery.unestimated));
    }
    if (section === 'Flow') {
      const th = r.flow.outlierThresholdHours;
      lines.push('', th == null ? `**Outliers:** ${mdCell(r.flow.outliersNote ?? '')}` : `**Outliers** (cycle time over ${formatFigureValue(th, 'hours')}, the previous ${word}s' p85)`);
      if (th != null && r.flow.outliersNote) lines.push('', mdCell(r.flow.outliersNote));
      if (r.flow.outliers.length) {
        lines.push('', row(['Change', 'Title', 'Cycle time', 'Slowest phase', 'Coding', 'Pickup', 'Review']), '|---|---|---:|---|---:|---:|---:|',
          ...r.flow.outliers.map((o) => row([mdLink(o.id, o.url), mdCell(o.title), formatDuration(o.cycleHours), o.slowestPhase ?? '—',
            formatDuration(o.phaseHours.coding), formatDuration(o.phaseHours.pickup), formatDuration(o.phaseHours.review)])));
        more(lines, moreLine(r.flow.outliersMore, 'outlier', 'outliers'));
      }
    }
    if (section === 'Quality' && r.quality.hotspots.length) {
      lines.push('', '**Hotspot files changed**', '', row(['File', 'Defects (90 days)', 'Defects/KLOC', `Commits this ${word}`]), '|---|---:|---:|---:|',
        ...r.quality.hotspots.map((h) => row([mdCell(h.path), String(h.defects), formatHotspotDensity(h.density), String(h.commitsInPeriod)])));
      more(lines, moreLine(r.quality.hotspotsMore, 'file', 'files'));
    }
    if (section === 'Escalations' && r.escalations.items.length) {
      lines.push('', row(['Issue', 'Summary', 'Escalated', 'Resolved', 'Time to resolve']), '|---|---|---|---|---:|',
        ...r.escalations.items.map((e) => row([mdLink(e.key, e.url), mdCell(e.title), readableTime(e.escalatedAt), e.resolvedAt ? readableTime(e.resolvedAt) : 'open', formatDuration(e.hoursToResolve)])));
    }
    if (section === 'Time to market' && r.timeToMarket.shipped.length) {
      lines.push('', `**Shipped this ${word}**`, '', row(['Item', 'Title', 'Release', 'Released']), '|---|---|---|---|',
        ...r.timeToMarket.shipped.map((t) => row([mdLink(t.id, t.url), mdCell(t.title), mdCell(t.release ?? '—'), readableTime(t.releasedAt)])));
      more(lines, moreLine(r.timeToMarket.shippedMore, 'item', 'items'));
    }
  }
  if (r.perPerson) {
    lines.push('', '## Per person (opt-in)', '', row(['Person', 'Merged changes', 'Cycle time median']), '|---|---:|---:|',
      ...r.perPerson.map((p) => row([mdCell(p.person), String(p.mergedChanges), formatFigureValue(p.cycleTimeMedianHours, 'hours')])));
  }
  lines.push('', '## Data quality', '');
  if (r.dataQuality.length === 0) lines.push(noGapsSentence(r));
  for (const n of r.dataQuality) lines.push(`- ${mdCell(n)}`);
  return lines.join('\n') + '\n';
}
