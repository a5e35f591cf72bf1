import type { Issue } from '../model/issue';
import { inWindow, span, toIso, type Window } from '../model/time';
import type { KpiOptions } from '../options';
import type { DrillItem, KpiDetails } from '../report/details';
import type { KpiResult } from '../report/reportTypes';
import { firstEntry, lastEntry } from './issueTimeline';
import { durationStats, HOUR, round4 } from './stats';
import { byIsoWeek } from './isoWeek';

/**
 * Spec §1, Jira issue cycle time (hours): first transition into an "indeterminate" status to the
 * last transition into "done", for issues done now whose last Done falls in the window. An issue
 * reopened and not yet done again does not count; one reopened and done again counts to its last Done.
 */
export function computeIssueCycleTime(issues: Issue[], window: Window, _options: KpiOptions, _now: number): { kpi: KpiResult; details: KpiDetails } {
  const items: DrillItem[] = [];
  const samples: Array<{ seconds: number; doneAt: number }> = [];
  let neverStarted = 0;
  for (const issue of issues) {
    if (issue.source !== 'jira' || issue.statusCategory !== 'done') continue;
    const doneAt = lastEntry(issue, 'done');
    if (!inWindow(doneAt, window)) continue;
    const seconds = span(firstEntry(issue, 'indeterminate'), doneAt);
    if (seconds == null) {
      neverStarted++;
      continue;
    }
    samples.push({ seconds, doneAt: doneAt! });
    items.push({ kind: 'issue', id: issue.key, title: issue.title, url: issue.url, value: round4(seconds / HOUR), at: toIso(doneAt!) });
  }
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
      ...(stats.value == null ? { reason: 'no Jira issues went from In Progress to Done in window' } : {}),
      // Done without ever being In Progress: no start to measure from, so not a 0-hour sample.
      skippedNeverStarted: neverStarted,
    },
    details: { items, series },
  };
}
