/** Export Report: the active repository's current report as JSON, CSV or Markdown, to a file the user picks. */
import * as vscode from 'vscode';
import { renderCsv } from '../core/report/renderCsv';
import { renderMarkdown } from '../core/report/renderMarkdown';
import type { Report } from '../core/report/reportTypes';

const FORMATS = [
  { label: 'JSON', ext: 'json', render: (r: Report) => JSON.stringify(r, null, 2) + '\n' },
  { label: 'CSV', ext: 'csv', render: (r: Report) => renderCsv(r) },
  { label: 'Markdown', ext: 'md', render: (r: Report) => renderMarkdown(r) },
];

export async function exportReport(report: Report | undefined, folder: vscode.Uri | undefined, log: vscode.LogOutputChannel): Promise<void> {
  if (!report) {
    void vscode.window.showWarningMessage('Engineering KPIs: there is no report yet. Wait for the status bar to show a value, or run Refresh.');
    return;
  }
  const pick = await vscode.window.showQuickPick(FORMATS.map((f) => ({ label: f.label, format: f })), { title: 'Export KPI report as' });
  if (!pick) return;
  const date = report.generatedAt.slice(0, 10);
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `kpi-report-${date}.${pick.format.ext}`) : undefined,
    filters: { [pick.format.label]: [pick.format.ext] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(pick.format.render(report)));
  log.info(`exported ${pick.format.label} report to ${target.fsPath}`);
  void vscode.window.showInformationMessage(`Engineering KPIs: report saved to ${target.fsPath}`);
}
