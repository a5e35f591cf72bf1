import { inWindow, span, toIso, type Window } from '../model/time';
import { lazyDetails, type DrillItem } from '../report/details';
import { DAY, durationStats } from './stats';
import type { MetricContext, MetricOutput } from './metricContext';

/**
 * Spec §3 git/GitHub fallback, lead time for changes: per non-merge commit that first reached a
 * release inside the window, releasedAt − authorDate, in days.
 */
export function leadTimeForChanges(ctx: MetricContext, previous: Window): MetricOutput {
  const { history } = ctx;
  const sample = (w: Window) => history.releasedIn(w).map(({ commit, release }) => ({ commit, release, seconds: span(commit.authorDate, release.date) }));
  const cur = sample(ctx.window);
  const st = durationStats(cur.map((s) => s.seconds), DAY);
  const { unreleased } = history;
  const reason = history.releases.length === 0
    ? `no release tags match releaseTagPattern (${ctx.options.releaseTagPattern})`
    : 'no commits reached a release in window';
  const inWindowReleases = history.releases.filter((r) => inWindow(r.date, ctx.window));
  return {
    kpi: {
      value: st.value,
      unit: 'days',
      source: 'git',
      ...(st.value == null ? { reason } : {}),
      sampleSize: st.sampleSize,
      p85: st.p85,
      mean: st.mean,
      unreleased,
      releases: inWindowReleases.length,
      previous: durationStats(sample(previous).map((s) => s.seconds), DAY).value,
    },
    // Thousands of commits on a long history: their items are made only when the panel asks.
    details: lazyDetails(
      () => cur.map(({ commit: c, release: rel, seconds }): DrillItem => ({
        kind: 'commit', id: c.hash.slice(0, 10), title: c.subject, at: toIso(rel.date), value: seconds == null ? null : seconds / DAY, extra: { release: rel.name, author: c.authorName },
      })).sort((a, b) => (b.value ?? -1) - (a.value ?? -1)),
      () => inWindowReleases.map((r) => {
        const rs = durationStats(cur.filter((s) => s.release === r).map((s) => s.seconds), DAY);
        return { period: r.name, start: toIso(r.date), values: { median: rs.value, commits: rs.sampleSize } };
      }),
    ),
  };
}
