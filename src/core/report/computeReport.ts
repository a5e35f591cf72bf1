import type { Dataset } from '../model/dataset';
import { previousWindow, toIso } from '../model/time';
import type { ReportInput } from '../pipelineTypes';
import { buildHistoryIndex, releasePoints } from '../metrics/historyIndex';
import type { MetricContext, MetricOutput } from '../metrics/metricContext';
import { cycleTime } from '../metrics/cycleTime';
import { changeVelocity } from '../metrics/velocity';
import { leadTimeForChanges } from '../metrics/leadTime';
import { defectDensity } from '../metrics/defectDensity';
import { regressionTestRate } from '../metrics/regressionTestRate';
import type { ReportDetails } from './details';
import type { KpiName, Report } from './reportTypes';

/** The history views depend only on the dataset and the release pattern: build them once per dataset. */
const historyCache = new WeakMap<Dataset, { pattern: string; index: ReturnType<typeof buildHistoryIndex> }>();

export function historyOf(dataset: Dataset, releaseTagPattern: string) {
  const hit = historyCache.get(dataset);
  if (hit && hit.pattern === releaseTagPattern) return hit.index;
  const byHash = new Map(dataset.commits.map((c) => [c.hash, c]));
  const releases = releasePoints(dataset.tags, releaseTagPattern, dataset.releases, byHash);
  const index = buildHistoryIndex(dataset.commits, dataset.tip, releases);
  historyCache.set(dataset, { pattern: releaseTagPattern, index });
  return index;
}

function escalationsWithoutTracker(): MetricOutput {
  return { kpi: { value: null, unit: 'count', reason: 'needs Jira or GitHub issues' }, details: { items: [], series: [] } };
}

/**
 * The pure step: dataset + window → report. Each KPI uses the richest configured source
 * (Jira > GitHub > git, spec Conventions) and says which one it used.
 */
export function computeReport(dataset: Dataset, input: ReportInput): { report: Report; details: ReportDetails } {
  const history = historyOf(dataset, input.options.releaseTagPattern);
  const ctx: MetricContext = { dataset, history, window: input.window, options: input.options, now: input.now };
  const prev = previousWindow(input.window);
  const outputs: Record<KpiName, MetricOutput> = {
    cycleTime: cycleTime(ctx, prev),
    velocity: changeVelocity(ctx, prev),
    timeToMarket: leadTimeForChanges(ctx, prev),
    defectDensity: defectDensity(ctx, prev),
    escalations: escalationsWithoutTracker(),
    testEffectiveness: regressionTestRate(ctx, prev),
  };
  const report: Report = {
    schemaVersion: 1,
    generatedAt: toIso(input.now),
    repository: { path: dataset.repo.path, defaultBranch: dataset.repo.defaultBranch, head: dataset.repo.head, shallow: dataset.repo.shallow },
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
