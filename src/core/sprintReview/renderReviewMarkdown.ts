import { mdCell, mdLink } from '../output/markdownEscape';
import { readableTime } from './dataQuality';
import { figureCells, formatFigureValue, formatHotspotDensity, periodWord } from './reviewFormat';
import { SECTION_ROWS } from './reviewLabels';
import type { Figure, FigureKey, ReviewIssue, SprintReview } from './reviewTypes';

const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;

function figureTable(figs: Record<string, Figure>, rows: Array<[FigureKey, string]>, word: string): string[] {
  const out = [row(['Figure', `This ${word}`, 'Previous', 'Mean of last 3', 'Change']), '|---|---:|---:|---:|:---:|'];
  for (const [key, label] of rows) {
    const f = figs[key];
    if (!f) continue;
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
export function renderReviewMarkdown(r: SprintReview): string {
  const word = periodWord(r.period.kind);
  const figs: Record<string, Record<string, Figure>> = {
    Delivery: r.delivery.figures, Flow: r.flow.figures, Quality: r.quality.figures, Escalations: r.escalations.figures, 'Time to market': r.timeToMarket.figures,
  };
  const lines = [
    `# Sprint review: ${mdCell(r.period.name)}`,
    '',
    `${r.period.kind === 'sprint' ? `Sprint (${mdCell(r.period.state ?? '')})` : 'Date range'} ${readableTime(r.period.since)} → ${readableTime(r.period.until)}` +
      (r.comparedWith.length ? ` · compared with ${r.comparedWith.map((p) => mdCell(p.name)).join(', ')}` : ''),
    '',
    `Sources: git ${r.sources.git.status} · GitHub ${r.sources.github.status} · Jira ${r.sources.jira.status} · generated ${readableTime(r.generatedAt)}`,
  ];
  for (const [section, rows] of SECTION_ROWS) {
    lines.push('', `## ${section}`, '', ...figureTable(figs[section]!, rows, word));
    if (section === 'Delivery') {
      lines.push(...issueTable('Carry-over', r.delivery.carryOver), ...issueTable('Scope added after start', r.delivery.scopeAdded),
        ...issueTable('Scope removed', r.delivery.scopeRemoved), ...issueTable('Unestimated', r.delivery.unestimated));
    }
    if (section === 'Flow') {
      lines.push('', r.flow.outlierThresholdHours == null
        ? `Outliers: — (${mdCell(r.flow.outlierThresholdReason ?? '')})`
        : `**Outliers** (cycle time over ${formatFigureValue(r.flow.outlierThresholdHours, 'hours')}, the previous ${word}s' p85)`);
      if (r.flow.outliers.length) {
        lines.push('', row(['Change', 'Title', 'Cycle time', 'Slowest phase', 'Coding', 'Pickup', 'Review']), '|---|---|---:|---|---:|---:|---:|',
          ...r.flow.outliers.map((o) => row([mdLink(o.id, o.url), mdCell(o.title), formatFigureValue(o.cycleHours, 'hours'), o.slowestPhase ?? '—',
            formatFigureValue(o.phaseHours.coding, 'hours'), formatFigureValue(o.phaseHours.pickup, 'hours'), formatFigureValue(o.phaseHours.review, 'hours')])));
      }
    }
    if (section === 'Quality' && r.quality.hotspots.length) {
      lines.push('', '**Hotspot files changed**', '', row(['File', 'Defects (90 days)', 'Defects/KLOC', `Commits this ${word}`]), '|---|---:|---:|---:|',
        ...r.quality.hotspots.map((h) => row([mdCell(h.path), String(h.defects), formatHotspotDensity(h.density), String(h.commitsInPeriod)])));
    }
    if (section === 'Escalations' && r.escalations.items.length) {
      lines.push('', row(['Issue', 'Summary', 'Escalated', 'Resolved', 'Hours to resolve']), '|---|---|---|---|---:|',
        ...r.escalations.items.map((e) => row([mdLink(e.key, e.url), mdCell(e.title), readableTime(e.escalatedAt), e.resolvedAt ? readableTime(e.resolvedAt) : 'open', formatFigureValue(e.hoursToResolve, 'count')])));
    }
    if (section === 'Time to market' && r.timeToMarket.released.length) {
      lines.push('', row(['Item', 'Title', 'Released', 'Lead time']), '|---|---|---|---:|',
        ...r.timeToMarket.released.map((t) => row([mdLink(t.id, t.url), mdCell(t.title), readableTime(t.releasedAt), formatFigureValue(t.leadTimeDays, 'days')])));
    }
  }
  if (r.perPerson) {
    lines.push('', '## Per person (opt-in)', '', row(['Person', 'Merged changes', 'Cycle time median']), '|---|---:|---:|',
      ...r.perPerson.map((p) => row([mdCell(p.person), String(p.mergedChanges), formatFigureValue(p.cycleTimeMedianHours, 'hours')])));
  }
  lines.push('', '## Data quality', '');
  if (r.dataQuality.length === 0) lines.push('No gaps: every figure was computed from configured, up-to-date sources.');
  for (const n of r.dataQuality) lines.push(`- ${mdCell(n)}`);
  return lines.join('\n') + '\n';
}
