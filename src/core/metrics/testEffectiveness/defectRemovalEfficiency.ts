import { typeMatches, type Issue } from '../../model/issue';
import { inWindow, toIso, type Window } from '../../model/time';
import type { KpiOptions } from '../../options';
import type { DrillItem, KpiDetails, KpiResult } from '../../model/kpi';
import { round4 } from '../shared/stats';
import { isDefectIssue, type DefectOptions } from '../shared/defectRule';

/** Why a defect counts as escaped (spec §6), or null when it was caught before release. */
export function escapeReason(issue: Issue, options: Pick<KpiOptions, 'escapedLabels' | 'incidentTypes'>): 'affected-release' | 'label' | 'incident' | null {
  if (issue.affectsVersions.some((v) => v.released && v.releaseDate != null && issue.createdAt > v.releaseDate)) return 'affected-release';
  const escaped = new Set(options.escapedLabels.map((l) => l.toLowerCase()));
  if (issue.labels.some((l) => escaped.has(l.toLowerCase()))) return 'label';
  if (issue.source === 'jira' && typeMatches(issue, options.incidentTypes)) return 'incident';
  return null;
}

/** Spec §6 (ratio): among defects created in the window, caught / (caught + escaped). */
export function computeDefectRemovalEfficiency(issues: Issue[], window: Window, options: DefectOptions & Pick<KpiOptions, 'escapedLabels' | 'incidentTypes'>, _now: number): { kpi: KpiResult; details: KpiDetails } {
  const defects = issues.filter((i) => isDefectIssue(i, options) && inWindow(i.createdAt, window));
  const source = issues.some((i) => i.source === 'jira') ? 'jira' : 'github';
  const items: DrillItem[] = [];
  let escaped = 0;
  for (const d of defects) {
    const why = escapeReason(d, options);
    if (why) escaped++;
    items.push({ kind: 'issue', id: d.key, title: d.title, url: d.url, at: toIso(d.createdAt), value: why ? 0 : 1, extra: { escaped: why != null, why } });
  }
  const caught = defects.length - escaped;
  return {
    kpi: {
      value: defects.length ? round4(caught / defects.length) : null,
      unit: 'ratio',
      source,
      kind: 'defectRemovalEfficiency',
      ...(defects.length ? {} : { reason: 'no defects created in window' }),
      sampleSize: defects.length,
      caught,
      escaped,
    },
    details: { items, series: [] },
  };
}
