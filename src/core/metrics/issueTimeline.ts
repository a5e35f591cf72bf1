import type { Issue, IssueChange, StatusCategory } from '../model/issue';
import type { EpochSeconds } from '../model/time';

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

export function sprintIdsAt(issue: Issue, t: EpochSeconds): number[] {
  return replay(issue, 'sprint', t, (c) => c.toIds ?? [], (c) => c.fromIds ?? [], issue.sprintIds);
}

/** Points at `t`; a cleared or non-numeric value is unestimated (null). */
export function storyPointsAt(issue: Issue, t: EpochSeconds): number | null {
  const parse = (s: string | null): number | null => {
    const n = s == null || s.trim() === '' ? NaN : Number(s);
    return Number.isFinite(n) ? n : null;
  };
  return replay(issue, 'storyPoints', t, (c) => parse(c.to), (c) => parse(c.from), issue.storyPoints);
}

export function statusCategoryAt(issue: Issue, t: EpochSeconds): StatusCategory {
  return replay(issue, 'status', t, (c) => c.toCategory ?? 'new', (c) => c.fromCategory ?? 'new', issue.statusCategory);
}

/** First moment the issue entered a status of this category, or null. */
export function firstEntry(issue: Issue, category: StatusCategory): EpochSeconds | null {
  return issue.history.find((c) => c.field === 'status' && c.toCategory === category)?.at ?? null;
}

/** Last moment the issue entered a status of this category, or null (a reopened issue's last Done). */
export function lastEntry(issue: Issue, category: StatusCategory): EpochSeconds | null {
  let at: EpochSeconds | null = null;
  for (const c of issue.history) if (c.field === 'status' && c.toCategory === category) at = c.at;
  return at;
}
