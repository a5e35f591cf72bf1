import { KPI_LABELS, KPI_NAMES, type Report } from '../metrics/registry';
import { exclusionLines } from './exclusionLines';
import { formatChange, formatKpiValue, sourceLine } from './formatValue';
import { oneLine } from '../output/controlChars';

/** What a person reads in a terminal: one row per KPI, with unit, source and sample size. Every string passes oneLine. */
export function renderTable(report: Report): string {
  const rows = KPI_NAMES.map((name) => {
    const k = report.kpis[name];
    return [
      KPI_LABELS[name],
      formatKpiValue(k),
      formatChange(k),
      k.value == null ? '' : k.source ?? '',
      k.sampleSize != null ? String(k.sampleSize) : '',
      k.value == null ? k.reason ?? '' : '',
    ].map(oneLine);
  });
  const head = ['KPI', 'Value', 'Δ prev', 'Source', 'n', 'Note'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const out = [
    oneLine(`Engineering KPIs — ${report.repository.path} (${report.repository.defaultBranch} @ ${report.repository.head.slice(0, 10)})`),
    `Window ${report.window.since} → ${report.window.until}`,
    oneLine(sourceLine(report)),
    '',
    line(head),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map(line),
  ];
  const notes = exclusionLines(report);
  if (notes.length > 0) out.push('', ...notes);
  const ct = report.kpis.cycleTime;
  if (ct.value != null && ct.p85 != null) out.push('', `Cycle time p85 ${Number(ct.p85).toFixed(1)} h, mean ${Number(ct.mean).toFixed(1)} h`);
  for (const w of report.warnings ?? []) out.push(`warning: ${oneLine(w)}`);
  return out.join('\n') + '\n';
}
