import { KPI_NAMES, type Report } from './reportTypes';
import { formatChange, formatKpiValue, KPI_LABELS, sourceLine } from './formatValue';

/** Escapes text from git/GitHub/Jira for a Markdown table cell: no markup, no broken table. */
export function mdCell(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/[|*_`[\]<>#~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

export function renderMarkdown(report: Report): string {
  const lines = [
    '# Engineering KPIs',
    '',
    `Repository \`${report.repository.defaultBranch}\` at \`${report.repository.head.slice(0, 10)}\` · window ${report.window.since} → ${report.window.until}`,
    '',
    mdCell(sourceLine(report)),
    '',
    '| KPI | Value | Δ previous window | Source | Sample | Note |',
    '|---|---:|---:|---|---:|---|',
  ];
  for (const name of KPI_NAMES) {
    const k = report.kpis[name];
    lines.push(`| ${KPI_LABELS[name]} | ${formatKpiValue(k)} | ${formatChange(k)} | ${k.value == null ? '' : k.source ?? ''} | ${k.sampleSize ?? ''} | ${mdCell(k.value == null ? k.reason ?? '' : '')} |`);
  }
  for (const w of report.warnings ?? []) lines.push('', `> ⚠ ${mdCell(w)}`);
  return lines.join('\n') + '\n';
}
