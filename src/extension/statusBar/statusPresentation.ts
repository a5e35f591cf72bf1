/**
 * What the status bar says in each state, as plain data. Kept apart from statusBar.ts (which owns
 * the vscode item) so the wording and the numbers are unit-tested without an editor.
 */
import { KPI_LABELS, KPI_NAMES, kpiDefinition, type KpiName, type Report } from '../../core/metrics/registry';
import { formatChange, formatShort } from '../../shared/kpiFormat';
import type { HostStatus, SourceBadge } from '../../shared/protocol';
import { COMMANDS, MANAGE_TRUST } from '../../shared/commandIds';
import { sourcesLine } from '../common/sourceWording';
import { EDITOR_EXCLUSION_WORDS, kpiExclusionSentences } from '../../core/report/exclusionNotes';
import { remediesFor } from '../../shared/kpiRemedy';
import { presetDaysOr, type PresetDays } from '../../core/model/time';
import { isKpiLoading, type PartialReport } from '../../core/partialReportTypes';
import { waitingText } from '../../shared/loadingWords';

export interface StatusPresentation {
  text: string;
  /** Markdown; built only from numbers, our own words and escaped strings. */
  tooltip: string;
  command: string;
  /** Warning/error background for states that need attention. */
  tone: 'normal' | 'warning' | 'error';
  /** For screen readers: the text without icons, and whether the value is an earlier session's. */
  label: string;
}

/** Escapes Markdown so a repository name or a reason cannot inject links or formatting. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>&~$]/g, (c) => `\\${c}`);
}

/** "$(clock) 26.4h ▼12%" for the chosen KPI; "$(clock) …" while it is loading (a partial report). */
export function kpiText(report: Report | PartialReport, kpi: KpiName): string {
  const r = report.kpis[kpi];
  const icon = `$(${kpiDefinition(kpi).icon})`;
  if (isKpiLoading(r)) return `${icon} …`;
  const change = formatChange(r.value, r.previous);
  return `${icon} ${formatShort(r)}${change ? ` ${change}` : ''}`;
}

/** ", 2 KPIs loading" for a partial report's label, so a screen reader (and the bench) tells it from a whole one. */
function loadingNote(report: Report | PartialReport | undefined): string {
  const n = report ? KPI_NAMES.filter((k) => isKpiLoading(report.kpis[k])).length : 0;
  return n === 0 ? '' : `, ${n} ${n === 1 ? 'KPI' : 'KPIs'} loading`;
}

function localTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

/** A Markdown table of every KPI (metrics/registry.ts) with their sources (or reasons), then each source's state when given. */
export function kpiTable(report: Report | PartialReport, sources?: SourceBadge[]): string {
  const days = Math.round((Date.parse(report.window.until) - Date.parse(report.window.since)) / 86_400_000);
  const rows = KPI_NAMES.map((name) => {
    const r = report.kpis[name];
    if (isKpiLoading(r)) return `| ${KPI_LABELS[name]} | … | _${escapeMarkdown(waitingText(r.waitingFor))}_ |`;
    const change = formatChange(r.value, r.previous) ?? '';
    const where = r.value === null ? `_${escapeMarkdown(r.reason ?? 'no data')}_` : escapeMarkdown(r.source ?? '');
    return `| ${KPI_LABELS[name]} | ${escapeMarkdown(formatShort(r))} ${escapeMarkdown(change)} | ${where} |`;
  });
  return [
    `**Engineering KPIs** — ${escapeMarkdown(repoLabel(report.repository.path))}, last ${days} days`,
    '',
    '| KPI | value | source |',
    '|---|---|---|',
    ...rows,
    ...notes(report, presetDaysOr(days)),
    ...(sources ? ['', `**Sources:** ${escapeMarkdown(sourcesLine(sources))}`] : []),
  ].join('\n');
}

/**
 * Under the table: what each KPI left out (the CLI's sentences, exclusionNotes.ts) and what turns a
 * missing value into a number (kpiRemedy.ts, the cards' buttons), each said once.
 */
function notes(report: Report | PartialReport, days: PresetDays): string[] {
  // A loading KPI has nothing to leave out and nothing to remedy yet.
  const ready = KPI_NAMES.flatMap((name) => {
    const r = report.kpis[name];
    return isKpiLoading(r) ? [] : [{ name, r }];
  });
  const left = ready.flatMap(({ name, r }) => kpiExclusionSentences(r, EDITOR_EXCLUSION_WORDS).map((s) => `- ${KPI_LABELS[name]}: ${escapeMarkdown(s)}`));
  const remedies = [...new Set(ready.flatMap(({ name, r }) => remediesFor(name, r, report, days).map((x) => x.label)))];
  return [
    ...(left.length ? ['', '**Left out:**', ...left] : []),
    ...(remedies.length ? ['', `**In the panel:** ${remedies.map((l) => escapeMarkdown(l)).join(' · ')}`] : []),
  ];
}

function repoLabel(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

/**
 * `report`: the one shown beside the state (always there when ready or stale; partial while its KPIs
 * arrive); `sources`: each source's state (sourceWording.ts), for the tooltip; a failing one also marks the item.
 */
export function presentStatus(state: HostStatus, report: Report | PartialReport | undefined, kpi: KpiName, sources?: SourceBadge[]): StatusPresentation {
  const p = present(state, report, kpi, sources);
  const fromCache = state.kind === 'computing' && report && state.cachedAt ? ', from cache' : '';
  const loading = state.kind === 'computing' ? loadingNote(report) : '';
  const failing = (sources ?? []).filter((b) => b.state === 'error').map((b) => `, ${b.label} error`).join('');
  return { ...p, label: `Engineering KPIs: ${p.text.replace(/\$\([^)]+\)\s*/g, '').trim()}${fromCache}${loading}${failing}` };
}

function present(state: HostStatus, report: Report | PartialReport | undefined, kpi: KpiName, sources: SourceBadge[] | undefined): Omit<StatusPresentation, 'label'> {
  const table = (r: Report | PartialReport): string => kpiTable(r, sources);
  const open = COMMANDS.openPanel;
  const clickHint = '\n\n_Click to open the KPI panel._';
  switch (state.kind) {
    case 'restricted':
      return {
        text: '$(shield) KPIs: Restricted',
        tooltip: '**Engineering KPIs is paused in Restricted Mode.** No git process and no API call runs in an untrusted folder.\n\nTo compute KPIs, trust this folder: click here, or run **Workspaces: Manage Workspace Trust**.',
        command: MANAGE_TRUST,
        tone: 'warning',
      };
    case 'noRepository':
      return {
        text: '$(circle-slash) KPIs: no repository',
        tooltip: '**Engineering KPIs** found no git repository in this workspace. Open a folder that contains a `.git` folder.',
        command: open,
        tone: 'normal',
      };
    case 'computing':
      return {
        text: report && !isKpiLoading(report.kpis[kpi]) ? `$(sync~spin) ${kpiText(report, kpi).replace(/^\$\([^)]+\) /, '')}` : '$(sync~spin) KPIs',
        tooltip: (report ? table(report) + '\n\n' : '') + (report && state.cachedAt ? `$(history) _From cache, as of ${escapeMarkdown(localTime(state.cachedAt))}; refreshing…_` : '_Computing…_') + clickHint,
        command: open,
        tone: 'normal',
      };
    case 'ready': {
      if (!report) return present({ kind: 'computing' }, report, kpi, sources);
      // A configured source that fails leaves the numbers standing but incomplete: say so on the item.
      const failing = sources?.some((b) => b.state === 'error') ?? false;
      return { text: `${kpiText(report, kpi)}${failing ? ' $(warning)' : ''}`, tooltip: table(report) + clickHint, command: open, tone: failing ? 'warning' : 'normal' };
    }
    case 'stale':
      if (!report) return present({ kind: 'computing' }, report, kpi, sources);
      return {
        text: `${kpiText(report, kpi)} $(cloud-offline)`,
        tooltip: `${table(report)}\n\n$(cloud-offline) _Offline: showing cached data from ${escapeMarkdown(localTime(state.since))}._${clickHint}`,
        command: open,
        tone: 'warning',
      };
    case 'rateLimited':
      return {
        text: `${report ? kpiText(report, kpi) : '$(clock) KPIs'} $(watch)`,
        tooltip: `${report ? table(report) + '\n\n' : ''}$(watch) _GitHub rate limit reached; retrying after ${escapeMarkdown(localTime(state.until))}._${clickHint}`,
        command: open,
        tone: 'warning',
      };
    case 'error':
      return {
        text: report ? `${kpiText(report, kpi)} $(error)` : '$(error) KPIs',
        tooltip: `${report ? table(report) + '\n\n' : ''}$(error) **Computing KPIs failed:** ${escapeMarkdown(state.message)}\n\n_Click to show the log._`,
        command: COMMANDS.showLog,
        tone: 'error',
      };
  }
}
