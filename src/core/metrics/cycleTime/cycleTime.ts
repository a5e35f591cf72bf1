import { inWindow, toIso, type Window } from '../../model/time';
import { emptyDetails, excludedCounts, type SeriesPoint } from '../../model/kpi';
import { durationStats, HOUR } from '../shared/stats';
import { byIsoWeek } from '../shared/isoWeek';
import type { MetricContext, MetricOutput } from '../metricContext';
import { changesNamed, changeUnit, cycleSamples, type CycleSample } from '../shared/deliveredChanges';
import { PHASES, type Phase } from '../shared/cyclePhases';

function phaseStats(samples: CycleSample[], phase: Phase) {
  const st = durationStats(samples.map((s) => s[phase]), HOUR);
  return { median: st.value, p85: st.p85, mean: st.mean, sampleSize: st.sampleSize };
}

function inWin(samples: CycleSample[], w: Window): CycleSample[] {
  return samples.filter((s) => inWindow(s.mergedAt, w));
}

/** Spec §1 cycle time, hours, with phases and a weekly series. */
export function cycleTime(ctx: MetricContext): MetricOutput {
  const { samples, source, botMergedAt } = cycleSamples(ctx);
  const cur = inWin(samples, ctx.window);
  const st = durationStats(cur.map((s) => s.cycle), HOUR);
  if (ctx.valueOnly) return { kpi: { value: st.value, unit: 'hours', source }, details: emptyDetails() };
  const series: SeriesPoint[] = byIsoWeek(ctx.window.since, ctx.window.until, cur, (s) => s.mergedAt).map((w) => {
    const wk = durationStats(w.items.map((s) => s.cycle), HOUR);
    return { period: w.label, start: toIso(w.start), values: { median: wk.value, p85: wk.p85, count: wk.sampleSize } };
  });
  const phases = Object.fromEntries(PHASES.map((p) => [p, phaseStats(cur, p)]));
  const unknownStart = cur.filter((s) => s.unknownStart).length;
  const unit = changeUnit(cur.length > 0 ? cur : samples, source);
  return {
    kpi: {
      value: st.value,
      unit: 'hours',
      source,
      ...(st.value == null ? { reason: unknownStart > 0 ? UNKNOWN_START_REASON : `no ${changesNamed(source, unit)} in window` } : {}),
      sampleSize: st.sampleSize,
      p85: st.p85,
      mean: st.mean,
      phases,
      previous: undefined,
      changeUnit: unit,
      excluded: excludedCounts({ bots: botMergedAt.filter((t) => inWindow(t, ctx.window)).length, unknownStart, firstRelease: cur.filter((s) => s.firstRelease).length }),
    },
    details: { items: cur.map((s) => s.item).sort((a, b) => (b.value ?? -1) - (a.value ?? -1)), series },
  };
}

/** Spec §1 (v2): the reason when every change of the window has no known start. */
export const UNKNOWN_START_REASON =
  "squash merges keep no branch history: connect GitHub, or fetch the pull request heads (git fetch origin '+refs/pull/*/head:refs/pull/*')";
