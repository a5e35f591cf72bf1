import { inWindow } from '../model/time';
import { round4 } from '../metrics/shared/stats';
import type { ReviewContext } from './reviewContext';
import type { ReviewPeriod } from './reviewPeriods';
import type { DeliveryKey, ExcludedItems, PeriodValue, ReviewIssue } from './reviewTypes';
import { countsOf } from './exclusions';
import { pointsOf, sprintScope } from './sprintScope';

export interface DeliveryPeriod {
  values: Record<DeliveryKey, PeriodValue>;
  basis: 'report' | 'changelog' | null;
  carryOver: ReviewIssue[];
  scopeAdded: ReviewIssue[];
  scopeRemoved: ReviewIssue[];
  unestimated: ReviewIssue[];
  /** (v2) Issues of the sprint that a rule left out or inferred, by rule. */
  excluded: ExcludedItems;
}

const SPRINT_ONLY: DeliveryKey[] = [
  'committedPoints', 'completedPoints', 'sayDoRatio', 'carryOverIssues', 'carryOverPoints',
  'scopeAddedIssues', 'scopeAddedPoints', 'scopeRemovedIssues', 'scopeRemovedPoints', 'unestimatedIssues',
];

/** Why sprint figures are missing: no Jira at all, or a date range chosen instead of a sprint. */
function noSprintReason(rc: ReviewContext): string {
  if (!rc.jira) return 'needs Jira sprints: set the Jira URL and board';
  if (!(rc.dataset.sprints ?? []).length) return 'no sprints on the Jira board: set the board id';
  return 'sprint-only figure: this review covers a date range, not a sprint';
}

/** Spec §2 per sprint (committed, completed, say/do, scope changes) and throughput (merged PRs or git changes). */
export function deliveryPeriod(rc: ReviewContext, p: ReviewPeriod): DeliveryPeriod {
  const merged = rc.samples.filter((s) => inWindow(s.mergedAt, p)).length;
  const throughput: PeriodValue = { value: merged };
  if (!p.sprint || !rc.jira) {
    const reason = noSprintReason(rc);
    const missing: PeriodValue = rc.jira ? { value: null, reason } : { value: null, reason, needs: ['jira'] };
    const values = Object.fromEntries(SPRINT_ONLY.map((k) => [k, missing])) as Record<DeliveryKey, PeriodValue>;
    values.throughput = throughput;
    return { values, basis: null, carryOver: [], scopeAdded: [], scopeRemoved: [], unestimated: [], excluded: {} };
  }
  const s = sprintScope(p.sprint, rc.jira, p.until);
  // Every sprint figure is read from the same rebuilt scope, so each carries the sprint's counts.
  const excluded = countsOf(s.excluded);
  const v = (value: number | null, reason?: string): PeriodValue => ({
    value,
    ...(value == null ? { reason: reason ?? 'not computable' } : {}),
    ...(excluded ? { excluded } : {}),
  });
  return {
    values: {
      committedPoints: v(s.committed),
      completedPoints: v(s.completed),
      sayDoRatio: v(s.committed > 0 ? round4(s.completed / s.committed) : null, 'no estimated issues were committed at the sprint start'),
      carryOverIssues: v(s.carryOver.length),
      carryOverPoints: v(pointsOf(s.carryOver)),
      scopeAddedIssues: v(s.added.length),
      scopeAddedPoints: v(pointsOf(s.added)),
      scopeRemovedIssues: v(s.removed.length),
      scopeRemovedPoints: v(pointsOf(s.removed)),
      unestimatedIssues: v(s.unestimated.length),
      throughput,
    },
    excluded: s.excluded,
    basis: s.basis,
    carryOver: s.carryOver,
    scopeAdded: s.added,
    scopeRemoved: s.removed,
    unestimated: s.unestimated,
  };
}
