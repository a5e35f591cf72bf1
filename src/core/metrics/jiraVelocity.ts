import type { Issue, Sprint } from '../model/issue';
import { inWindow, toIso, type Window } from '../model/time';
import type { KpiOptions } from '../options';
import type { DrillItem, KpiDetails, SeriesPoint } from '../report/details';
import type { KpiResult } from '../report/reportTypes';
import { sprintIdsAt, statusCategoryAt, storyPointsAt } from './issueTimeline';
import { round4 } from './stats';

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

/** Committed at startDate and completed at completeDate for one closed sprint, rebuilt from changelogs. */
export function rebuildSprint(sprint: Sprint, issues: Issue[]): { committed: number; completed: number; unestimated: number } {
  const start = sprint.startAt ?? sprint.completeAt!;
  const end = sprint.completeAt!;
  let committed = 0;
  let completed = 0;
  const unestimated = new Set<string>();
  for (const issue of issues) {
    if (issue.source !== 'jira') continue;
    if (sprintIdsAt(issue, start).includes(sprint.id)) {
      const p = storyPointsAt(issue, start);
      if (p == null) unestimated.add(issue.key);
      else committed += p;
    }
    if (sprintIdsAt(issue, end).includes(sprint.id) && statusCategoryAt(issue, end) === 'done') {
      const p = storyPointsAt(issue, end);
      if (p == null) unestimated.add(issue.key);
      else completed += p;
    }
  }
  return { committed, completed, unestimated: unestimated.size };
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
  const rows: SprintVelocity[] = closed.map((s) => {
    const rebuilt = rebuildSprint(s, issues);
    const fromReport = s.reportCommittedPoints != null && s.reportCompletedPoints != null;
    const committed = fromReport ? s.reportCommittedPoints! : rebuilt.committed;
    const completed = fromReport ? s.reportCompletedPoints! : rebuilt.completed;
    return {
      id: s.id, name: s.name, committed, completed, unestimated: rebuilt.unestimated,
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
      ...(value == null ? { reason: sprints.length ? 'no sprint of the board closed in window' : 'no sprints: set --jira-board or check the project has a scrum board' } : {}),
      sampleSize: last3.length,
      sayDoRatio: committed3 > 0 ? round4(last3.reduce((s, r) => s + r.completed, 0) / committed3) : null,
      unestimated: last3.reduce((s, r) => s + r.unestimated, 0),
      sprints: rows.map(({ id, name, committed, completed, sayDoRatio, unestimated, basis }) => ({ id, name, committed, completed, sayDoRatio, unestimated, basis })),
    },
    details: { items, series },
  };
}
