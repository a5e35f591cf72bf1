import type { Dataset } from '../model/dataset';
import type { Issue } from '../model/issue';
import type { EpochSeconds, Window } from '../model/time';
import type { KpiOptions } from '../options';
import { historyOf } from '../metrics/shared/historyOf';
import { githubIssuesOf, jiraIssuesOf, trackerOf } from '../metrics/shared/sourceChoice';
import type { HistoryIndex } from '../metrics/shared/historyIndex';
import type { MetricContext } from '../metrics/metricContext';
import { cycleSamples, type CycleSample } from '../metrics/shared/deliveredChanges';
import { escalatedAt } from '../metrics/escalations/escalations';
import type { MissingSourceName } from './reviewTypes';

/** Everything the review reads, derived once so that each period only filters. */
export interface ReviewContext {
  dataset: Dataset;
  history: HistoryIndex;
  options: KpiOptions;
  now: EpochSeconds;
  /** Jira issues when Jira is configured and delivered data. */
  jira?: Issue[];
  /** The issue tracker KPIs use: Jira > GitHub issues (spec Conventions). */
  tracker?: { issues: Issue[]; source: 'jira' | 'github' };
  samples: CycleSample[];
  sampleSource: 'github' | 'git';
  /** The trackers that did not deliver issues: either would give defect reports and escalations. */
  missingTrackers: MissingSourceName[];
  /** Escalated issues of the tracker, with when and why (spec §5). */
  escalated: Array<{ issue: Issue; at: EpochSeconds; rule: string }>;
}

export function reviewContext(dataset: Dataset, options: KpiOptions, now: EpochSeconds): ReviewContext {
  const history = historyOf(dataset, options.releaseTagPattern);
  const jira = jiraIssuesOf(dataset);
  const gh = githubIssuesOf(dataset);
  const tracker = trackerOf(dataset);
  const base: MetricContext = { dataset, history, window: { since: 0, until: now }, options, now };
  const { samples, source } = cycleSamples(base);
  const escalated: ReviewContext['escalated'] = [];
  for (const issue of tracker?.issues ?? []) {
    const e = escalatedAt(issue, options);
    if (e) escalated.push({ issue, at: e.at, rule: e.rule });
  }
  const missingTrackers: MissingSourceName[] = [...(jira ? [] : ['jira' as const]), ...(gh ? [] : ['github' as const])];
  return { dataset, history, options, now, jira, tracker, samples, sampleSource: source, missingTrackers, escalated };
}

export function metricContext(rc: ReviewContext, window: Window): MetricContext {
  return { dataset: rc.dataset, history: rc.history, window, options: rc.options, now: rc.now };
}
