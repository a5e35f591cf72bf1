/**
 * The last result computed for a repository, kept in the extension's global storage so that the
 * next editor session shows it at once (marked as cached) while the fresh computation runs.
 * The report (a few KB) and its details (drill-down items and series: megabytes on a large
 * repository) are separate files, so the status bar never waits for the details.
 * Plain Node (no `vscode`), so it is unit-tested without an editor.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { AtomicStore } from '../../core/cache/atomicStore';
import type { ReportDetails } from '../../core/metrics/registry';
import { KPI_NAMES, type Report } from '../../core/metrics/registry';
import type { ExtensionSettings } from '../settings/settings';

/** Bump when Report or ReportDetails change shape: an older file then reads as missing. */
const SCHEMA_VERSION = 1;

export interface SavedReport {
  report: Report;
  /** When it was saved (ISO): the status bar and panel say "as of" this time. */
  savedAt: string;
  /** settingsKey() of the settings it was computed with. */
  settingsKey: string;
}

interface SavedDetails {
  details: ReportDetails;
  /** The generatedAt of the report these belong to. */
  generatedAt: string;
}

export class LastResult {
  private readonly reportStore: AtomicStore<SavedReport>;
  private readonly detailsStore: AtomicStore<SavedDetails>;

  /** `storageDir`: the extension's global storage; one pair of files per repository path. */
  constructor(storageDir: string, repoPath: string) {
    const id = createHash('sha256').update(repoPath).digest('hex').slice(0, 16);
    const dir = path.join(storageDir, 'lastResult');
    this.reportStore = new AtomicStore(path.join(dir, `${id}.report.json`), 'engineeringKpis.lastReport', SCHEMA_VERSION);
    this.detailsStore = new AtomicStore(path.join(dir, `${id}.details.json`), 'engineeringKpis.lastDetails', SCHEMA_VERSION);
  }

  /** The saved report, only when it was computed with the same settings (other settings give other numbers). */
  async readReport(settingsKey: string): Promise<SavedReport | undefined> {
    const r = await this.reportStore.read();
    if (!r.ok || r.data.settingsKey !== settingsKey || !isReportShape(r.data.report)) return undefined;
    return r.data;
  }

  /** The details saved with `saved`; undefined when the file belongs to another report (a write was cut short). */
  async readDetails(saved: SavedReport): Promise<ReportDetails | undefined> {
    const r = await this.detailsStore.read();
    if (!r.ok || r.data.generatedAt !== saved.report.generatedAt || typeof r.data.details !== 'object' || r.data.details === null) return undefined;
    return r.data.details;
  }

  async save(settingsKey: string, report: Report, details: ReportDetails, now = new Date()): Promise<void> {
    // Details first: whoever finds the new report finds its details too.
    // A failed write rejects: the session logs it (the next session then computes from scratch).
    await this.detailsStore.writeOrThrow({ details, generatedAt: report.generatedAt });
    await this.reportStore.writeOrThrow({ report, savedAt: now.toISOString(), settingsKey });
  }
}

/** What decides the numbers of the status bar's report: a saved report made with other settings is not shown. */
export function settingsKey(s: ExtensionSettings): string {
  return JSON.stringify({
    windowDays: s.windowDays,
    offline: s.offline,
    github: s.github,
    jira: { url: s.jira.url, project: s.jira.project, boardId: s.jira.boardId, deployment: s.jira.deployment },
    options: s.options,
  });
}

/** A cheap check that a file from an older build still has what the status bar reads. */
function isReportShape(v: unknown): v is Report {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<Report>;
  return typeof r.generatedAt === 'string' && typeof r.kpis === 'object' && r.kpis !== null && KPI_NAMES.every((k) => typeof r.kpis?.[k] === 'object' && r.kpis[k] !== null);
}
