import type { Dataset } from '../model/dataset';
import type { Sprint } from '../model/issue';
import { toIso, type EpochSeconds, type Window } from '../model/time';
import { isoWeek } from '../metrics/shared/isoWeek';
import { DAY } from '../metrics/shared/stats';
import { readableTime } from './dataQuality';
import type { ReviewPeriodInfo, ReviewSelection } from './reviewTypes';

/** One period of a review: a sprint, or a date range. */
export interface ReviewPeriod extends Window {
  kind: 'sprint' | 'range';
  id: string;
  name: string;
  sprint?: Sprint;
}

/** A quick-pick entry. A custom range has no dates until the user types them. */
export interface PeriodChoice {
  kind: 'sprint' | 'range' | 'custom';
  id: string;
  label: string;
  description?: string;
  sprintId?: number;
  since?: number;
  until?: number;
}

export class PeriodError extends Error {}

/** Sprints a review can cover: started, with a start date. */
function reviewableSprints(dataset: Dataset): Sprint[] {
  return (dataset.sprints ?? []).filter((s) => s.startAt != null && (s.state === 'active' || (s.state === 'closed' && s.completeAt != null)));
}

/** A closed sprint runs to its completion; an active one to now (the review shows it so far). */
function sprintPeriod(s: Sprint, now: EpochSeconds): ReviewPeriod {
  const until = s.state === 'closed' ? s.completeAt! : Math.max(now, s.startAt! + 1);
  return { kind: 'sprint', id: String(s.id), name: s.name, since: s.startAt!, until, sprint: s };
}

export const RANGE_DAYS = 14;

/** The two complete ISO weeks before the current one: Monday 00:00 UTC to Monday 00:00 UTC. */
export function lastIsoFortnight(now: EpochSeconds): Window {
  const thisMonday = isoWeek(now).start;
  return { since: thisMonday - 14 * DAY, until: thisMonday };
}

const day = (t: EpochSeconds): string => toIso(t).slice(0, 10);
/** The window is half-open: its last second is until − 1, so a period ending at 00:00 UTC ends the day before. */
const lastDay = (w: Window): string => day(Math.max(w.since, w.until - 1));
const wholeDays = (w: Window): boolean => w.since % DAY === 0 && w.until % DAY === 0;

/** "2026-08-09 → 2026-08-22 (UTC, both days included)" for whole days; else both instants. */
function shownDates(w: Window): string {
  return wholeDays(w) ? `${day(w.since)} → ${lastDay(w)} (UTC, both days included)` : `${readableTime(toIso(w.since))} → ${readableTime(toIso(w.until))}`;
}

function rangePeriod(w: Window): ReviewPeriod {
  // Named by the days it covers, as typed: [08-09, 08-23) is "2026-08-09 → 2026-08-22".
  return { kind: 'range', id: `${toIso(w.since)}/${toIso(w.until)}`, name: `${day(w.since)} → ${lastDay(w)}`, since: w.since, until: w.until };
}

/**
 * The reviewed period first, then up to `count - 1` earlier ones, newest first. Sprints: the closed
 * sprints of the board that started before it. Ranges: back-to-back windows of the same length.
 */
export function resolvePeriods(dataset: Dataset, selection: ReviewSelection, now: EpochSeconds, count: number): ReviewPeriod[] {
  if ('sprintId' in selection) {
    const all = reviewableSprints(dataset);
    const target = all.find((s) => s.id === selection.sprintId);
    if (!target) {
      const known = (dataset.sprints ?? []).find((s) => s.id === selection.sprintId);
      throw new PeriodError(known ? `sprint ${selection.sprintId} (${known.name}) has not started yet` : `no sprint ${selection.sprintId} on the board (sprints: ${all.map((s) => s.id).join(', ') || 'none'})`);
    }
    const earlier = all
      .filter((s) => s.state === 'closed' && s.id !== target.id && s.startAt! < target.startAt!)
      .sort((a, b) => b.startAt! - a.startAt! || b.id - a.id)
      .slice(0, count - 1);
    return [target, ...earlier].map((s) => sprintPeriod(s, now));
  }
  if (!(selection.since < selection.until)) throw new PeriodError('the period must end after it starts');
  const len = selection.until - selection.since;
  return Array.from({ length: count }, (_, i) => rangePeriod({ since: selection.since - i * len, until: selection.until - i * len }));
}

export function periodInfo(p: ReviewPeriod): ReviewPeriodInfo {
  return {
    kind: p.kind, id: p.id, name: p.name, since: toIso(p.since), until: toIso(p.until),
    firstDay: day(p.since), lastDay: lastDay(p), dates: shownDates(p),
    ...(p.sprint ? { state: p.sprint.state } : {}),
  };
}

/**
 * What the quick pick offers: the board's sprints, the active one(s) first, then closed ones newest
 * first; without sprints, date ranges (last 14 days, last full ISO two-week period, custom).
 */
export function listReviewPeriods(dataset: Dataset, now: EpochSeconds): PeriodChoice[] {
  const sprints = reviewableSprints(dataset);
  if (sprints.length > 0) {
    const active = sprints.filter((s) => s.state === 'active').sort((a, b) => b.startAt! - a.startAt!);
    const closed = sprints.filter((s) => s.state === 'closed').sort((a, b) => b.completeAt! - a.completeAt! || b.id - a.id);
    return [...active, ...closed].map((s) => {
      const p = sprintPeriod(s, now);
      return {
        kind: 'sprint', id: String(s.id), label: s.name, sprintId: s.id, since: p.since, until: p.until,
        description: `${s.state === 'active' ? 'active' : 'closed'} · ${day(p.since)} → ${lastDay(p)}`,
      };
    });
  }
  const last14 = { since: now - RANGE_DAYS * DAY, until: now };
  const fortnight = lastIsoFortnight(now);
  return [
    { kind: 'range', id: 'last14', label: 'Last 14 days', since: last14.since, until: last14.until, description: `${toIso(last14.since).slice(0, 10)} → now` },
    {
      kind: 'range', id: 'isoFortnight', label: 'Last full ISO two-week period', since: fortnight.since, until: fortnight.until,
      description: `${isoWeek(fortnight.since).label} + ${isoWeek(fortnight.since + 7 * DAY).label}`,
    },
    { kind: 'custom', id: 'custom', label: 'Custom range…' },
  ];
}
