import { KPI_LABELS, KPI_NAMES, type Report } from '../metrics/registry';
import { formatChange, formatKpiValue, sourceLine } from './formatValue';
import { mdCell, mdCode } from '../output/markdownEscape';
import { exclusionLines } from './exclusionLines';

export function renderMarkdown(report: Report): string {
  const lines = [
    '# Engineering KPIs',
    '',
    `Repository ${mdCode(report.repository.defaultBranch)} at ${mdCode(report.repository.head.slice(0, 10))} · window ${mdCell(report.window.since)} → ${mdCell(report.window.until)}`,
    '',
    mdCell(sourceLine(report)),
    '',
    '| KPI | Value | Δ previous window | Source | Sample | Note |',
    '|---|---:|---:|---|---:|---|',
  ];
  for (const name of KPI_NAMES) {
    const k = report.kpis[name];
    lines.push(`| ${KPI_LABELS[name]} | ${formatKpiValue(k)} | ${formatChange(k)} | ${mdCell(k.value == null ? '' : k.source ?? '')} | ${k.sampleSize ?? ''} | ${mdCell(k.value == null ? k.reason ?? '' : '')} |`);
  }
  // The same lines as under the CLI's table: a pasted report says why a number is what it is.
  const notes = exclusionLines(report);
  if (notes.length > 0) lines.push('', ...notes.map((n) => `- ${mdCell(n)}`));
  for (const w of report.warnings ?? []) lines.push('', `> ⚠ ${mdCell(w)}`);
  return lines.join('\n') + '\n';
}
