/**
 * One repository's state: its dataset (read from git and the cache), the report for the status
 * bar's window, and the status. Multi-root workspaces hold one session per repository.
 */
import * as vscode from 'vscode';
import { computeReport, loadDataset } from '../../core/pipeline';
import type { Dataset } from '../../core/model/dataset';
import { KPI_NAMES, type Report, type ReportDetails } from '../../core/metrics/registry';
import type { GitHubConfig, JiraConfig, PartialDataset, PipelineInput } from '../../core/pipelineTypes';
import type { PendingInput } from '../../core/metrics/reportInput';
import { isKpiLoading, partialReport, type PartialReport } from '../../core/partialReport';
import { windowFromChoice, type HostStatus, type SourceBadge, type WindowChoice } from '../../shared/protocol';
import { signalFromToken } from '../common/cancellation';
import { settingsFor } from '../settings/vscodeSettings';
import { githubToken } from '../auth/githubAuth';
import { LastResult, settingsKey } from './lastResult';
import type { Secrets } from '../auth/secrets';
import { EDITOR_URL_ROLES, type ExtensionSettings } from '../settings/settings';
import { forEditor, sourceBadges } from '../common/sourceWording';
import { throttle } from './debounce';

/** The progress text changes at most this often (see throttle). */
const PROGRESS_EVERY_MS = 250;

export interface SessionDeps {
  cacheRoot: string;
  log: vscode.LogOutputChannel;
  secrets: Secrets;
}

export class RepoSession implements vscode.Disposable {
  dataset?: Dataset;
  report?: Report;
  details?: ReportDetails;
  /** Set while `report` is an earlier session's result (ISO time it was saved), until the fresh one is in. */
  cachedAt?: string;
  /**
   * The KPIs known before the whole report (issue 14), shown while there is no `report` at all (a
   * first open): never saved as the last result, never exported. Cleared by the next whole report.
   */
  partial?: PartialReport;
  /** What this repository's computation is doing; the status bar and the panel show it beside `report`. */
  status: HostStatus = { kind: 'computing' };
  /** True between the cached pass and the online one: a source with nothing cached is syncing, not failing. */
  private syncPending = false;
  private current?: AbortController;
  private readonly lastResult: LastResult;
  private triedLastResult = false;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  constructor(readonly root: vscode.Uri, private readonly deps: SessionDeps) {
    this.lastResult = new LastResult(deps.cacheRoot, root.fsPath);
  }

  get name(): string {
    return this.root.path.split('/').filter(Boolean).pop() ?? this.root.fsPath;
  }

  /** Each source's state for the panel header and the status bar tooltip; undefined before the first result. */
  sourceBadges(): SourceBadge[] | undefined {
    if (this.report) return sourceBadges(this.report.sources, this.syncPending);
    return this.partial ? sourceBadges(this.partial.sources, this.syncPending, this.partial.pending) : undefined;
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
    if (!this.triedLastResult) {
      this.triedLastResult = true;
      // A few KB read before the pipeline starts: once the pipeline runs, its parsing keeps the host busy.
      this.report ??= await this.showLastResult(settingsKey(settings));
    }
    this.setStatus({ kind: 'computing', cachedAt: this.cachedAt });
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
          const shown = throttle((message: string) => progress.report({ message }), PROGRESS_EVERY_MS);
          try {
            for (const [i, offline] of passes.entries()) {
              // The cached pass of a first sync: what GitHub or Jira will give is loading, not git's stand-in.
              const firstSync = (p: PartialDataset): PartialDataset => (i < passes.length - 1 ? withFirstSyncs(p) : p);
              const input = this.pipelineInput(settings, offline, signal, (m) => shown.call(m), (p) => signal.aborted || this.showPartial(firstSync(p), settings, started));
              this.dataset = this.inEditorWords(await loadDataset(input));
              signal.throwIfAborted();
              // The cached pass of an online session: GitHub/Jira are being fetched right after it.
              this.syncPending = i < passes.length - 1;
              this.recompute(settings, i === passes.length - 1, started);
              this.deps.log.info(`${this.name}: ${offline && apis ? 'cached pass' : 'computed'} in ${Date.now() - started} ms (extension host up ${process.uptime().toFixed(2)} s)`);
            }
          } finally {
            shown.dispose();
            dispose();
          }
        },
      );
    } catch (e) {
      if (mine.signal.aborted) return; // superseded by a newer refresh: it owns the state now
      if (isAbort(e)) {
        this.deps.log.info(`${this.name}: refresh cancelled`);
        this.partial = undefined;
        if (!this.report) this.setStatus({ kind: 'error', message: 'cancelled' });
        else this.setStatus(this.cachedAt ? { kind: 'stale', since: this.cachedAt } : { kind: 'ready' });
        return;
      }
      const message = e instanceof Error ? e.message : String(e);
      this.deps.log.error(`${this.name}: ${message}`);
      this.partial = undefined; // the rest of it will not come: the error says so alone
      this.setStatus({ kind: 'error', message });
    } finally {
      if (this.current === mine) {
        this.current = undefined;
        this.syncPending = false;
      }
    }
  }

  /** The report for another window, from the dataset in memory (no git, no API). */
  reportFor(choice: WindowChoice, settings = settingsFor(this.root)): { report: Report; details: ReportDetails } | undefined {
    if (!this.dataset) return undefined;
    const now = Math.floor(Date.now() / 1000);
    return computeReport(this.dataset, { window: windowFromChoice(choice, now), options: settings.options, now });
  }

  /**
   * The result saved by an earlier session, shown (marked as cached) until the fresh one replaces it;
   * its details follow in the background for the panel.
   */
  private async showLastResult(key: string): Promise<Report | undefined> {
    const saved = await this.lastResult.readReport(key).catch(() => undefined);
    if (!saved || this.report) return this.report;
    this.cachedAt = saved.savedAt;
    this.deps.log.info(`${this.name}: showing the last result, from ${saved.savedAt}, while refreshing (extension host up ${process.uptime().toFixed(2)} s)`);
    void this.lastResult.readDetails(saved).then((details) => {
      if (!details || this.report !== saved.report) return; // the fresh result came first
      this.details = details;
      this.changed.fire();
    });
    return saved.report;
  }

  /**
   * A partial result of the pipeline (or of a cached pass whose GitHub or Jira has nothing cached
   * yet): shown only while no whole report is, and only when it knows no fewer KPIs than the one shown.
   */
  private showPartial(p: PartialDataset, settings: ExtensionSettings, started: number): void {
    if (this.report) return;
    const now = Math.floor(Date.now() / 1000);
    const { report } = partialReport(p, { window: windowFromChoice({ kind: 'days', days: settings.windowDays }, now), options: settings.options, now });
    if (this.partial && readyCount(report) < readyCount(this.partial)) return;
    for (const name of ['github', 'jira'] as const) report.sources[name] = forEditor(name, report.sources[name]);
    this.partial = report;
    this.deps.log.info(`${this.name}: first KPIs in ${Date.now() - started} ms, ${KPI_NAMES.length - readyCount(report)} still loading (extension host up ${process.uptime().toFixed(2)} s)`);
    this.setStatus({ kind: 'computing' });
  }

  private recompute(settings: ExtensionSettings, last: boolean, started: number): void {
    const partial = last || !this.dataset ? undefined : withFirstSyncs({ dataset: this.dataset, pending: [] });
    if (partial && partial.pending.length > 0 && !this.report) return this.showPartial(partial, settings, started);
    const r = this.reportFor({ kind: 'days', days: settings.windowDays }, settings);
    if (!r) return;
    this.partial = undefined;
    this.report = r.report;
    this.details = r.details;
    this.cachedAt = undefined;
    if (last) void this.lastResult.save(settingsKey(settings), r.report, r.details).catch((e: unknown) => this.deps.log.warn(`${this.name}: could not save the last result: ${(e as Error).message}`));
    const sources = Object.values(r.report.sources);
    const limited = sources.find((s) => s.status === 'rate-limited');
    const stale = sources.find((s) => s.status === 'stale');
    if (limited) this.setStatus({ kind: 'rateLimited', until: limited.until ?? '' });
    else if (stale) this.setStatus({ kind: 'stale', since: stale.asOf ?? '' });
    else this.setStatus({ kind: 'ready' });
  }

  /**
   * The sources' messages in the editor's words (its commands, not the CLI's flags and variables),
   * for everything shown from this dataset; the core's own message, with its detail, goes to the log.
   */
  private inEditorWords(dataset: Dataset): Dataset {
    for (const name of ['github', 'jira'] as const) {
      const core = dataset.sources[name];
      if (core.status === 'error') this.deps.log.warn(`${this.name}: ${name}: ${core.message ?? 'error'}`);
      dataset.sources[name] = forEditor(name, core);
    }
    return dataset;
  }

  private pipelineInput(settings: ExtensionSettings, offline: boolean, signal: AbortSignal, report: (m: string) => void, onPartial: PipelineInput['onPartial']): PipelineInput {
    const github: GitHubConfig | undefined = settings.github.enabled
      ? { repo: settings.github.repo, apiUrl: settings.github.apiUrl, apiUrlRole: EDITOR_URL_ROLES.github, token: () => githubToken(settings.github.apiUrl, false) }
      : undefined;
    const jira: JiraConfig | undefined = settings.jira.url
      ? { ...settings.jira, url: settings.jira.url, urlRole: EDITOR_URL_ROLES.jira, token: () => this.deps.secrets.jiraToken() }
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
      onPartial,
    };
  }

  private setStatus(s: HostStatus): void {
    this.status = s;
    this.changed.fire();
  }

  dispose(): void {
    this.current?.abort();
    this.changed.dispose();
  }
}

function readyCount(r: PartialReport): number {
  return KPI_NAMES.filter((k) => !isKpiLoading(r.kpis[k])).length;
}

/**
 * A cached pass's dataset: the configured API sources with nothing cached yet are pending, not
 * answered (their first sync runs next), so the KPIs they will give are loading.
 */
function withFirstSyncs(p: PartialDataset): PartialDataset {
  const syncing: PendingInput[] = (['github', 'jira'] as const).filter((name) => p.dataset.sources[name].fault?.kind === 'offline-empty' && !p.pending.includes(name));
  return syncing.length ? { ...p, pending: [...p.pending, ...syncing] } : p;
}

function isAbort(e: unknown): boolean {
  return e instanceof Error && (e.name === 'AbortError' || e.name === 'CanceledError');
}
