/**
 * Progressive results (issue 14): the KPIs a dataset can already give while other inputs are
 * still on their way (the types, which the webview reads too, are in partialReportTypes.ts).
 */
import type { PartialDataset } from './pipelineTypes';
import { isApiInput, type PendingInput, type ReportInput } from './metrics/reportInput';
import { assembleReport, computeKpiOutputs } from './metrics/computeKpis';
import { historyOf } from './metrics/shared/historyOf';
import { hasActivity } from './metrics/shared/activity';
import { previousWindow } from './model/time';
import { KPI_NAMES, kpiDefinition, type KpiName, type ReportDetails } from './metrics/registry';
import type { PartialReport } from './partialReportTypes';

export { isKpiLoading, type KpiLoading, type PartialReport } from './partialReportTypes';

/** The inputs `kpi` still waits for, of those `pending`; `activity`: see activityKnown. */
export function waitingFor(kpi: KpiName, pending: readonly PendingInput[], activity = true): PendingInput[] {
  // What a KPI's value reads besides git's history is in its definition (`inputs`); cycle time's is
  // GitHub's or git's, the issue cycle time Jira adds beside it arrives with Jira.
  const { inputs } = kpiDefinition(kpi);
  return pending.filter((p) => inputs.includes(p) || (!activity && isApiInput(p)));
}

/**
 * (v2) "No activity is not zero" nulls every KPI of a window in which no source has anything, so an
 * issue of a pending API could still turn a KPI around: only when git alone shows activity in the
 * window and in the previous one (the trend's) can no pending API change it.
 */
function activityKnown(partial: PartialDataset, input: ReportInput): boolean {
  if (!partial.pending.some(isApiInput)) return true;
  const history = historyOf(partial.dataset, input.options.releaseTagPattern);
  return hasActivity(partial.dataset, history, input.window) && hasActivity(partial.dataset, history, previousWindow(input.window));
}

/**
 * The report of `partial`: the ready KPIs exactly as the final report will have them (their inputs
 * are all in), the others loading; details only for the ready ones. Only the ready ones are
 * computed: a loading one may read what is not in yet (the fixes' files), and it is time on the
 * way to the first value.
 */
export function partialReport(partial: PartialDataset, input: ReportInput): { report: PartialReport; details: Partial<ReportDetails> } {
  const activity = activityKnown(partial, input);
  const waits = new Map(KPI_NAMES.map((name) => [name, waitingFor(name, partial.pending, activity)]));
  const { history, outputs } = computeKpiOutputs(partial.dataset, input, KPI_NAMES.filter((name) => waits.get(name)!.length === 0));
  const kpis = {} as PartialReport['kpis'];
  const ready: Partial<ReportDetails> = {};
  for (const name of KPI_NAMES) {
    const out = outputs[name];
    if (!out) kpis[name] = { loading: true, waitingFor: waits.get(name)! };
    else {
      kpis[name] = out.kpi;
      ready[name] = out.details;
    }
  }
  // The dataset goes on filling in: the partial keeps its own copies of what can still change.
  const report: PartialReport = { ...assembleReport(partial.dataset, history, input, kpis), partial: true, pending: [...partial.pending] };
  report.sources = { ...report.sources };
  if (report.warnings) report.warnings = [...report.warnings];
  return { report, details: ready };
}
