import { inWindow, span, toIso } from '../model/time';
import { durationStats, HOUR, round4 } from '../metrics/shared/stats';
import type { ReviewContext } from './reviewContext';
import type { ReviewPeriod } from './reviewPeriods';
import type { EscalationItem, EscalationKey, PeriodValue } from './reviewTypes';

export interface EscalationPeriod {
  values: Record<EscalationKey, PeriodValue>;
  items: EscalationItem[];
}

/**
 * Spec §5 over one period: opened = escalated in it; resolved = escalated issues resolved in it;
 * still open = escalated before its end and unresolved at its end; time to resolve = median hours
 * from escalation to resolution of those opened in it (as the escalations KPI measures it).
 */
export function escalationPeriod(rc: ReviewContext, p: ReviewPeriod): EscalationPeriod {
  if (!rc.tracker) {
    const missing: PeriodValue = { value: null, reason: 'needs Jira or GitHub issues', needs: rc.missingTrackers };
    return { values: { opened: missing, resolved: missing, stillOpen: missing, timeToResolveMedian: missing }, items: [] };
  }
  const opened = rc.escalated.filter((e) => inWindow(e.at, p));
  const resolved = rc.escalated.filter((e) => e.at < p.until && inWindow(e.issue.resolvedAt, p));
  const stillOpen = rc.escalated.filter((e) => e.at < p.until && (e.issue.resolvedAt == null || e.issue.resolvedAt >= p.until));
  const ttr = durationStats(opened.map((e) => span(e.at, e.issue.resolvedAt)), HOUR);
  const items: EscalationItem[] = [...new Set([...opened, ...resolved, ...stillOpen])]
    .sort((a, b) => a.at - b.at || a.issue.key.localeCompare(b.issue.key))
    .map((e) => {
      const s = span(e.at, e.issue.resolvedAt);
      return {
        key: e.issue.key, title: e.issue.title, url: e.issue.url, escalatedAt: toIso(e.at), rule: e.rule,
        resolvedAt: e.issue.resolvedAt == null ? null : toIso(e.issue.resolvedAt), hoursToResolve: s == null ? null : round4(s / HOUR),
      };
    });
  return {
    values: {
      opened: { value: opened.length },
      resolved: { value: resolved.length },
      stillOpen: { value: stillOpen.length },
      timeToResolveMedian: ttr.value == null ? { value: null, reason: opened.length ? 'no escalation opened in the period is resolved yet' : 'no escalations opened in period' } : { value: ttr.value },
    },
    items,
  };
}
