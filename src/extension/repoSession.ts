/**
 * One repository's state: its dataset (read from git and the cache), the report for the status
 * bar's window, and the status. Multi-root workspaces hold one session per repository.
 */
import * as vscode from 'vscode';
import { computeReport, loadDataset } from '../core/pipeline';
import type { Dataset } from '../core/model/dataset';
import type { Report } from '../core/report/reportTypes';
import type { ReportDetails } from '../core/report/details';
import type { GitHubConfig, JiraConfig, PipelineInput } from '../core/pipelineTypes';
import { windowFromChoice, type WindowChoice } from '../shared/protocol';
import { signalFromToken } from './cancellation';
import { settingsFor } from './config';
import { githubToken } from './githubAuth';
import type { Secrets } from './secrets';
import type { ExtensionSettings } from './settings';
import type { StatusState } from './statusPresentation';

export interface SessionDeps {
  cacheRoot: string;
  log: vscode.LogOutputChannel;
  secrets: Secrets;
}

export class RepoSession implements vscode.Disposable {
  dataset?: Dataset;
  report?: Report;
  details?: ReportDetails;
  state: StatusState = { kind: 'computing' };
  private current?: AbortController;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(readonly root: vscode.Uri, private readonly deps: SessionDeps) {}

  get name(): string {
    return this.root.path.split('/').filter(Boolean).pop() ?? this.root.fsPath;
  }

  /** Cancels work in flight (a newer refresh supersedes an older one). */
  cancel(): void {
    this.current?.abort();
  }

  /**
   * Reads git and the cache, then (when GitHub/Jira are configured and we are online) a second,
   * incremental pass that reaches the APIs: the first numbers come from the cache at once.
   */
  async refresh(userInitiated: boolean): Promise<void> {
    this.current?.abort();
    const mine = new AbortController();
    this.current = mine;
    const settings = settingsFor(this.root);
    settings.problems.forEach((p) => this.deps.log.warn(p));
    const apis = settings.github.enabled || settings.jira.url !== undefined;
    const passes = !apis ? [false] : settings.offline ? [true] : [true, false];
    this.setState({ kind: 'computing', report: this.report });
    const started = Date.now();
    try {
      await vscode.window.withProgress(
        {
          location: userInitiated ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window,
          title: `Engineering KPIs: ${this.name}`,
          cancellable: true,
        },
        async (progress, token) => {
          const { signal, dispose } = signalFromToken(token, mine.signal);
          try {
            for (const offline of passes) {
              const input = this.pipelineInput(settings, offline, signal, (m) => progress.report({ message: m }));
              this.dataset = await loadDataset(input);
              signal.throwIfAborted();
              this.recompute(settings);
              this.deps.log.info(`${this.name}: ${offline && apis ? 'cached pass' : 'computed'} in ${Date.now() - started} ms (extension host up ${process.uptime().toFixed(2)} s)`);
            }
          } finally {
            dispose();
          }
        },
      );
    } catch (e) {
      if (mine.signal.aborted) return; // superseded by a newer refresh: it owns the state now
      if (isAbort(e)) {
        this.deps.log.info(`${this.name}: refresh cancelled`);
        this.setState(this.report ? { kind: 'ready', report: this.report } : { kind: 'error', message: 'cancelled' });
        return;
      }
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log.error(`${this.name}: ${message}`);
      this.setState({ kind: 'error', message, report: this.report });
    } finally {
      if (this.current === mine) this.current = undefined;
    }
  }

  /** The report for another window, from the dataset in memory (no git, no API). */
  reportFor(choice: WindowChoice, settings = settingsFor(this.root)): { report: Report; details: ReportDetails } | undefined {
    if (!this.dataset) return undefined;
    const now = Math.floor(Date.now() / 1000);
    return computeReport(this.dataset, { window: windowFromChoice(choice, now), options: settings.options, now });
  }

  private recompute(settings: ExtensionSettings): void {
    const r = this.reportFor({ kind: 'days', days: settings.windowDays }, settings);
    if (!r) return;
    this.report = r.report;
    this.details = r.details;
    const sources = Object.values(r.report.sources);
    const limited = sources.find((s) => s.status === 'rate-limited');
    const stale = sources.find((s) => s.status === 'stale');
    if (limited) this.setState({ kind: 'rateLimited', report: r.report, until: limited.until ?? '' });
    else if (stale) this.setState({ kind: 'stale', report: r.report, since: stale.asOf ?? '' });
    else this.setState({ kind: 'ready', report: r.report });
    for (const [name, s] of Object.entries(r.report.sources)) {
      if (s.status === 'error') this.deps.log.warn(`${this.name}: ${name}: ${s.message ?? 'error'}`);
    }
  }

  private pipelineInput(settings: ExtensionSettings, offline: boolean, signal: AbortSignal, report: (m: string) => void): PipelineInput {
    const github: GitHubConfig | undefined = settings.github.enabled
      ? { repo: settings.github.repo, apiUrl: settings.github.apiUrl, token: () => githubToken(settings.github.apiUrl, false) }
      : undefined;
    const jira: JiraConfig | undefined = settings.jira.url
      ? { ...settings.jira, url: settings.jira.url, token: () => this.deps.secrets.jiraToken() }
      : undefined;
    return {
      repoPath: this.root.fsPath,
      cacheRoot: this.deps.cacheRoot,
      options: settings.options,
      github,
      jira,
      offline,
      signal,
      onProgress: (p) => report(p.message),
    };
  }

  private setState(s: StatusState): void {
    this.state = s;
    this.changed.fire();
  }

  dispose(): void {
    this.current?.abort();
    this.changed.dispose();
  }
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'CanceledError');
}
