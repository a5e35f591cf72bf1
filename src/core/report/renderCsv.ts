import { KPI_NAMES, type Report } from './reportTypes';

/** RFC 4180 quoting; a leading =, +, - or @ is prefixed so spreadsheets never run it as a formula. */
export function csvCell(v: unknown): string {
  let s = v == null ? '' : String(v);
  if (/^[=+\-@]/.test(s) && Number.isNaN(Number(s))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function renderCsv(report: Report): string {
  const rows = [['kpi', 'value', 'unit', 'source', 'sampleSize', 'previous', 'reason', 'since', 'until']];
  for (const name of KPI_NAMES) {
    const k = report.kpis[name];
    rows.push([name, k.value == null ? '' : String(k.value), k.unit, k.source ?? '', k.sampleSize == null ? '' : String(k.sampleSize), k.previous == null ? '' : String(k.previous), k.reason ?? '', report.window.since, report.window.until]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
