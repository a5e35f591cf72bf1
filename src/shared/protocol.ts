/**
 * The one message protocol between the extension host and the KPI panel. Both sides import this
 * file; the host validates every incoming message with `parseWebviewMessage` because a webview is
 * an untrusted page (its content is rendered from git/GitHub/Jira strings).
 */
import type { KpiName, Report, ReportDetails } from '../core/metrics/registry';
import { isPresetDays, type PresetDays } from '../core/model/time';
import type { PartialReport } from '../core/partialReportTypes';
import type { SourceAdvice, SprintReview } from '../core/sprintReview/reviewTypes';
import { COMMANDS, MANAGE_TRUST } from './commandIds';

/**
 * The window the panel shows: a preset length ending now, explicit dates (YYYY-MM-DD, UTC), or a
 * preset length ending at an instant (`until`, ISO in UTC to the second, exclusive): the remedy for a
 * stale repository is the days up to one second after its last commit (spec Conventions, v2).
 */
export type WindowChoice =
  | { kind: 'days'; days: PresetDays }
  | { kind: 'custom'; since: string; until: string }
  | { kind: 'upTo'; days: PresetDays; until: string };

/** Commands the panel may ask the host to run; anything else is rejected. */
export const PANEL_COMMANDS = [
  COMMANDS.configureGitHub,
  COMMANDS.configureJira,
  COMMANDS.refresh,
  COMMANDS.showLog,
  COMMANDS.exportReport,
  COMMANDS.sprintReview,
  COMMANDS.fetchPullRequestHeads,
  MANAGE_TRUST,
] as const;
export type PanelCommand = (typeof PANEL_COMMANDS)[number];

/**
 * What the host is doing for the repository shown: one state, drawn by the status bar
 * (statusPresentation.ts) and the panel (statusBanner.ts) alike. The report travels beside it:
 * `ready` and `stale` always come with one; the others may show an earlier one.
 */
export type HostStatus =
  /** `cachedAt`: the report shown is an earlier session's result, saved then (ISO), until the fresh one arrives. */
  | { kind: 'computing'; cachedAt?: string }
  | { kind: 'ready' }
  | { kind: 'stale'; since: string }
  | { kind: 'rateLimited'; until: string }
  | { kind: 'error'; message: string }
  | { kind: 'noRepository' }
  | { kind: 'restricted' };

// ---- host -> webview --------------------------------------------------------------------------

export type SourceName = 'git' | 'github' | 'jira';

/** One source's state in the panel header, worded by the host: "Jira error: 401: the token was rejected" [Configure Jira]. */
export interface SourceBadge {
  source: SourceName;
  label: string;
  /** `syncing`: nothing cached yet and the first fetch is running. */
  state: 'ok' | 'off' | 'error' | 'stale' | 'rate-limited' | 'syncing';
  /** The cause (and what to do), in the editor's words; absent when there is nothing to say. */
  detail?: string;
  /** The whole line as shown: "Jira error: 401: the token was rejected — run Configure Jira". */
  text: string;
  /** The command that fixes it. */
  action?: { label: string; command: PanelCommand };
}

export interface StateMessage {
  type: 'state';
  /** Increases with every state posted: the page never draws an older one over a newer one. */
  seq?: number;
  repoName: string;
  status: HostStatus;
  window: WindowChoice;
  /** Each source's state for the header; absent while nothing has been computed yet. */
  sources?: SourceBadge[];
  /** Absent while nothing has been computed yet; partial (some KPIs still loading, no details) until the whole one is in. */
  report?: Report | PartialReport;
  details?: ReportDetails;
  /**
   * The KPIs in display order with their labels (metrics/registry.ts): the cards follow this list,
   * so the page needs no copy of the registry (and its bundle none of the metrics).
   */
  kpis?: KpiCard[];
}

export interface KpiCard {
  name: KpiName;
  label: string;
}

/** The sprint review on its own tab: the same object the JSON export writes. */
export interface ReviewMessage {
  type: 'review';
  /** null until a review has run in this editor session (the tab then offers to run one). */
  review: SprintReview | null;
  /** Switch to the review tab: true right after the command ran, false when re-sent to a reloaded webview. */
  reveal: boolean;
  /** The editor's words for adding each missing source (its commands), for the "Not in this review" lines. */
  advice: SourceAdvice;
}

export type HostMessage = StateMessage | ReviewMessage;

// ---- webview -> host --------------------------------------------------------------------------

export interface ReadyMessage { type: 'ready' }
export interface SetWindowMessage { type: 'setWindow'; window: WindowChoice }
export interface OpenExternalMessage { type: 'openExternal'; url: string }
export interface OpenFileMessage { type: 'openFile'; path: string }
/** Show a commit's diff (read-only `git show`) of the panel's repository; `hash` is a hex id, checked. */
export interface OpenCommitMessage { type: 'openCommit'; hash: string }
export interface RunCommandMessage { type: 'runCommand'; command: PanelCommand }
/** Sent once data has been drawn, so the host can measure time to first render. */
export interface RenderedMessage {
  type: 'rendered';
  withData: boolean;
  /** ms from the webview document's start to this render: splits the panel's time into the webview's own start and ours. */
  documentMs?: number;
}
export const REVIEW_EXPORT_FORMATS = ['md', 'html', 'json'] as const;
export type ReviewExportFormat = (typeof REVIEW_EXPORT_FORMATS)[number];
/** Export the review shown on the review tab (Markdown into an editor, HTML/JSON to a file). */
export interface ExportReviewMessage { type: 'exportReview'; format: ReviewExportFormat }

export type WebviewMessage =
  | ReadyMessage
  | SetWindowMessage
  | OpenExternalMessage
  | OpenFileMessage
  | OpenCommitMessage
  | RunCommandMessage
  | RenderedMessage
  | ExportReviewMessage;

export const PANEL_TABS = ['kpis', 'review'] as const;
export type PanelTab = (typeof PANEL_TABS)[number];

/** UI intent only (never KPI data), kept by the webview's setState and given back to the serializer. */
export interface PanelUiState {
  window: WindowChoice;
  /** KPI whose drill-down is open. */
  expanded?: string;
  /** The tab in front; absent means the KPI tab. */
  tab?: PanelTab;
}

// ---- validation -------------------------------------------------------------------------------

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isWindowChoice(v: unknown): v is WindowChoice {
  if (!isRecord(v)) return false;
  if (v.kind === 'days') return isPresetDays(v.days);
  if (v.kind === 'upTo') return isPresetDays(v.days) && typeof v.until === 'string' && INSTANT.test(v.until) && Number.isFinite(Date.parse(v.until));
  if (v.kind === 'custom') {
    if (typeof v.since !== 'string' || typeof v.until !== 'string') return false;
    if (!DATE.test(v.since) || !DATE.test(v.until)) return false;
    const s = Date.parse(`${v.since}T00:00:00Z`);
    const u = Date.parse(`${v.until}T00:00:00Z`);
    return Number.isFinite(s) && Number.isFinite(u) && s < u;
  }
  return false;
}

/**
 * Only https links leave the editor (http only to this machine, where the test fakes run);
 * `command:`, `file:`, `javascript:` or plain-http URLs from data are refused.
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.username || u.password) return false;
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
  } catch {
    return false;
  }
}

/** A commit id as the drill-downs carry it (7 to 40 hex digits, or 64 for SHA-256): never an option or a range. */
export function isCommitId(id: string): boolean {
  return /^[0-9a-f]{7,40}$/.test(id) || /^[0-9a-f]{64}$/.test(id);
}

/** A repository-relative path that cannot climb out of the repository. */
export function isSafeRelativePath(p: string): boolean {
  if (p.length === 0 || p.length > 4096 || p.includes('\0')) return false;
  if (p.startsWith('/') || p.startsWith('\\') || /^[a-zA-Z]:/.test(p)) return false;
  return !p.split(/[\\/]/).some((seg) => seg === '..');
}

/** Returns the message when it is well-formed, else undefined (the host logs and drops it). */
export function parseWebviewMessage(raw: unknown): WebviewMessage | undefined {
  if (!isRecord(raw) || typeof raw.type !== 'string') return undefined;
  switch (raw.type) {
    case 'ready':
      return { type: 'ready' };
    case 'setWindow':
      return isWindowChoice(raw.window) ? { type: 'setWindow', window: raw.window } : undefined;
    case 'openExternal':
      return typeof raw.url === 'string' && isSafeExternalUrl(raw.url) ? { type: 'openExternal', url: raw.url } : undefined;
    case 'openFile':
      return typeof raw.path === 'string' && isSafeRelativePath(raw.path) ? { type: 'openFile', path: raw.path } : undefined;
    case 'openCommit':
      return typeof raw.hash === 'string' && isCommitId(raw.hash) ? { type: 'openCommit', hash: raw.hash } : undefined;
    case 'runCommand':
      return (PANEL_COMMANDS as readonly unknown[]).includes(raw.command) ? { type: 'runCommand', command: raw.command as PanelCommand } : undefined;
    case 'rendered':
      return {
        type: 'rendered',
        withData: raw.withData === true,
        ...(typeof raw.documentMs === 'number' && Number.isFinite(raw.documentMs) && raw.documentMs >= 0 ? { documentMs: raw.documentMs } : {}),
      };
    case 'exportReview':
      return (REVIEW_EXPORT_FORMATS as readonly unknown[]).includes(raw.format) ? { type: 'exportReview', format: raw.format as ReviewExportFormat } : undefined;
    default:
      return undefined;
  }
}

/** The webview's side: host messages come from our own code, but a cheap shape check keeps bad state out. */
export function isStateMessage(raw: unknown): raw is StateMessage {
  return isRecord(raw) && raw.type === 'state' && typeof raw.repoName === 'string' && isRecord(raw.status) && isWindowChoice(raw.window);
}

/** The parts of a review the tab reads before anything else; the rest follows from schemaVersion 1. */
export function isSprintReviewShape(v: unknown): v is SprintReview {
  if (!isRecord(v) || v.kind !== 'sprintReview' || v.schemaVersion !== 1) return false;
  const sections = [v.delivery, v.flow, v.quality, v.escalations, v.timeToMarket];
  return isRecord(v.period) && typeof v.period.name === 'string' && Array.isArray(v.comparedWith) && Array.isArray(v.trend)
    && Array.isArray(v.dataQuality) && Array.isArray(v.missing) && Array.isArray(v.charts) && isRecord(v.sources) && sections.every((s) => isRecord(s) && isRecord(s.figures));
}

export function isReviewMessage(raw: unknown): raw is ReviewMessage {
  return isRecord(raw) && raw.type === 'review' && typeof raw.reveal === 'boolean' && isRecord(raw.advice) && (raw.review === null || isSprintReviewShape(raw.review));
}

export function isHostMessage(raw: unknown): raw is HostMessage {
  return isStateMessage(raw) || isReviewMessage(raw);
}

export function isPanelUiState(raw: unknown): raw is PanelUiState {
  return isRecord(raw) && isWindowChoice(raw.window) && (raw.expanded === undefined || typeof raw.expanded === 'string')
    && (raw.tab === undefined || (PANEL_TABS as readonly unknown[]).includes(raw.tab));
}

/** The window in epoch seconds for a choice, relative to `now` (seconds). Custom `until` is inclusive of that day. */
export function windowFromChoice(choice: WindowChoice, now: number): { since: number; until: number } {
  if (choice.kind === 'days') return { since: now - choice.days * 86_400, until: now };
  if (choice.kind === 'upTo') {
    const until = Math.floor(Date.parse(choice.until) / 1000);
    return { since: until - choice.days * 86_400, until };
  }
  return {
    since: Date.parse(`${choice.since}T00:00:00Z`) / 1000,
    until: Date.parse(`${choice.until}T00:00:00Z`) / 1000 + 86_400,
  };
}
