import type { Issue } from '../../model/issue';
import { inWindow, span, toIso, type EpochSeconds, type Window } from '../../model/time';
import type { KpiOptions } from '../../options';
import type { DrillItem, KpiDetails, KpiResult } from '../../model/kpi';
import { durationStats, HOUR, round4 } from '../shared/stats';
import { byIsoWeek } from '../shared/isoWeek';

type Rule = 'label' | 'status' | 'priority' | 'link';

/** The settings the escalation rules read (spec §5). */
export type EscalationOptions = Pick<KpiOptions, 'escalationLabels' | 'escalationStatuses' | 'escalationPriorities' | 'supportProjects'>;

const lower = (xs: string[]): Set<string> => new Set(xs.map((x) => x.toLowerCase()));
const splitLabels = (s: string | null): string[] => (s ?? '').split(/\s+/).filter(Boolean).map((x) => x.toLowerCase());
const projectOf = (key: string): string => key.replace(/-\d+$/, '').toUpperCase();

/**
 * Spec §5: the first moment any escalation rule held, and which rule. GitHub issues use the label
 * rule only. A current label/status with no changelog entry for it has held since creation.
 */
export function escalatedAt(issue: Issue, options: EscalationOptions): { at: EpochSeconds; rule: Rule } | null {
  const hits: Array<{ at: EpochSeconds; rule: Rule }> = [];
  const labels = lower(options.escalationLabels);
  const labelAdds = issue.history.filter((c) => c.field === 'labels' && splitLabels(c.to).some((l) => labels.has(l) && !splitLabels(c.from).includes(l)));
  if (labelAdds[0]) hits.push({ at: labelAdds[0].at, rule: 'label' });
  else if (issue.labels.some((l) => labels.has(l.toLowerCase()))) hits.push({ at: issue.createdAt, rule: 'label' });
  if (issue.source === 'jira') {
    const statuses = lower(options.escalationStatuses);
    const into = issue.history.find((c) => c.field === 'status' && statuses.has((c.to ?? '').toLowerCase()));
    if (into) hits.push({ at: into.at, rule: 'status' });
    else if (statuses.has(issue.status.toLowerCase()) && !issue.history.some((c) => c.field === 'status')) hits.push({ at: issue.createdAt, rule: 'status' });
    // Priority counts only when raised after creation: an issue filed as Blocker was not escalated.
    const priorities = lower(options.escalationPriorities);
    const raised = issue.history.find((c) => c.field === 'priority' && priorities.has((c.to ?? '').toLowerCase()) && !priorities.has((c.from ?? '').toLowerCase()));
    if (raised) hits.push({ at: raised.at, rule: 'priority' });
    // Link direction names depend on the link type ("relates to", "is caused by"), so either direction counts.
    const support = new Set(options.supportProjects.map((p) => p.toUpperCase()));
    if (support.size) {
      const linked = issue.history.find((c) => c.field === 'link' && c.to != null && support.has(projectOf(c.to)));
      if (linked) hits.push({ at: linked.at, rule: 'link' });
      else if (issue.links.some((l) => support.has(projectOf(l.key)))) hits.push({ at: issue.createdAt, rule: 'link' });
    }
  }
  return hits.length ? hits.reduce((a, b) => (b.at < a.at ? b : a)) : null;
}

/** Spec §5 (count): issues escalated in the window, rate, open now, and time to resolve (hours). */
export function computeEscalations(issues: Issue[], window: Window, options: EscalationOptions, now: number): { kpi: KpiResult; details: KpiDetails } {
  if (issues.length === 0) return { kpi: { value: null, unit: 'count', reason: 'needs Jira or GitHub issues' }, details: { items: [], series: [] } };
  const source = issues.some((i) => i.source === 'jira') ? 'jira' : 'github';
  const items: DrillItem[] = [];
  const resolveSeconds: Array<number | null> = [];
  const inWin: EpochSeconds[] = [];
  let open = 0;
  for (const issue of issues) {
    const esc = escalatedAt(issue, options);
    if (!esc) continue;
    if (esc.at <= now && issue.resolvedAt == null) open++;
    if (!inWindow(esc.at, window)) continue;
    inWin.push(esc.at);
    const toResolve = span(esc.at, issue.resolvedAt);
    resolveSeconds.push(toResolve);
    items.push({
      kind: 'issue', id: issue.key, title: issue.title, url: issue.url, value: toResolve == null ? null : round4(toResolve / HOUR), at: toIso(esc.at),
      extra: { rule: esc.rule, resolved: issue.resolvedAt != null },
    });
  }
  const created = issues.filter((i) => inWindow(i.createdAt, window)).length;
  return {
    kpi: {
      value: inWin.length,
      unit: 'count',
      source,
      sampleSize: inWin.length,
      rate: created > 0 ? round4(inWin.length / created) : null,
      open,
      timeToResolve: { ...durationStats(resolveSeconds, HOUR), unit: 'hours' },
    },
    details: {
      items,
      series: byIsoWeek(window.since, window.until, inWin, (t) => t).map((w) => ({ period: w.label, start: toIso(w.start), values: { escalations: w.items.length } })),
    },
  };
}
