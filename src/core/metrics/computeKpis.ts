import type { Dataset } from '../model/dataset';
import { previousWindow, toIso, type Window } from '../model/time';
import type { ReportInput } from './reportInput';
import { historyOf } from './shared/historyOf';
import type { MetricContext, MetricOutput } from './metricContext';
import { cycleTime } from './cycleTime/cycleTime';
import { changeVelocity } from './velocity/changeVelocity';
import { leadTimeForChanges } from './timeToMarket/leadTime';
import { defectDensity } from './defectDensity/defectDensity';
import { regressionTestRate, testToCodeRatio } from './testEffectiveness/regressionTestRate';
import { computeJiraVelocity } from './velocity/jiraVelocity';
import { computeIssueCycleTime } from './cycleTime/issueCycleTime';
import { computeJiraTimeToMarket } from './timeToMarket/jiraTimeToMarket';
import { computeEscalations } from './escalations/escalations';
import { computeDefectRemovalEfficiency } from './testEffectiveness/defectRemovalEfficiency';
import { applyActivity, lastCommitAt } from './shared/activity';
import type { Issue } from '../model/issue';
import type { KpiName, Report, ReportDetails } from '../model/kpi';

/** A configured source counts unless it failed before ever delivering data. */
function usable<T>(data: T[] | undefined, status: { status: string }): data is T[] {
  return data !== undefined && (status.status !== 'error' || data.length > 0);
}

type IssueMetric = (issues: Issue[], window: Window, options: ReportInput['options'], now: number) => MetricOutput;

/** Runs an issue-based KPI over the window and over the previous one (for the trend). */
function withPrevious(fn: IssueMetric, issues: Issue[], input: ReportInput, prev: Window, source: 'jira' | 'github'): MetricOutput {
  const out = fn(issues, input.window, input.options, input.now);
  const before = fn(issues, prev, input.options, input.now);
  return { kpi: { ...out.kpi, source: out.kpi.source ?? source, previous: out.kpi.previous ?? before.kpi.value }, details: out.details };
}

/**
 * The pure step: dataset + window → report. Each KPI uses the richest configured source
 * (Jira > GitHub > git, spec Conventions) and says which one it used.
 */
export function computeReport(dataset: Dataset, input: ReportInput): { report: Report; details: ReportDetails } {
  const history = historyOf(dataset, input.options.releaseTagPattern);
  const ctx: MetricContext = { dataset, history, window: input.window, options: input.options, now: input.now };
  const prev = previousWindow(input.window);
  const jira = usable(dataset.jiraIssues, dataset.sources.jira) ? dataset.jiraIssues : undefined;
  const ghIssues = usable(dataset.githubIssues, dataset.sources.github) ? dataset.githubIssues : undefined;
  const tracker = jira ? { issues: jira, source: 'jira' as const } : ghIssues ? { issues: ghIssues, source: 'github' as const } : undefined;

  const ct = cycleTime(ctx, prev);
  if (jira) {
    // Spec §1: Jira issue cycle time is shown beside the PR/git cycle time, not instead of it.
    const ict = withPrevious(computeIssueCycleTime, jira, input, prev, 'jira');
    ct.kpi.issueCycleTime = ict.kpi;
  }
  const sprints = dataset.sprints ?? [];
  const velocity = jira && sprints.length > 0
    ? withPrevious((issues, w, o, n) => computeJiraVelocity(issues, sprints, w, o, n), jira, input, prev, 'jira')
    : changeVelocity(ctx, prev);
  const te = tracker ? withPrevious(computeDefectRemovalEfficiency, tracker.issues, input, prev, tracker.source) : regressionTestRate(ctx, prev);
  if (tracker) te.kpi.testToCodeRatio = testToCodeRatio(ctx);
  const outputs: Record<KpiName, MetricOutput> = {
    cycleTime: ct,
    velocity,
    timeToMarket: jira ? withPrevious(computeJiraTimeToMarket, jira, input, prev, 'jira') : leadTimeForChanges(ctx, prev),
    defectDensity: defectDensity(ctx, prev),
    escalations: tracker
      ? withPrevious(computeEscalations, tracker.issues, input, prev, tracker.source)
      : { kpi: { value: null, unit: 'count', reason: 'needs Jira or GitHub issues' }, details: { items: [], series: [] } },
    testEffectiveness: te,
  };
  applyActivity(outputs, dataset, history, input.window, prev);
  const last = lastCommitAt(dataset, history);
  const report: Report = {
    schemaVersion: 1,
    generatedAt: toIso(input.now),
    repository: { path: dataset.repo.path, defaultBranch: dataset.repo.defaultBranch, head: dataset.repo.head, shallow: dataset.repo.shallow, ...(last != null ? { lastCommitAt: toIso(last) } : {}) },
    window: { since: toIso(input.window.since), until: toIso(input.window.until) },
    sources: dataset.sources,
    kpis: {
      cycleTime: outputs.cycleTime.kpi,
      velocity: outputs.velocity.kpi,
      timeToMarket: outputs.timeToMarket.kpi,
      defectDensity: outputs.defectDensity.kpi,
      escalations: outputs.escalations.kpi,
      testEffectiveness: outputs.testEffectiveness.kpi,
    },
  };
  if (dataset.warnings.length) report.warnings = dataset.warnings;
  const details = Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, v.details])) as ReportDetails;
  return { report, details };
}
