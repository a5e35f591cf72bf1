/**
 * What can turn a KPI without a value into a number, decided from typed facts of the report (the
 * window, the last commit, the sources' states, the `excluded` counts), never from the reason's
 * wording. One mapping: the panel's cards and the status bar tooltip both read it, so neither offers
 * an action the other would not, and neither offers Refresh where refreshing cannot change anything.
 */
import type { KpiResult } from '../core/model/kpi';
import type { KpiName, Report } from '../core/metrics/registry';
import type { PresetDays } from '../core/model/time';
import type { PanelCommand, WindowChoice } from './protocol';
import { COMMANDS } from './commandIds';

/** What a remedy reads of a report besides the KPI: a partial report (still loading) has it too. */
type ReportFrame = Pick<Report, 'repository' | 'window' | 'sources'>;

export type Remedy =
  | { kind: 'command'; label: string; command: PanelCommand }
  /** Show another window: the stale repository's way to a number. */
  | { kind: 'window'; label: string; window: WindowChoice };

const CONNECT_JIRA: Remedy = { kind: 'command', label: 'Connect Jira', command: COMMANDS.configureJira };
const CONNECT_GITHUB: Remedy = { kind: 'command', label: 'Connect GitHub', command: COMMANDS.configureGitHub };
const FETCH_PR_HEADS: Remedy = { kind: 'command', label: 'Fetch Pull Request Heads', command: COMMANDS.fetchPullRequestHeads };

/**
 * The stale repository's remedy: the `days` up to one second after the last commit (so that commit is
 * inside, as `--until last-commit` in the CLI), when the report's window starts after the last
 * commit of the default branch, so it cannot hold one. A window that ends before the last commit
 * is history the user chose: it gets none (it may well have commits).
 */
export function lastCommitRemedy(report: ReportFrame, days: PresetDays): Remedy | undefined {
  const last = report.repository.lastCommitAt;
  if (!last) return undefined;
  const at = Date.parse(last);
  if (!Number.isFinite(at) || at >= Date.parse(report.window.since)) return undefined;
  const until = new Date(Math.floor(at / 1000) * 1000 + 1000).toISOString();
  return { kind: 'window', label: `Show the ${days} days up to the last commit (${last.slice(0, 10)})`, window: { kind: 'upTo', days, until } };
}

/** The remedies of one KPI, in the order they are offered; empty when it has a value or nothing helps. */
export function remediesFor(name: KpiName, kpi: KpiResult, report: ReportFrame, days: PresetDays): Remedy[] {
  if (kpi.value !== null) return [];
  const out: Remedy[] = [];
  const stale = lastCommitRemedy(report, days);
  if (stale) out.push(stale);
  const off = (s: 'github' | 'jira') => report.sources[s].status === 'off';
  // Squash and rebase merges restamp their commits: only GitHub's pull requests know when work began.
  if ((kpi.excluded?.unknownStart ?? 0) > 0 && off('github')) out.push(CONNECT_GITHUB);
  // …or, from git alone, the pull request heads (spec v2): they keep each squash's branch.
  if ((kpi.excluded?.unknownStart ?? 0) > 0 && kpi.source === 'git') out.push(FETCH_PR_HEADS);
  // Escalations come from an issue tracker only: without one the KPI has no source at all.
  if (name === 'escalations' && kpi.source === undefined) {
    if (off('jira')) out.push(CONNECT_JIRA);
    if (off('github')) out.push(CONNECT_GITHUB);
  }
  return out.filter((r, i) => out.findIndex((o) => o.label === r.label) === i);
}

/** The preset length a remedy window keeps: the window's own, else the default. */
export function presetDaysOf(choice: WindowChoice, fallback: PresetDays): PresetDays {
  return choice.kind === 'custom' ? fallback : choice.days;
}
