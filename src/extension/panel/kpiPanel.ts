/**
 * The KPI panel on the host side: creates (or revives) the webview, waits for its `ready`, posts
 * state, and acts on validated messages. KPI data is never kept in the webview's own state.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { parseWebviewMessage, type PanelUiState, type StateMessage, type WebviewMessage, type WindowChoice } from '../../shared/protocol';
import { panelHtml } from './panelHtml';
import type { Report } from '../../core/model/kpi';
import { windowName } from '../../shared/windowNames';
import { exportSprintReview } from '../sprintReview/sprintReviewExport';
import { takeReviewMessage } from '../sprintReview/shownReview';
import type { RepoSession } from '../session/repoSession';

export const PANEL_VIEW_TYPE = 'engineeringKpis.panel';

/** What the panel needs from the rest of the host. */
export interface PanelHost {
  activeSession(): RepoSession | undefined;
  isTrusted(): boolean;
  defaultWindow(): WindowChoice;
  log: vscode.LogOutputChannel;
}

export class KpiPanel implements vscode.Disposable {
  static current: KpiPanel | undefined;
  private ready = false;
  /** From setting the HTML to the page's first `ready`: VS Code holds messages for a loading page and delivers them. */
  private loading = false;
  /** The state last posted; undefined when outdated (changes while the page was torn down). */
  private lastPosted: StateMessage | undefined;
  private seq = 0;
  private ui: PanelUiState;
  private openedAt: number | undefined;
  private readonly subs: vscode.Disposable[] = [];

  static show(extensionUri: vscode.Uri, host: PanelHost): KpiPanel {
    const started = performance.now();
    if (KpiPanel.current) {
      KpiPanel.current.panel.reveal();
      return KpiPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Engineering KPIs', vscode.ViewColumn.Active, webviewOptions(extensionUri));
    const p = new KpiPanel(panel, extensionUri, host, { window: host.defaultWindow() });
    p.openedAt = started;
    return p;
  }

  static revive(panel: vscode.WebviewPanel, state: unknown, extensionUri: vscode.Uri, host: PanelHost, isUiState: (s: unknown) => s is PanelUiState): KpiPanel {
    panel.webview.options = webviewOptions(extensionUri);
    return new KpiPanel(panel, extensionUri, host, isUiState(state) ? state : { window: host.defaultWindow() });
  }

  private constructor(private readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, private readonly host: PanelHost, ui: PanelUiState) {
    KpiPanel.current = this;
    this.ui = ui;
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js')).toString(),
      inlineScript: webviewBundle(extensionUri),
      nonce: randomBytes(18).toString('base64'),
    });
    // The data goes out with the page instead of after its `ready`: VS Code holds it until the page's
    // script runs, a round trip to the extension host earlier (webview/main.ts asks again if it never comes).
    this.loading = true;
    this.postState();
    this.subs.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => this.dispose()),
      // A hidden webview is torn down; when it comes back it says `ready` again and gets fresh state.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = this.loading = false;
      }),
    );
  }

  /** Posts the current state; while the page is torn down (hidden) it is built again on the next `ready`. */
  update(): void {
    if (this.ready || this.loading) this.postState();
    else this.lastPosted = undefined;
  }

  private postState(): void {
    const msg = this.stateMessage();
    // The report alone first (a few KB: the cards' numbers); the details (megabytes on a large
    // repository: series and drill-down items) follow in a second message with the sparklines and charts.
    if (msg.details) void this.panel.webview.postMessage({ ...msg, details: undefined, seq: ++this.seq });
    this.lastPosted = { ...msg, seq: ++this.seq };
    void this.panel.webview.postMessage(this.lastPosted);
  }

  /** The report the panel last drew and how it names its window: what Export Report writes. */
  shownReport(): { report: Report; windowName: string } | undefined {
    // A hidden panel keeps no posted state: the same window's report again (from memory, no git).
    const report = this.lastPosted?.report ?? this.stateMessage().report;
    return report ? { report, windowName: windowName(this.ui.window) } : undefined;
  }

  /** Posts the review tab's content (shownReview.ts); before `ready` it follows the handshake instead. */
  postReview(): void {
    if (this.ready) void this.panel.webview.postMessage(takeReviewMessage());
  }

  private stateMessage(): StateMessage {
    const session = this.host.activeSession();
    if (!this.host.isTrusted()) return { type: 'state', repoName: session?.name ?? '', status: { kind: 'restricted' }, window: this.ui.window };
    if (!session) return { type: 'state', repoName: '', status: { kind: 'noRepository' }, window: this.ui.window };
    const sources = session.sourceBadges();
    const base = { type: 'state' as const, repoName: session.name, status: session.status, window: this.ui.window, ...(sources ? { sources } : {}) };
    const def = this.host.defaultWindow();
    if (sameWindow(this.ui.window, def) && session.report && session.details) return { ...base, report: session.report, details: session.details };
    try {
      const r = session.reportFor(this.ui.window);
      return r ? { ...base, ...r } : base;
    } catch (e) {
      this.host.log.error(`panel: ${(e as Error).message}`);
      return { ...base, status: { kind: 'error', message: (e as Error).message } };
    }
  }

  private onMessage(raw: unknown): void {
    const msg = parseWebviewMessage(raw);
    if (!msg) {
      this.host.log.warn('panel: dropped an invalid message from the webview');
      return;
    }
    void this.handle(msg);
  }

  private async handle(msg: WebviewMessage): Promise<void> {
    switch (msg.type) {
      case 'ready':
        // While loading, the state already went out with the page; the page asks again if it never came.
        if (!this.loading || !this.lastPosted) this.postState();
        this.ready = true;
        this.loading = false;
        this.postReview();
        return;
      case 'setWindow':
        this.ui = { ...this.ui, window: msg.window };
        this.update();
        return;
      case 'openExternal':
        await vscode.env.openExternal(vscode.Uri.parse(msg.url, true));
        return;
      case 'openFile': {
        const session = this.host.activeSession();
        if (!session) return;
        const uri = vscode.Uri.joinPath(session.root, msg.path);
        try {
          await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
        } catch (e) {
          this.host.log.warn(`panel: cannot open ${msg.path}: ${(e as Error).message}`);
          void vscode.window.showWarningMessage(`Engineering KPIs: ${msg.path} is not in the working tree.`);
        }
        return;
      }
      case 'openCommit': {
        const session = this.host.activeSession();
        if (session) await vscode.commands.executeCommand('engineeringKpis.showCommit', msg.hash, session.root.toString());
        return;
      }
      case 'runCommand':
        await vscode.commands.executeCommand(msg.command);
        return;
      case 'exportReview':
        await exportSprintReview(msg.format, this.host.log);
        return;
      case 'rendered':
        if (msg.withData && this.openedAt !== undefined) {
          const doc = msg.documentMs === undefined ? '' : ` (${msg.documentMs} ms of it inside the webview document)`;
          this.host.log.info(`panel: first render with data ${(performance.now() - this.openedAt).toFixed(0)} ms after the command${doc}`);
          this.openedAt = undefined;
        }
        return;
    }
  }

  dispose(): void {
    if (KpiPanel.current === this) KpiPanel.current = undefined;
    this.subs.forEach((s) => s.dispose());
    this.subs.length = 0;
    this.panel.dispose();
  }
}

let bundle: string | undefined;
/** dist/webview.js, read once per session (it only changes with the extension). */
function webviewBundle(extensionUri: vscode.Uri): string | undefined {
  try {
    bundle ??= readFileSync(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js').fsPath, 'utf8');
  } catch {
    // The page loads it by URI instead.
  }
  return bundle;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist')], retainContextWhenHidden: false };
}

function sameWindow(a: WindowChoice, b: WindowChoice): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
