/**
 * What Export Report writes: the report of the window open in the panel (or the status bar's, when
 * no panel is open), named by that window in the file name and inside the file. No `vscode` here.
 */
import { renderCsv } from '../../core/report/renderCsv';
import { renderMarkdown } from '../../core/report/renderMarkdown';
import type { Report } from '../../core/metrics/registry';
import { dateRange, reportWindowName } from '../../shared/windowNames';

export interface ExportFormat {
  label: string;
  ext: 'json' | 'csv' | 'md';
  /** `shown`: how the panel names the window ("90 days up to 2026-08-22"). */
  render(report: Report, shown: string): string;
}

export const EXPORT_FORMATS: ExportFormat[] = [
  // The JSON is the spec's report JSON as it is: its `window` says which window it covers.
  { label: 'JSON', ext: 'json', render: (r) => JSON.stringify(r, null, 2) + '\n' },
  // CSV rows carry `since` and `until`.
  { label: 'CSV', ext: 'csv', render: (r) => renderCsv(r) },
  {
    label: 'Markdown',
    ext: 'md',
    render: (r, shown) => renderMarkdown(r).replace(/^# Engineering KPIs\n/, `# Engineering KPIs\n\nWindow: ${shown}, ${reportWindowName(r)}\n`),
  },
];

/** "kpi-report-2026-05-01-to-2026-08-22.md": the window's first and last day (inclusive). */
export function exportFileName(report: Report, ext: string): string {
  const [first, last] = dateRange(Date.parse(report.window.since), Date.parse(report.window.until)).split(' – ');
  return `kpi-report-${first}-to-${last}.${ext}`;
}
