import type { KpiResult } from '../model/kpi';
import { KPI_LABELS, KPI_NAMES, type Report } from '../metrics/registry';
import { kpiExclusionSentences } from './exclusionNotes';

/**
 * One line per rule that left something out of a KPI, for under the CLI's KPI table, e.g.
 * "Cycle time: 566 squash merges have no known start: connect GitHub, or run with --fetch-pr-heads".
 * Keyed by the `excluded` key, so a rule gets its line as soon as a KPI reports its count.
 */
export function exclusionLines(report: Report): string[] {
  const lines: string[] = [];
  const add = (label: string, kpi: KpiResult): void => {
    for (const sentence of kpiExclusionSentences(kpi)) lines.push(`${label}: ${sentence}`);
  };
  for (const name of KPI_NAMES) {
    const kpi = report.kpis[name];
    add(KPI_LABELS[name], kpi);
    // Jira's issue cycle time rides inside cycleTime (shown beside it), with counts of its own.
    const issueCycle = kpi.issueCycleTime as KpiResult | undefined;
    if (name === 'cycleTime' && issueCycle) add('Issue cycle time', issueCycle);
  }
  return lines;
}
