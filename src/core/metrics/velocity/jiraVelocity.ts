import type { Issue, Sprint } from '../../model/issue';
import { inWindow, toIso, type EpochSeconds, type Window } from '../../model/time';
import type { KpiOptions } from '../../options';
import { excludedCounts, type DrillItem, type KpiDetails, type KpiResult, type SeriesPoint } from '../../model/kpi';
import { estimateAt, hasUnknownStatus, sprintIdsAt, statusCategoryAt } from '../shared/issueTimeline';
import { round4 } from '../shared/stats';

export interface SprintVelocity {
  id: number;
  name: string;
  committed: number;
  completed: number;
  /** completed / committed; null when nothing estimated was committed. */
  sayDoRatio: number | null;
  /** Issues in the sprint (at start or done at completion) without story points. */
  unestimated: number;
  /** 'report': Jira's own velocity chart; 'changelog': rebuilt from the Sprint field's history. */
  basis: 'report' | 'changelog';
  completeAt: number;
}

/**
 * In the sprint at its start (spec §2): the Sprint field's changelog says so, and (v2) the issue
 * existed. One created later with the sprint already set (Jira writes no Sprint item for that;
 * sub-tasks inherit their parent's sprint) is scope added, not committed.
 */
export function inSprintAtStart(issue: Issue, sprintId: number, start: EpochSeconds): boolean {
  return issue.createdAt < start && sprintIdsAt(issue, start).includes(sprintId);
}

/** Sub-tasks are left out of committed, completed and unestimated, as Jira's velocity chart does (v2). */
export function countsForVelocity(issue: Issue): boolean {
  return issue.source === 'jira' && issue.subtask !== true;
}

export interface SprintRebuild {
  committed: number;
  completed: number;
  /** Keys of the issues at start or done at completion without a valid estimate. */
  unestimated: string[];
  /** (v2) Keys of those whose estimate was invalid (negative, not a number); also in unestimated. */
  invalidEstimate: string[];
  /** (v2) Keys of the sprint's issues whose changelog names a status the site no longer has. */
  unknownStatus: string[];
}

/** Committed at startDate and completed at completeDate for one closed sprint, rebuilt from changelogs. */
export function rebuildSprint(sprint: Sprint, issues: Issue[]): SprintRebuild {
  const start = sprint.startAt ?? sprint.completeAt!;
  const end = sprint.completeAt!;
  let committed = 0;
  let completed = 0;
  const unestimated = new Set<string>();
  const invalid = new Set<string>();
  const unknownStatus: string[] = [];
  const points = (issue: Issue, t: EpochSeconds): number | null => {
    const e = estimateAt(issue, t);
    if (e.points == null) unestimated.add(issue.key);
    if (e.invalid) invalid.add(issue.key);
    return e.points;
  };
  for (const issue of issues) {
    if (!countsForVelocity(issue)) continue;
    const atStart = inSprintAtStart(issue, sprint.id, start);
    const atEnd = sprintIdsAt(issue, end).includes(sprint.id);
    if (atStart) committed += points(issue, start) ?? 0;
    if (atEnd && statusCategoryAt(issue, end) === 'done') completed += points(issue, end) ?? 0;
    if ((atStart || atEnd) && hasUnknownStatus(issue, end)) unknownStatus.push(issue.key);
  }
  return { committed, completed, unestimated: [...unestimated], invalidEstimate: [...invalid], unknownStatus };
}

/**
 * Spec §2, Jira velocity (points/sprint): per closed sprint completed in the window, committed vs
 * completed points and the say/do ratio; value = mean completed over the last 3 of them. Jira's
 * sprint-report figures win where the site offered them; otherwise the changelog is replayed.
 */
export function computeJiraVelocity(issues: Issue[], sprints: Sprint[], window: Window, _options: KpiOptions, _now: number): { kpi: KpiResult; details: KpiDetails } {
  const closed = sprints
    .filter((s) => s.state === 'closed' && inWindow(s.completeAt, window))
    .sort((a, b) => a.completeAt! - b.completeAt!);
  const invalidEstimate = new Set<string>();
  const unknownStatus = new Set<string>();
  const rows: SprintVelocity[] = closed.map((s) => {
    const rebuilt = rebuildSprint(s, issues);
    for (const k of rebuilt.invalidEstimate) invalidEstimate.add(k);
    for (const k of rebuilt.unknownStatus) unknownStatus.add(k);
    const fromReport = s.reportCommittedPoints != null && s.reportCompletedPoints != null;
    const committed = fromReport ? s.reportCommittedPoints! : rebuilt.committed;
    const completed = fromReport ? s.reportCompletedPoints! : rebuilt.completed;
    return {
      id: s.id, name: s.name, committed, completed, unestimated: rebuilt.unestimated.length,
      sayDoRatio: committed > 0 ? round4(completed / committed) : null,
      basis: fromReport ? 'report' : 'changelog', completeAt: s.completeAt!,
    };
  });
  const last3 = rows.slice(-3);
  const value = last3.length ? round4(last3.reduce((s, r) => s + r.completed, 0) / last3.length) : null;
  const committed3 = last3.reduce((s, r) => s + r.committed, 0);
  const items: DrillItem[] = rows.map((r) => ({
    kind: 'sprint', id: String(r.id), title: r.name, value: r.completed, at: toIso(r.completeAt),
    extra: { committed: r.committed, completed: r.completed, sayDoRatio: r.sayDoRatio, unestimated: r.unestimated, basis: r.basis },
  }));
  const series: SeriesPoint[] = rows.map((r) => ({
    period: r.name, start: toIso(r.completeAt), values: { committed: r.committed, completed: r.completed, sayDoRatio: r.sayDoRatio },
  }));
  return {
    kpi: {
      value,
      unit: 'points/sprint',
      source: 'jira',
      ...(value == null ? { reason: sprints.length ? 'no sprint of the board closed in window' : 'no sprints: the Jira board has none, or the project has no scrum board' } : {}),
      sampleSize: last3.length,
      sayDoRatio: committed3 > 0 ? round4(last3.reduce((s, r) => s + r.completed, 0) / committed3) : null,
      unestimated: last3.reduce((s, r) => s + r.unestimated, 0),
      sprints: rows.map(({ id, name, committed, completed, sayDoRatio, unestimated, basis }) => ({ id, name, committed, completed, sayDoRatio, unestimated, basis })),
      // Distinct issues of the sprints listed above (spec Conventions), whichever basis gave the points.
      excluded: excludedCounts({ invalidEstimate: invalidEstimate.size, unknownStatus: unknownStatus.size }),
    },
    details: { items, series },
  };
}
