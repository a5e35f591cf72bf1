import { KPI_NAMES, type Report } from '../metrics/registry';
import { csvCell } from '../output/csvEscape';

export function renderCsv(report: Report): string {
  const rows = [['kpi', 'value', 'unit', 'source', 'sampleSize', 'previous', 'reason', 'since', 'until']];
  for (const name of KPI_NAMES) {
    const k = report.kpis[name];
    rows.push([name, k.value == null ? '' : String(k.value), k.unit, k.source ?? '', k.sampleSize == null ? '' : String(k.sampleSize), k.previous == null ? '' : String(k.previous), k.reason ?? '', report.window.since, report.window.until]);
  }
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
