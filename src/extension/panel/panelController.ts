/**
 * The KPI panel's owner: one per extension, created in activate() and disposed with it. It opens,
 * reveals or revives the one panel, passes the host's changes on to it, and answers what commands
 * ask of it (the report it shows, the review tab).
 */
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { isPanelUiState, type PanelUiState } from '../../shared/protocol';
import { KpiPanel, type PanelDeps } from './kpiPanel';

export const PANEL_VIEW_TYPE = 'engineeringKpis.panel';

export class PanelController implements vscode.Disposable {
  private current: KpiPanel | undefined;
  /** dist/webview.js, read once per session (it only changes with the extension). */
  private bundle: string | undefined;
  private readonly deps: PanelDeps;
  private readonly subs: vscode.Disposable[];

  constructor(deps: Omit<PanelDeps, 'webviewBundle'>) {
    this.deps = { ...deps, webviewBundle: () => this.webviewBundle() };
    this.subs = [
      deps.host.onDidChange(() => this.current?.update()),
      vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
        deserializeWebviewPanel: async (panel, state: unknown) => {
          this.revive(panel, state);
        },
      }),
    ];
  }

  /** Opens the panel, or brings the open one to the front. */
  show(): KpiPanel {
    const started = performance.now();
    if (this.current) {
      this.current.reveal();
      return this.current;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Engineering KPIs', vscode.ViewColumn.Active, this.webviewOptions());
    return this.adopt(panel, { window: this.deps.host.defaultWindow() }, started);
  }

  /** The report the panel shows, if it is open: what Export Report writes. */
  shownReport(): ReturnType<KpiPanel['shownReport']> {
    return this.current?.shownReport();
  }

  /** Opens the panel and shows the review tab's content (set on the ReviewTab just before). */
  showReview(): void {
    this.show().postReview();
  }

  /** A panel left open in the last session, restored by VS Code with the UI state the page saved. */
  private revive(panel: vscode.WebviewPanel, state: unknown): void {
    panel.webview.options = this.webviewOptions();
    this.adopt(panel, isPanelUiState(state) ? state : { window: this.deps.host.defaultWindow() }, undefined);
  }

  private adopt(panel: vscode.WebviewPanel, ui: PanelUiState, openedAt: number | undefined): KpiPanel {
    const p: KpiPanel = new KpiPanel(panel, this.deps, ui, openedAt, () => {
      if (this.current === p) this.current = undefined;
    });
    this.current = p;
    return p;
  }

  private webviewBundle(): string | undefined {
    try {
      this.bundle ??= readFileSync(vscode.Uri.joinPath(this.deps.extensionUri, 'dist', 'webview.js').fsPath, 'utf8');
    } catch {
      // The page loads it by URI instead.
    }
    return this.bundle;
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.deps.extensionUri, 'dist')], retainContextWhenHidden: false };
  }

  /** The webview stays open: VS Code restores it through the serializer when the extension starts again. */
  dispose(): void {
    this.subs.forEach((d) => d.dispose());
    this.current?.release();
    this.current = undefined;
  }
}
