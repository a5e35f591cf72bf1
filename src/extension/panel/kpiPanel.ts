/**
 * One open KPI panel on the host side (panelController.ts owns it): sets the webview's page, waits
 * for its `ready`, posts state, and acts on validated messages. KPI data is never kept in the
 * webview's own state.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { parseWebviewMessage, type KpiCard, type PanelUiState, type ReviewExportFormat, type ReviewMessage, type StateMessage, type WebviewMessage, type WindowChoice } from '../../shared/protocol';
import { COMMANDS } from '../../shared/commandIds';
import { panelHtml } from './panelHtml';
import { isPartialReport } from '../../core/partialReportTypes';
import { windowName } from '../../shared/windowNames';
import type { RepoSession } from '../session/repoSession';
import { KPIS, type Report } from '../../core/metrics/registry';

/** The cards the page draws, in the registry's order (the page has no copy of the registry). */
const KPI_CARDS: KpiCard[] = KPIS.map((k) => ({ name: k.name, label: k.label }));

/** What the panel needs from the rest of the host. */
export interface PanelHost {
  activeSession(): RepoSession | undefined;
  isTrusted(): boolean;
  defaultWindow(): WindowChoice;
  /** Fires when the status bar is redrawn: the panel then shows the same state. */
  onDidChange: vscode.Event<void>;
  log: vscode.LogOutputChannel;
}

/** What a panel is given: the host, the review tab's content and export, and the page's script. */
export interface PanelDeps {
  extensionUri: vscode.Uri;
  host: PanelHost;
  reviews: { takeReviewMessage(): ReviewMessage };
  exportReview(format: ReviewExportFormat): Promise<void>;
  /** dist/webview.js's text, to inline in the page; undefined to load it by URI. */
  webviewBundle(): string | undefined;
}

export class KpiPanel implements vscode.Disposable {
  private ready = false;
  /** From setting the HTML to the page's first `ready`: VS Code holds messages for a loading page and delivers them. */
  private loading = false;
  /** The state last posted; undefined when outdated (changes while the page was torn down). */
  private lastPosted: StateMessage | undefined;
  private seq = 0;
  private ui: PanelUiState;
  private readonly subs: vscode.Disposable[] = [];
  private readonly host: PanelHost;

  /**
   * `openedAt`: when the command that opened it ran (performance.now()), for the log's first-render
   * time; `onDisposed`: the user closed it.
   */
  constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly deps: PanelDeps,
    ui: PanelUiState,
    private openedAt: number | undefined,
    onDisposed: () => void,
  ) {
    this.host = deps.host;
    this.ui = ui;
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(deps.extensionUri, 'dist', 'webview.js')).toString(),
      inlineScript: deps.webviewBundle(),
      nonce: randomBytes(18).toString('base64'),
    });
    // The data goes out with the page instead of after its `ready`: VS Code holds it until the page's
    // script runs, a round trip to the extension host earlier (webview/main.ts asks again if it never comes).
    this.loading = true;
    this.postState();
    this.subs.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => {
        onDisposed();
        this.dispose();
      }),
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
    // Some KPIs of a partial report are still loading: only a whole one is exported.
    return report && !isPartialReport(report) ? { report, windowName: windowName(this.ui.window) } : undefined;
  }

  reveal(): void {
    this.panel.reveal();
  }

  /** Posts the review tab's content (reviewTab.ts); before `ready` it follows the handshake instead. */
  postReview(): void {
    if (this.ready) void this.panel.webview.postMessage(this.deps.reviews.takeReviewMessage());
  }

  private stateMessage(): StateMessage {
    const session = this.host.activeSession();
    if (!this.host.isTrusted()) return { type: 'state', repoName: session?.name ?? '', status: { kind: 'restricted' }, window: this.ui.window };
    if (!session) return { type: 'state', repoName: '', status: { kind: 'noRepository' }, window: this.ui.window };
    const sources = session.sourceBadges();
    const base = { type: 'state' as const, repoName: session.name, status: session.status, window: this.ui.window, ...(sources ? { sources } : {}), kpis: KPI_CARDS };
    const def = this.host.defaultWindow();
    if (sameWindow(this.ui.window, def) && session.report && session.details) return { ...base, report: session.report, details: session.details };
    // A first open: the KPIs known so far, the others drawn as loading; no details until the whole report.
    if (sameWindow(this.ui.window, def) && !session.report && session.partial) return { ...base, report: session.partial };
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
        if (session) await vscode.commands.executeCommand(COMMANDS.showCommit, msg.hash, session.root.toString());
        return;
      }
      case 'runCommand':
        await vscode.commands.executeCommand(msg.command);
        return;
      case 'exportReview':
        await this.deps.exportReview(msg.format);
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

  /** Stops listening to the page and the host, leaving the webview open (the extension is going away). */
  release(): void {
    this.subs.forEach((s) => s.dispose());
    this.subs.length = 0;
  }

  dispose(): void {
    this.release();
    this.panel.dispose();
  }
}

function sameWindow(a: WindowChoice, b: WindowChoice): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
