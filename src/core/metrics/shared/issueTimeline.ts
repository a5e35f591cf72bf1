import { readEstimate, type Estimate, type Issue, type IssueChange, type StatusCategory } from '../../model/issue';
import type { EpochSeconds } from '../../model/time';

/**
 * What an issue looked like at a past moment, replayed from its changelog: the last change at or
 * before `t` gives the value; with none, the first later change's `from` does; with no change at
 * all, the current value has held since creation.
 */
function replay<T>(issue: Issue, field: IssueChange['field'], t: EpochSeconds, after: (c: IssueChange) => T, before: (c: IssueChange) => T, current: T): T {
  const changes = issue.history.filter((c) => c.field === field);
  let last: IssueChange | undefined;
  for (const c of changes) {
    if (c.at <= t) last = c;
    else return last ? after(last) : before(c);
  }
  return last ? after(last) : current;
}

/** Sprints at `t`. Before the issue existed it was in none (its creation writes no Sprint item). */
export function sprintIdsAt(issue: Issue, t: EpochSeconds): number[] {
  if (t < issue.createdAt) return [];
  return replay(issue, 'sprint', t, (c) => c.toIds ?? [], (c) => c.fromIds ?? [], issue.sprintIds);
}

/** The estimate at `t`: cleared is unestimated; negative or not a number is invalid (spec §2, v2). */
export function estimateAt(issue: Issue, t: EpochSeconds): Estimate {
  return replay(issue, 'storyPoints', t, (c) => readEstimate(c.to), (c) => readEstimate(c.from), { points: issue.storyPoints, invalid: issue.storyPointsInvalid === true });
}

/** Points at `t`, or null when unestimated or invalid. */
export function storyPointsAt(issue: Issue, t: EpochSeconds): number | null {
  return estimateAt(issue, t).points;
}

export function statusCategoryAt(issue: Issue, t: EpochSeconds): StatusCategory {
  return replay(issue, 'status', t, (c) => c.toCategory ?? 'new', (c) => c.fromCategory ?? 'new', issue.statusCategory);
}

/** First moment the issue entered a status of this category, or null. */
export function firstEntry(issue: Issue, category: StatusCategory): EpochSeconds | null {
  return issue.history.find((c) => c.field === 'status' && c.toCategory === category)?.at ?? null;
}

/**
 * Last moment the issue entered a Done-category status from one of another category, or null (a
 * reopened issue's last Done). (v2) A done → done move (a workflow migration, Closed → Done) does
 * not finish the issue again.
 */
export function lastFinish(issue: Issue): EpochSeconds | null {
  let at: EpochSeconds | null = null;
  for (const c of issue.history) if (c.field === 'status' && c.toCategory === 'done' && c.fromCategory !== 'done') at = c.at;
  return at;
}

/** The changelog names a status the site no longer has (its category was inferred). */
export function hasUnknownStatus(issue: Issue, until = Infinity): boolean {
  return issue.history.some((c) => c.unknownStatus === true && c.at <= until);
}
