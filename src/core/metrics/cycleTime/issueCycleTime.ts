import type { Issue } from '../../model/issue';
import { inWindow, span, toIso, type Window } from '../../model/time';
import type { KpiOptions } from '../../options';
import { excludedCounts, type DrillItem, type KpiDetails, type KpiResult } from '../../model/kpi';
import { firstEntry, hasUnknownStatus, lastFinish } from '../shared/issueTimeline';
import { durationStats, HOUR, round4 } from '../shared/stats';
import { byIsoWeek } from '../shared/isoWeek';

export const NO_ISSUE_CYCLE = 'no Jira issues went from In Progress to Done in window';

export interface IssueCycleSamples {
  samples: Array<{ seconds: number; doneAt: number }>;
  items: DrillItem[];
  /** Done without ever being In Progress: no start to measure from, so not a 0-hour sample. */
  neverStarted: number;
  /** (v2) Keys of the issues considered whose changelog names a status the site no longer has. */
  unknownStatus: string[];
}

/**
 * Spec §1, Jira issue cycle time: first transition into an "indeterminate" status to the last
 * transition into "done" from a status of another category, for issues done now whose finish falls
 * in the window. An issue reopened and not yet done again does not count; one reopened and done
 * again counts to its last finish; a done → done move (Closed → Done) finishes nothing.
 */
export function issueCycleSamples(issues: Issue[], window: Window): IssueCycleSamples {
  const out: IssueCycleSamples = { samples: [], items: [], neverStarted: 0, unknownStatus: [] };
  for (const issue of issues) {
    if (issue.source !== 'jira' || issue.statusCategory !== 'done') continue;
    const doneAt = lastFinish(issue);
    if (!inWindow(doneAt, window)) continue;
    if (hasUnknownStatus(issue, doneAt!)) out.unknownStatus.push(issue.key);
    const seconds = span(firstEntry(issue, 'indeterminate'), doneAt);
    if (seconds == null) {
      out.neverStarted++;
      continue;
    }
    out.samples.push({ seconds, doneAt: doneAt! });
    out.items.push({ kind: 'issue', id: issue.key, title: issue.title, url: issue.url, value: round4(seconds / HOUR), at: toIso(doneAt!) });
  }
  return out;
}

/** Spec §1, Jira issue cycle time (hours), shown beside the PR/git cycle time. */
export function computeIssueCycleTime(issues: Issue[], window: Window, _options: KpiOptions, _now: number): { kpi: KpiResult; details: KpiDetails } {
  const { samples, items, neverStarted, unknownStatus } = issueCycleSamples(issues, window);
  const stats = durationStats(samples.map((s) => s.seconds), HOUR);
  const series = byIsoWeek(window.since, window.until, samples, (s) => s.doneAt).map((w) => ({
    period: w.label,
    start: toIso(w.start),
    values: { median: durationStats(w.items.map((s) => s.seconds), HOUR).value },
  }));
  return {
    kpi: {
      ...stats,
      unit: 'hours',
      source: 'jira',
      ...(stats.value == null ? { reason: NO_ISSUE_CYCLE } : {}),
      skippedNeverStarted: neverStarted,
      excluded: excludedCounts({ unknownStatus: unknownStatus.length }),
    },
    details: { items, series },
  };
}
