import { inWindow, toIso, type Window } from '../../model/time';
import { round4, WEEK } from '../shared/stats';
import { byIsoWeek } from '../shared/isoWeek';
import { changesNamed, changeUnit, cycleSamples } from '../shared/deliveredChanges';
import { excludedCounts } from '../../model/kpi';
import type { MetricContext, MetricOutput } from '../metricContext';

/** Spec §2 fallback: merged PRs (or git changes) per week over the window, with a per-ISO-week series. */
export function changeVelocity(ctx: MetricContext): MetricOutput {
  // Bots are excluded here as in cycle time: the same set of delivered changes feeds both.
  // (v2) Changes with no known start still count: they were delivered, only their start is unknown.
  const { samples, source, botMergedAt } = cycleSamples(ctx);
  const weeks = (w: Window) => (w.until - w.since) / WEEK;
  const cur = samples.filter((s) => inWindow(s.mergedAt, ctx.window));
  const n = cur.length;
  const value = weeks(ctx.window) > 0 ? round4(n / weeks(ctx.window)) : null;
  const unit = changeUnit(cur.length > 0 ? cur : samples, source);
  const series = byIsoWeek(ctx.window.since, ctx.window.until, cur, (s) => s.mergedAt).map((w) => ({
    period: w.label,
    start: toIso(w.start),
    values: { changes: w.items.length },
  }));
  return {
    kpi: {
      value: n === 0 ? null : value,
      unit: 'changes/week',
      source,
      ...(n === 0 ? { reason: `no ${changesNamed(source, unit)} in window` } : {}),
      sampleSize: n,
      weeks: round4(weeks(ctx.window)),
      previous: undefined,
      changeUnit: unit,
      excluded: excludedCounts({ bots: botMergedAt.filter((t) => inWindow(t, ctx.window)).length }),
    },
    details: { items: cur.map((s) => s.item), series },
  };
}
