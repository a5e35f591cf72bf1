/**
 * Holds the extension's state: one RepoSession per repository, the status bar (following the
 * active editor's repository), and the triggers that refresh (ref changes, interval, settings,
 * trust); the panel follows it through onDidChange. Nothing here runs git in Restricted Mode.
 */
import { stat } from 'node:fs/promises';
import * as vscode from 'vscode';
import { affectsUs, settingsFor } from '../settings/vscodeSettings';
import { watchGitRefs } from './gitWatcher';
import { RepoSession } from './repoSession';
import type { Secrets } from '../auth/secrets';
import { StatusBar } from '../statusBar/statusBar';
import { offerTrust } from './trustedSession';
import type { WindowChoice } from '../../shared/protocol';

/** package.json's walkthrough step openRepo completes on `onContext:` this key. */
export const REPOSITORY_OPEN_CONTEXT = 'engineeringKpis.repositoryOpen';

export class KpiHost implements vscode.Disposable {
  private readonly sessions = new Map<string, RepoSession>();
  private readonly perSession = new Map<string, vscode.Disposable[]>();
  private readonly statusBar = new StatusBar();
  private readonly subs: vscode.Disposable[] = [];
  private interval: ReturnType<typeof setInterval> | undefined;
  private active: RepoSession | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  /** The active repository's state, or which repository is active, changed (the status bar is redrawn). */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
    private readonly secrets: Secrets,
  ) {}

  /** Wires events and schedules the first computation; returns at once (activate() must not wait). */
  start(): void {
    this.subs.push(
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.syncFolders()),
      vscode.window.onDidChangeActiveTextEditor(() => this.followActiveEditor()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.log.info('workspace trusted: starting');
        void this.syncFolders();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!affectsUs(e)) return;
        this.resetInterval();
        this.refreshAll(false);
      }),
      this.secrets.onDidChange(() => this.refreshAll(false)),
      vscode.authentication.onDidChangeSessions(() => this.refreshAll(false)),
    );
    setImmediate(() => void this.syncFolders());
  }

  isTrusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  activeSession(): RepoSession | undefined {
    return this.active;
  }

  defaultWindow(): WindowChoice {
    return { kind: 'days', days: settingsFor(this.active?.root).windowDays };
  }

  /** Refresh command: the active repository with a cancellable notification, the others quietly. */
  refreshAll(userInitiated: boolean): void {
    if (!this.isTrusted()) {
      this.render();
      if (userInitiated) void offerTrust('compute KPIs');
      return;
    }
    for (const s of this.sessions.values()) void s.refresh(userInitiated && s === this.active);
  }

  allSessions(): RepoSession[] {
    return [...this.sessions.values()];
  }

  private async syncFolders(): Promise<void> {
    const roots: vscode.Uri[] = [];
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      if (await hasGitFolder(f.uri)) roots.push(f.uri);
    }
    // The walkthrough's "Open a git repository" ticks on this key: a context key set once at start
    // (workspaceFolderCount) is never seen changing by a walkthrough registered after it.
    void vscode.commands.executeCommand('setContext', REPOSITORY_OPEN_CONTEXT, roots.length > 0);
    const keep = new Set(roots.map((r) => r.toString()));
    for (const [key, s] of this.sessions) {
      if (keep.has(key)) continue;
      this.perSession.get(key)?.forEach((d) => d.dispose());
      this.perSession.delete(key);
      s.dispose();
      this.sessions.delete(key);
    }
    if (!this.isTrusted()) {
      this.log.info('Restricted Mode: no git process and no API call will run until the folder is trusted');
      this.active = undefined;
      this.render();
      return;
    }
    for (const root of roots) {
      const key = root.toString();
      if (this.sessions.has(key)) continue;
      const s = new RepoSession(root, { cacheRoot: this.context.globalStorageUri.fsPath, log: this.log, secrets: this.secrets });
      this.sessions.set(key, s);
      this.perSession.set(key, [
        s.onDidChange(() => {
          if (s === this.active) this.render();
        }),
        watchGitRefs(root, () => {
          this.log.info(`${s.name}: HEAD or refs changed`);
          void s.refresh(false);
        }),
      ]);
      void s.refresh(false);
    }
    this.log.info(`repositories: ${roots.map((r) => r.fsPath).join(', ') || 'none'}`);
    this.resetInterval();
    this.followActiveEditor();
  }

  private followActiveEditor(): void {
    const doc = vscode.window.activeTextEditor?.document.uri;
    let best: RepoSession | undefined;
    if (doc) {
      for (const s of this.sessions.values()) {
        const root = s.root.path.endsWith('/') ? s.root.path : s.root.path + '/';
        if (doc.path.startsWith(root) && (!best || s.root.path.length > best.root.path.length)) best = s;
      }
    }
    // Keep the current repository when the editor shows something outside all of them (output, settings).
    const next = best ?? (this.active && this.sessions.has(this.active.root.toString()) ? this.active : this.sessions.values().next().value);
    if (next !== this.active) {
      this.active = next;
      this.render();
    }
  }

  private render(): void {
    const kpi = settingsFor(this.active?.root).statusBarKpi;
    if (!this.isTrusted()) this.statusBar.setState({ kind: 'restricted' }, undefined, kpi);
    else if (!this.active) this.statusBar.setState({ kind: 'noRepository' }, undefined, kpi);
    else this.statusBar.setState(this.active.status, this.active.report ?? this.active.partial, kpi, this.active.sourceBadges());
    this.changed.fire();
  }

  /** GitHub and Jira change without a local event, so they are polled; git is watched instead. */
  private resetInterval(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
    const s = settingsFor(this.active?.root);
    if (!s.github.enabled && !s.jira.url) return;
    this.interval = setInterval(() => this.refreshAll(false), s.refreshIntervalMinutes * 60_000);
  }

  dispose(): void {
    if (this.interval) clearInterval(this.interval);
    this.subs.forEach((d) => d.dispose());
    for (const ds of this.perSession.values()) ds.forEach((d) => d.dispose());
    this.sessions.forEach((s) => s.dispose());
    this.statusBar.dispose();
    this.changed.dispose();
  }
}

async function hasGitFolder(root: vscode.Uri): Promise<boolean> {
  try {
    // Folders are local (no virtual workspaces): Node's stat, without a trip through the editor's file service.
    await stat(vscode.Uri.joinPath(root, '.git').fsPath);
    return true;
  } catch {
    return false;
  }
}
