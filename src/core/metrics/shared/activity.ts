import type { Dataset } from '../../model/dataset';
import type { Issue } from '../../model/issue';
import { inWindow, type EpochSeconds, type Window } from '../../model/time';
import { emptyDetails, type KpiResult } from '../../model/kpi';
import type { HistoryIndex } from './historyIndex';
import type { MetricOutput } from '../metricContext';

/**
 * (v2) "No activity is not zero either" (spec Conventions): a window in which the default branch
 * has no commit, and no configured source has an item, has nothing to measure. Its KPIs are null
 * with one reason, so a stale repository never shows "0 ▼100%".
 */

/** The default branch's last commit: its tip's committer date (what `--until last-commit` ends at). */
export function lastCommitAt(dataset: Dataset, history: HistoryIndex): EpochSeconds | null {
  return history.byHash.get(dataset.tip)?.committerDate ?? null;
}

/** "no commits in window; the last commit is 2026-08-22" (the UTC date of the last commit). */
export function noActivityReason(last: EpochSeconds | null): string {
  return last == null ? 'no commits in window' : `no commits in window; the last commit is ${new Date(last * 1000).toISOString().slice(0, 10)}`;
}

const issueIn = (w: Window) => (i: Issue) => inWindow(i.createdAt, w) || inWindow(i.resolvedAt, w) || i.history.some((c) => inWindow(c.at, w));

/** Whether the window has a default-branch commit or an item of a configured source (PR, issue, sprint, release) dated in it. */
export function hasActivity(dataset: Dataset, history: HistoryIndex, w: Window): boolean {
  const last = lastCommitAt(dataset, history);
  if (inWindow(last, w) || history.committedIn(w)) return true;
  if (dataset.pullRequests?.some((pr) => inWindow(pr.createdAt, w) || inWindow(pr.mergedAt, w) || inWindow(pr.closedAt, w))) return true;
  if (dataset.githubIssues?.some(issueIn(w)) || dataset.jiraIssues?.some(issueIn(w))) return true;
  if (dataset.sprints?.some((s) => inWindow(s.startAt, w) || inWindow(s.completeAt, w))) return true;
  return dataset.releases?.some((r) => inWindow(r.publishedAt, w)) ?? false;
}

/**
 * Applies the rule to computed KPIs: with no activity in the window each is null with the one
 * reason (keeping `previous`, which a null value never turns into a trend); with none in the
 * previous window, `previous` is null rather than a made-up 0.
 */
export function applyActivity<K extends string>(outputs: Record<K, MetricOutput>, dataset: Dataset, history: HistoryIndex, window: Window, previous: Window): void {
  const active = hasActivity(dataset, history, window);
  const activeBefore = hasActivity(dataset, history, previous);
  if (active && activeBefore) return;
  const reason = noActivityReason(lastCommitAt(dataset, history));
  for (const key of Object.keys(outputs) as K[]) {
    const { kpi } = outputs[key];
    if (!active) {
      const quiet: KpiResult = { value: null, unit: kpi.unit, reason, ...(kpi.sampleSize !== undefined ? { sampleSize: 0 } : {}) };
      if ('previous' in kpi) quiet.previous = activeBefore ? kpi.previous ?? null : null;
      outputs[key] = { kpi: quiet, details: emptyDetails() };
      continue;
    }
    if ('previous' in kpi) kpi.previous = null;
    const nested = kpi.issueCycleTime as KpiResult | undefined;
    if (nested && 'previous' in nested) nested.previous = null;
  }
}
