/** Owns the one status bar item and renders the host's state into it (wording lives in statusPresentation.ts). */
import * as vscode from 'vscode';
import type { KpiName, Report } from '../../core/metrics/registry';
import type { HostStatus, SourceBadge } from '../../shared/protocol';
import type { PartialReport } from '../../core/partialReportTypes';
import { presentStatus } from './statusPresentation';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('engineeringKpis.status', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.item.name = 'Engineering KPIs';
  }

  setState(state: HostStatus, report: Report | PartialReport | undefined, kpi: KpiName, sources?: SourceBadge[]): void {
    const p = presentStatus(state, report, kpi, sources);
    this.item.text = p.text;
    const md = new vscode.MarkdownString(p.tooltip, true);
    md.isTrusted = false;
    this.item.tooltip = md;
    this.item.command = p.command;
    this.item.accessibilityInformation = { label: p.label };
    this.item.backgroundColor =
      p.tone === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : p.tone === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
