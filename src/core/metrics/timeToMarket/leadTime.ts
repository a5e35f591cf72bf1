import { inWindow, span, toIso, type Window } from '../../model/time';
import { excludedCounts, lazyDetails, type DrillItem } from '../../model/kpi';
import { DAY, durationStats } from '../shared/stats';
import type { HistoryIndex } from '../shared/historyIndex';
import type { MetricContext, MetricOutput } from '../metricContext';
import { isExcludedAuthor } from '../shared/excludedAuthors';

/**
 * Spec §3 git/GitHub fallback, lead time for changes: per non-merge commit that first reached a
 * release inside the window, releasedAt − authorDate, in days. (v2) Commits first released by the
 * first release of the history read are left out (that release starts the clock) and counted.
 */
export function leadTimeForChanges(ctx: MetricContext): MetricOutput {
  const { history } = ctx;
  // (v2) Bots' commits are out of lead time as of cycle time (spec Conventions), before any other rule.
  const byBot = (r: ReleasedCommit) => isExcludedAuthor(ctx.options, r.commit.authorName, r.commit.authorEmail);
  const sample = (w: Window) => {
    const { measured, firstReleased } = releasedCommits(history, w);
    const kept: Array<{ commit: ReleasedCommit['commit']; release: ReleasedCommit['release']; seconds: number | null }> = [];
    let bots = 0;
    for (const r of measured) {
      if (byBot(r)) bots += 1;
      else kept.push({ commit: r.commit, release: r.release, seconds: span(r.commit.authorDate, r.release.date) });
    }
    const firstByBots = firstReleased.filter(byBot).length;
    return { kept, firstReleased: firstReleased.length - firstByBots, bots: bots + firstByBots };
  };
  // (v2) Releases tagged only on other branches never ship a default-branch commit: no number at all.
  const offBranch = history.releases.length > 0 && !history.releasesReachBranch;
  const nothing: ReturnType<typeof sample> = { kept: [], firstReleased: 0, bots: 0 };
  const { kept: cur, firstReleased, bots } = offBranch ? nothing : sample(ctx.window);
  const st = durationStats(cur.map((s) => s.seconds), DAY);
  const { unreleased } = history;
  const inWindowReleases = history.releases.filter((r) => inWindow(r.date, ctx.window));
  return {
    kpi: {
      value: st.value,
      unit: 'days',
      source: 'git',
      ...(st.value == null ? { reason: noLeadTimeReason(ctx, history, firstReleased) } : {}),
      sampleSize: st.sampleSize,
      p85: st.p85,
      mean: st.mean,
      unreleased,
      releases: inWindowReleases.length,
      previous: undefined,
      ...withExcluded(firstReleased, bots),
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

/**
 * Non-merge commits first released inside the window, split by (v2) "the first release starts the
 * clock": `measured` have a lead time; `firstReleased` were first released by the history's first release.
 */
export function releasedCommits(history: HistoryIndex, w: Window): { measured: ReleasedCommit[]; firstReleased: ReleasedCommit[] } {
  const measured: ReleasedCommit[] = [];
  const firstReleased: ReleasedCommit[] = [];
  for (const r of history.releasedIn(w)) (r.release === history.firstRelease ? firstReleased : measured).push(r);
  return { measured, firstReleased };
}

type ReleasedCommit = ReturnType<HistoryIndex['releasedIn']>[number];

function withExcluded(firstRelease: number, bots: number): { excluded?: ReturnType<typeof excludedCounts> } {
  const excluded = excludedCounts({ bots, firstRelease });
  return excluded ? { excluded } : {};
}

/** Why there is no lead time: no release tag, tags only off the default branch, only the clock-starting first release, or nothing released. */
function noLeadTimeReason(ctx: MetricContext, history: HistoryIndex, firstReleased: number): string {
  if (history.releases.length === 0) return `no release tags match releaseTagPattern (${ctx.options.releaseTagPattern})`;
  if (!history.releasesReachBranch) {
    const newest = history.releases[history.releases.length - 1]!;
    return `release tags match (e.g. ${newest.name}) but none contains a commit of ${ctx.dataset.repo.defaultBranch}: they are on other branches, so no change of ${ctx.dataset.repo.defaultBranch} reaches a release`;
  }
  if (firstReleased > 0) return `the only release in window is the first release tag (${history.firstRelease!.name}), which starts the clock: no lead time for the ${firstReleased} commit(s) it released first`;
  return 'no commits reached a release in window';
}
