import { typeMatches, type Issue, type Version } from '../../model/issue';
import { inWindow, span, toIso, type EpochSeconds, type Window } from '../../model/time';
import type { KpiOptions } from '../../options';
import type { DrillItem, KpiDetails, KpiResult } from '../../model/kpi';
import { DAY, durationStats, round4 } from '../shared/stats';
import { addTo } from '../../util/addTo';

/** Earliest release date among released versions, or null. */
export function earliestRelease(versions: Version[]): EpochSeconds | null {
  const dates = versions.filter((v) => v.released && v.releaseDate != null).map((v) => v.releaseDate!);
  return dates.length ? Math.min(...dates) : null;
}

const EPIC = ['Epic'];

/**
 * When a feature reached users: its own earliest released fix version; for an epic without one,
 * the moment its last child did (every child released), since an epic ships when all of it has.
 */
export function featureReleasedAt(issue: Issue, childrenOf: Map<string, Issue[]>): EpochSeconds | null {
  const own = earliestRelease(issue.fixVersions);
  if (own != null || !typeMatches(issue, EPIC)) return own;
  const children = [issue.key, ...issue.previousKeys].flatMap((k) => childrenOf.get(k) ?? []);
  if (children.length === 0) return null;
  const dates = children.map((c) => earliestRelease(c.fixVersions));
  return dates.every((d) => d != null) ? Math.max(...(dates as EpochSeconds[])) : null;
}

/** Spec §3, Jira time to market (days): feature created → release date of its earliest released fixVersion, released in the window. */
export function computeJiraTimeToMarket(issues: Issue[], window: Window, options: Pick<KpiOptions, 'featureTypes'>, _now: number): { kpi: KpiResult; details: KpiDetails } {
  const childrenOf = new Map<string, Issue[]>();
  for (const i of issues) if (i.parentKey) addTo(childrenOf, i.parentKey, i);
  const items: DrillItem[] = [];
  const samples: Array<number | null> = [];
  let unreleased = 0;
  for (const issue of issues) {
    if (issue.source !== 'jira' || !typeMatches(issue, options.featureTypes)) continue;
    const releasedAt = featureReleasedAt(issue, childrenOf);
    if (releasedAt == null) {
      if (inWindow(issue.createdAt, window)) unreleased++;
      continue;
    }
    if (!inWindow(releasedAt, window)) continue;
    // A version dated before the issue existed (back-filled data) is a negative span: null, not 0.
    const seconds = span(issue.createdAt, releasedAt);
    samples.push(seconds);
    items.push({ kind: 'issue', id: issue.key, title: issue.title, url: issue.url, value: seconds == null ? null : round4(seconds / DAY), at: toIso(releasedAt), extra: { type: issue.type } });
  }
  const stats = durationStats(samples, DAY);
  return {
    kpi: {
      ...stats,
      unit: 'days',
      source: 'jira',
      ...(stats.value == null ? { reason: 'no feature issues released in window (check fix versions and their release dates)' } : {}),
      unreleased,
    },
    details: { items, series: [] },
  };
}
