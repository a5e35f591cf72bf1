import type { Issue, Sprint } from '../model/issue';
import type { EpochSeconds } from '../model/time';
import { countsForVelocity, inSprintAtStart, rebuildSprint } from '../metrics/velocity/jiraVelocity';
import { sprintIdsAt, statusCategoryAt, storyPointsAt } from '../metrics/shared/issueTimeline';
import type { ReviewIssue } from './reviewTypes';

export interface SprintScope {
  committed: number;
  completed: number;
  basis: 'report' | 'changelog';
  /** In the sprint at its end and not done. */
  carryOver: ReviewIssue[];
  /** Not in the sprint at its start, entered it while it ran. */
  added: ReviewIssue[];
  /** In the sprint at some point while it ran (at start or added), not at its end. */
  removed: ReviewIssue[];
  /** As velocity counts them (spec §2): in the sprint at start, or done in it at the end, without points. */
  unestimated: ReviewIssue[];
  /** (v2) Keys per rule that left something out or inferred it, as velocity counts them. */
  excluded: { invalidEstimate: string[]; unknownStatus: string[] };
}

function touches(issue: Issue, id: number): boolean {
  return issue.sprintIds.includes(id) || issue.history.some((c) => c.field === 'sprint' && ((c.toIds ?? []).includes(id) || (c.fromIds ?? []).includes(id)));
}

function row(issue: Issue, points: number | null): ReviewIssue {
  return { key: issue.key, title: issue.title, url: issue.url, points, status: issue.status };
}

const byKey = (a: ReviewIssue, b: ReviewIssue): number => a.key.localeCompare(b.key, 'en', { numeric: true });

/**
 * Rebuilds a sprint's scope from the Sprint field's changelog, as velocity does (spec §2). `end` is
 * the completion of a closed sprint or "now" for the active one. Committed/completed come from
 * Jira's velocity chart where the site offered it, so they match the velocity KPI exactly.
 * Sub-tasks are left out of every list, as they are out of the points (v2).
 */
export function sprintScope(sprint: Sprint, issues: Issue[], end: EpochSeconds): SprintScope {
  const start = sprint.startAt ?? end;
  const mine = issues.filter((i) => countsForVelocity(i) && touches(i, sprint.id));
  const rebuilt = rebuildSprint({ ...sprint, completeAt: end }, mine);
  const fromReport = sprint.state === 'closed' && sprint.reportCommittedPoints != null && sprint.reportCompletedPoints != null;
  const scope: SprintScope = {
    committed: fromReport ? sprint.reportCommittedPoints! : rebuilt.committed,
    completed: fromReport ? sprint.reportCompletedPoints! : rebuilt.completed,
    basis: fromReport ? 'report' : 'changelog',
    carryOver: [], added: [], removed: [], unestimated: [],
    excluded: { invalidEstimate: rebuilt.invalidEstimate, unknownStatus: rebuilt.unknownStatus },
  };
  for (const issue of mine) {
    const atStart = inSprintAtStart(issue, sprint.id, start);
    const atEnd = sprintIdsAt(issue, end).includes(sprint.id);
    const doneAtEnd = statusCategoryAt(issue, end) === 'done';
    const moves = issue.history.filter((c) => c.field === 'sprint' && c.at > start && c.at <= end);
    // (v2) Created while the sprint ran with the sprint already set: added at its creation.
    const createdInto = issue.createdAt >= start && issue.createdAt <= end && sprintIdsAt(issue, issue.createdAt).includes(sprint.id);
    const entered = createdInto
      ? { at: issue.createdAt }
      : moves.find((c) => (c.toIds ?? []).includes(sprint.id) && !(c.fromIds ?? []).includes(sprint.id));
    const left = [...moves].reverse().find((c) => (c.fromIds ?? []).includes(sprint.id) && !(c.toIds ?? []).includes(sprint.id));
    if (atEnd && !doneAtEnd) scope.carryOver.push(row(issue, storyPointsAt(issue, end)));
    if (!atStart && entered) scope.added.push(row(issue, storyPointsAt(issue, entered.at)));
    if ((atStart || entered) && !atEnd && left) scope.removed.push(row(issue, storyPointsAt(issue, left.at)));
  }
  const unestimated = new Set(rebuilt.unestimated);
  scope.unestimated = mine.filter((i) => unestimated.has(i.key)).map((i) => row(i, null));
  for (const list of [scope.carryOver, scope.added, scope.removed, scope.unestimated]) list.sort(byKey);
  return scope;
}

/** Points of a list, leaving unestimated issues out (they are never 0 points). */
export function pointsOf(list: ReviewIssue[]): number {
  return list.reduce((s, i) => s + (i.points ?? 0), 0);
}
