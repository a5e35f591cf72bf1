import { inWindow, toIso, type Window } from '../model/time';
import type { CycleSample } from '../metrics/shared/deliveredChanges';
import { issueCycleSamples, NO_ISSUE_CYCLE } from '../metrics/cycleTime/issueCycleTime';
import { durationStats, HOUR, percentile, round4 } from '../metrics/shared/stats';
import type { ReviewContext } from './reviewContext';
import type { ReviewPeriod } from './reviewPeriods';
import type { CyclePhase, ExcludedItems, FlowKey, Outlier, PeriodValue } from './reviewTypes';
import { countsOf, mergeItems } from './exclusions';
import { formatFigureValue } from './reviewFormat';

export interface FlowPeriod {
  values: Record<FlowKey, PeriodValue>;
  thresholdHours: number | null;
  thresholdReason?: string;
  outliers: Outlier[];
  /** Why `outliers` is empty; absent when it has rows. */
  outliersNote?: string;
  /** (v2) Issues behind the issue cycle time that a rule inferred something about, by rule. */
  excluded: ExcludedItems;
}

const IN_CYCLE: CyclePhase[] = ['coding', 'pickup', 'review'];
/** 3 minutes: below it a p85 rounds to "0 h" and says nothing about slowness. */
const MIN_THRESHOLD_HOURS = 0.05;

/** p85 (hours) of the cycle times of every change merged in the earlier periods, pooled. */
export function outlierThreshold(samples: CycleSample[], earlier: Window[]): { hours: number | null; reason?: string } {
  if (earlier.length === 0) return { hours: null, reason: 'no earlier periods to set an outlier threshold' };
  const hours = samples
    .filter((s) => s.cycle != null && earlier.some((w) => inWindow(s.mergedAt, w)))
    .map((s) => s.cycle! / HOUR)
    .sort((a, b) => a - b);
  const p85 = percentile(hours, 0.85);
  if (p85 == null) return { hours: null, reason: `no merged changes in the previous ${earlier.length} period(s) to set an outlier threshold` };
  // A p85 that shows as "0 h" (changes committed as they were merged) makes every change slow: no threshold at all.
  if (p85 < MIN_THRESHOLD_HOURS) return { hours: null, reason: `the previous ${earlier.length} period(s)' p85 cycle time is under 3 minutes (their changes were committed as they were merged), too short to call a change slow` };
  return { hours: round4(p85)! };
}

/** The phase inside the cycle time that took longest; deploy comes after merge, so it is not a candidate. */
function slowestPhase(s: CycleSample): CyclePhase | null {
  let best: CyclePhase | null = null;
  for (const ph of IN_CYCLE) if (s[ph] != null && (best == null || s[ph]! > s[best]!)) best = ph;
  return best;
}

const hours = (x: number | null): number | null => (x == null ? null : round4(x / HOUR));

function stat(v: number | null, reason: string): PeriodValue {
  return v == null ? { value: null, reason } : { value: v };
}

/** Spec §1 over one period, plus outliers against the previous periods' p85 and Jira issue cycle time. */
export function flowPeriod(rc: ReviewContext, p: ReviewPeriod, earlier: Window[]): FlowPeriod {
  const cur = rc.samples.filter((s) => inWindow(s.mergedAt, p));
  const what = rc.sampleSource === 'github' ? 'merged pull requests' : 'merged changes';
  const none = `no ${what} in period`;
  const st = durationStats(cur.map((s) => s.cycle), HOUR);
  const phase = (k: 'coding' | 'pickup' | 'review' | 'deploy'): PeriodValue => {
    if (rc.sampleSource === 'git' && k !== 'deploy') return { value: null, reason: `git has no ${k} phase: needs GitHub pull requests`, needs: ['github'] };
    const v = durationStats(cur.map((s) => s[k]), HOUR).value;
    if (v != null) return { value: v };
    if (cur.length === 0) return { value: null, reason: none };
    if (k === 'deploy' && cur.some((s) => s.firstRelease)) return { value: null, reason: `the ${what} of the period that reached a release were first released by the first release tag, which starts the clock` };
    return { value: null, reason: k === 'deploy' ? `no ${what} of the period reached a release yet` : `no ${what} of the period had a review` };
  };
  const threshold = outlierThreshold(rc.samples, earlier);
  const outliers: Outlier[] = threshold.hours == null ? [] : cur
    .filter((s) => s.cycle != null && s.cycle / HOUR > threshold.hours!)
    .sort((a, b) => b.cycle! - a.cycle!)
    .map((s) => ({
      id: s.item.id, title: s.item.title, ...(s.item.url ? { url: s.item.url } : {}), mergedAt: toIso(s.mergedAt),
      cycleHours: hours(s.cycle)!, slowestPhase: slowestPhase(s),
      phaseHours: { coding: hours(s.coding), pickup: hours(s.pickup), review: hours(s.review), deploy: hours(s.deploy) },
    }));
  const issueCycle = rc.jira ? issueCycleSamples(rc.jira, p) : null;
  const excluded: ExcludedItems = issueCycle ? { unknownStatus: issueCycle.unknownStatus } : {};
  const counts = countsOf(excluded);
  // (v2) Changes first released by the first release tag have no deploy phase (spec §1).
  const firstReleased: ExcludedItems = { firstRelease: cur.filter((s) => s.firstRelease).map((s) => s.item.id) };
  const firstCounts = countsOf(firstReleased);
  const ict: PeriodValue = issueCycle
    ? { ...stat(durationStats(issueCycle.samples.map((s) => s.seconds), HOUR).value, NO_ISSUE_CYCLE), ...(counts ? { excluded: counts } : {}) }
    : { value: null, reason: 'needs Jira', needs: ['jira'] };
  const outliersNote = threshold.hours == null ? threshold.reason!
    : outliers.length ? undefined
      : cur.length ? `none of the ${cur.length} ${what} of the period took longer than ${formatFigureValue(threshold.hours, 'hours')}` : none;
  return {
    values: {
      cycleTimeMedian: stat(st.value, none),
      cycleTimeP85: stat(st.p85, none),
      codingMedian: phase('coding'),
      pickupMedian: phase('pickup'),
      reviewMedian: phase('review'),
      deployMedian: firstCounts ? { ...phase('deploy'), excluded: firstCounts } : phase('deploy'),
      outliers: threshold.hours == null ? { value: null, reason: threshold.reason! } : { value: outliers.length },
      issueCycleTimeMedian: ict,
    },
    thresholdHours: threshold.hours,
    ...(threshold.reason ? { thresholdReason: threshold.reason } : {}),
    outliers,
    ...(outliersNote ? { outliersNote } : {}),
    excluded: mergeItems(excluded, firstReleased),
  };
}
