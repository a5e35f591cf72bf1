/** Export Report: the report of the window the user is looking at, as JSON, CSV or Markdown, to a file the user picks. */
import * as vscode from 'vscode';
import type { Report } from '../../core/metrics/registry';
import { EXPORT_FORMATS, exportFileName } from './exportContent';

/** The report to export and how the panel names its window. */
export interface ShownReport {
  report: Report;
  windowName: string;
}

export async function exportReport(shown: ShownReport | undefined, folder: vscode.Uri | undefined, log: vscode.LogOutputChannel): Promise<void> {
  if (!shown) {
    void vscode.window.showWarningMessage('Engineering KPIs: there is no complete report yet. Wait until the panel shows every KPI, or run Refresh.');
    return;
  }
  const { report, windowName } = shown;
  const pick = await vscode.window.showQuickPick(EXPORT_FORMATS.map((f) => ({ label: f.label, description: windowName, format: f })), { title: `Export the KPI report of ${windowName} as` });
  if (!pick) return;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, exportFileName(report, pick.format.ext)) : undefined,
    filters: { [pick.format.label]: [pick.format.ext] },
  });
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(pick.format.render(report, windowName)));
  log.info(`exported the ${pick.format.label} report of ${windowName} (${report.window.since} – ${report.window.until}) to ${target.fsPath}`);
  void vscode.window.showInformationMessage(`Engineering KPIs: report of ${windowName} saved to ${target.fsPath}`);
}
