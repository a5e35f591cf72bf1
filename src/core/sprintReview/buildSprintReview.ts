import type { Dataset } from '../model/dataset';
import { inWindow, toIso } from '../model/time';
import type { KpiOptions } from '../options';
import { durationStats, HOUR } from '../metrics/shared/stats';
import { compareAll } from './compareFigures';
import { dataQualityNotes } from './dataQuality';
import { mergeItems } from './exclusions';
import { deliveryPeriod } from './deliveryFigures';
import { escalationPeriod } from './escalationFigures';
import { flowPeriod } from './flowFigures';
import { qualityPeriod } from './qualityFigures';
import { reviewContext, type ReviewContext } from './reviewContext';
import { historyOf } from '../metrics/shared/historyOf';
import { PeriodError, periodInfo, resolvePeriods, type ReviewPeriod } from './reviewPeriods';
import { timeToMarketPeriod } from './timeToMarketFigures';
import { missingSources } from './missingSources';
import { reviewCharts } from './reviewCharts';
import { addTo } from '../util/addTo';
import { hasActivity, lastCommitAt, noActivityReason } from '../metrics/shared/activity';
import {
  DEFAULT_REVIEW_OPTIONS, LIST_LIMIT, SHIPPED_LIMIT, type DeliveryKey, type EscalationKey, type FigureUnit, type FlowKey, type PeriodValue, type PersonRow,
  type QualityKey, type ReviewOptions, type ReviewSelection, type SprintReview, type TimeToMarketKey, type TrendPoint,
} from './reviewTypes';

const DELIVERY_UNITS: Record<DeliveryKey, FigureUnit> = {
  committedPoints: 'points', completedPoints: 'points', sayDoRatio: 'ratio', carryOverIssues: 'count', carryOverPoints: 'points',
  scopeAddedIssues: 'count', scopeAddedPoints: 'points', scopeRemovedIssues: 'count', scopeRemovedPoints: 'points',
  unestimatedIssues: 'count', throughput: 'count',
};
const FLOW_UNITS: Record<FlowKey, FigureUnit> = {
  cycleTimeMedian: 'hours', cycleTimeP85: 'hours', codingMedian: 'hours', pickupMedian: 'hours', reviewMedian: 'hours',
  deployMedian: 'hours', outliers: 'count', issueCycleTimeMedian: 'hours',
};
const QUALITY_UNITS: Record<QualityKey, FigureUnit> = {
  defectsCreated: 'count', defectsFixed: 'count', defectsEscaped: 'count', defectRemovalEfficiency: 'ratio', regressionTestRate: 'ratio', hotspotFilesChanged: 'count',
};
const ESCALATION_UNITS: Record<EscalationKey, FigureUnit> = { opened: 'count', resolved: 'count', stillOpen: 'count', timeToResolveMedian: 'hours' };
const TTM_UNITS: Record<TimeToMarketKey, FigureUnit> = { releasedItems: 'count', leadTimeMedian: 'days' };

/** This period, the 2 before it for the mean, and 3 more so each of those has its own outlier threshold. */
const PERIODS_NEEDED = 6;
const COMPARED = 3;

/** A list for people: its first `limit` entries under `key`, and how many were left off under `<key>More`. */
function cut<K extends string, T>(key: K, list: T[], limit: number): Record<K, T[]> & Record<`${K}More`, number> {
  return { [key]: list.slice(0, limit), [`${key}More`]: Math.max(0, list.length - limit) } as Record<K, T[]> & Record<`${K}More`, number>;
}

/** Per author of merged changes: opt-in only, see ReviewOptions.perPerson. */
function perPersonRows(rc: ReviewContext, p: ReviewPeriod): PersonRow[] {
  const authorOf = new Map((rc.dataset.pullRequests ?? []).map((pr) => [`#${pr.number}`, pr.author]));
  const groups = new Map<string, Array<number | null>>();
  for (const s of rc.samples) {
    if (!inWindow(s.mergedAt, p)) continue;
    const extraAuthor = s.item.extra?.author;
    const person = (s.item.kind === 'pr' ? authorOf.get(s.item.id) : typeof extraAuthor === 'string' ? extraAuthor : undefined) ?? 'unknown';
    addTo(groups, person, s.cycle);
  }
  return [...groups].map(([person, cycles]) => ({ person, mergedChanges: cycles.length, cycleTimeMedianHours: durationStats(cycles, HOUR).value }))
    .sort((a, b) => b.mergedChanges - a.mergedChanges || a.person.localeCompare(b.person));
}

/**
 * Reads ahead the file lists buildSprintReview needs beyond a report's: those of the default
 * branch's commits in the compared periods (the hotspot files they changed). Call it first; a
 * selection that names no period is left for buildSprintReview to refuse.
 */
export async function loadSprintReviewFiles(dataset: Dataset, selection: ReviewSelection, options: KpiOptions, now: number, signal?: AbortSignal): Promise<void> {
  if (!dataset.loadFiles) return;
  let periods: ReviewPeriod[];
  try {
    periods = resolvePeriods(dataset, selection, now, PERIODS_NEEDED).slice(0, COMPARED);
  } catch (e) {
    if (e instanceof PeriodError) return;
    throw e;
  }
  const history = historyOf(dataset, options.releaseTagPattern);
  await dataset.loadFiles(history.branchCommits.filter((c) => periods.some((p) => inWindow(c.committerDate, p))), signal);
}

/**
 * The sprint review (issue 6): for a sprint or a date range, every figure for this period, the
 * previous one, the mean of the last 3 and the direction of change, with the lists behind them and
 * a data-quality section naming every gap. Pure: dataset in, JSON-serializable object out.
 */
export function buildSprintReview(dataset: Dataset, selection: ReviewSelection, options: KpiOptions, now: number, reviewOptions: Partial<ReviewOptions> = {}): SprintReview {
  const ro = { ...DEFAULT_REVIEW_OPTIONS, ...reviewOptions };
  const rc = reviewContext(dataset, options, now);
  const periods = resolvePeriods(dataset, selection, now, PERIODS_NEEDED);
  const compared = periods.slice(0, COMPARED);
  const delivery = compared.map((p) => deliveryPeriod(rc, p));
  const flow = compared.map((p, i) => flowPeriod(rc, p, periods.slice(i + 1, i + 4)));
  const quality = compared.map((p) => qualityPeriod(rc, p));
  const escalations = compared.map((p) => escalationPeriod(rc, p));
  const ttm = compared.map((p) => timeToMarketPeriod(rc, p));
  // (v2) A period with no commit and no source item has nothing to measure: every figure is null with one reason.
  const last = lastCommitAt(dataset, rc.history);
  compared.forEach((p, i) => {
    if (hasActivity(dataset, rc.history, p)) return;
    const reason = noActivityReason(last).replace('in window', 'in period');
    for (const values of [delivery[i]!.values, flow[i]!.values, quality[i]!.values, escalations[i]!.values, ttm[i]!.values] as Array<Record<string, PeriodValue>>) {
      for (const key of Object.keys(values)) values[key] = { value: null, reason };
    }
  });
  const cur = periods[0]!;
  const review: Omit<SprintReview, 'dataQuality'> = {
    schemaVersion: 1,
    kind: 'sprintReview',
    generatedAt: toIso(now),
    repository: { path: dataset.repo.path, defaultBranch: dataset.repo.defaultBranch, head: dataset.repo.head },
    period: periodInfo(cur),
    comparedWith: compared.slice(1).map(periodInfo),
    sources: dataset.sources,
    delivery: {
      figures: compareAll(delivery.map((d) => d.values), DELIVERY_UNITS),
      pointsBasis: delivery[0]!.basis,
      throughputSource: rc.sampleSource,
      carryOver: delivery[0]!.carryOver,
      scopeAdded: delivery[0]!.scopeAdded,
      scopeRemoved: delivery[0]!.scopeRemoved,
      unestimated: delivery[0]!.unestimated,
    },
    flow: {
      figures: compareAll(flow.map((f) => f.values), FLOW_UNITS),
      source: rc.sampleSource,
      outlierThresholdHours: flow[0]!.thresholdHours,
      ...(flow[0]!.thresholdReason ? { outlierThresholdReason: flow[0]!.thresholdReason } : {}),
      ...cut('outliers', flow[0]!.outliers, LIST_LIMIT),
      ...(flow[0]!.outliersNote ? { outliersNote: flow[0]!.outliersNote } : {}),
    },
    quality: { figures: compareAll(quality.map((q) => q.values), QUALITY_UNITS), defectSource: quality[0]!.source, ...cut('hotspots', quality[0]!.hotspots, LIST_LIMIT) },
    escalations: { figures: compareAll(escalations.map((e) => e.values), ESCALATION_UNITS), source: rc.tracker?.source ?? null, items: escalations[0]!.items },
    timeToMarket: { figures: compareAll(ttm.map((t) => t.values), TTM_UNITS), source: ttm[0]!.source, released: ttm[0]!.released, ...cut('shipped', ttm[0]!.shipped, SHIPPED_LIMIT) },
    missing: [],
    charts: [],
    trend: compared.map((p, i) => ({
      ...periodInfo(p),
      values: Object.fromEntries(
        [delivery[i]!.values, flow[i]!.values, quality[i]!.values, escalations[i]!.values, ttm[i]!.values].flatMap((v) => Object.entries(v).map(([k, x]) => [k, x.value])),
      ) as TrendPoint['values'],
    })).map(({ name, since, until, values }) => ({ name, since, until, values })).reverse(),
    perPerson: ro.perPerson ? perPersonRows(rc, cur) : null,
  };
  review.missing = missingSources(dataset.sources, {
    Delivery: review.delivery.figures, Flow: review.flow.figures, Quality: review.quality.figures,
    Escalations: review.escalations.figures, 'Time to market': review.timeToMarket.figures,
  });
  review.charts = reviewCharts(review.trend, review.flow.figures);
  return { ...review, dataQuality: dataQualityNotes(dataset, review, mergeItems(delivery[0]!.excluded, flow[0]!.excluded, quality[0]!.excluded, ttm[0]!.excluded)) };
}
