import { inWindow, span, toIso } from '../model/time';
import type { PullRequest } from '../model/pullRequest';
import type { DrillItem, SeriesPoint } from '../report/details';
import { durationStats, HOUR } from './stats';
import { byIsoWeek } from './isoWeek';
import { isExcludedAuthor, type MetricContext, type MetricOutput } from './metricContext';
import type { Window } from '../model/time';
import type { GitChange } from './historyIndex';

/** One sampled change with its phase durations in seconds (null where the phase does not exist). */
export interface CycleSample {
  item: DrillItem;
  mergedAt: number;
  cycle: number | null;
  coding: number | null;
  pickup: number | null;
  review: number | null;
  deploy: number | null;
}

const PHASES = ['coding', 'pickup', 'review', 'deploy'] as const;

/** Spec §1 per pull request. */
export function prCycleSample(pr: PullRequest, releasedAt: number | null): CycleSample | null {
  if (pr.mergedAt == null) return null;
  const readyAt = pr.readyAt ?? pr.createdAt;
  const firstCommitAt = pr.commitAuthorDates.length ? Math.min(...pr.commitAuthorDates) : null;
  // A first commit after the PR was ready (a rebase rewrote author dates) starts the clock at readyAt.
  const start = firstCommitAt == null || firstCommitAt > readyAt ? readyAt : firstCommitAt;
  const s: CycleSample = {
    item: { kind: 'pr', id: `#${pr.number}`, title: pr.title, url: pr.url, at: toIso(pr.mergedAt) },
    mergedAt: pr.mergedAt,
    cycle: span(start, pr.mergedAt),
    coding: span(firstCommitAt, readyAt),
    pickup: span(readyAt, pr.firstReviewAt),
    review: span(pr.firstReviewAt, pr.mergedAt),
    deploy: span(pr.mergedAt, releasedAt),
  };
  s.item.value = s.cycle == null ? null : s.cycle / HOUR;
  s.item.extra = Object.fromEntries(PHASES.map((p) => [p, s[p] == null ? null : s[p]! / HOUR]));
  return s;
}

/** Samples depend on the dataset and the excluded authors only: cycle time, velocity and the sprint review share them. */
const sampleMemo = new WeakMap<object, Map<string, { samples: CycleSample[]; source: 'github' | 'git' }>>();

export function cycleSamples(ctx: MetricContext): { samples: CycleSample[]; source: 'github' | 'git' } {
  const key = JSON.stringify([ctx.options.excludeAuthors, ctx.dataset.sources.github.status]);
  let memo = sampleMemo.get(ctx.history);
  if (!memo) sampleMemo.set(ctx.history, (memo = new Map()));
  const hit = memo.get(key);
  if (hit) return hit;
  const out = computeCycleSamples(ctx);
  memo.set(key, out);
  return out;
}

function computeCycleSamples(ctx: MetricContext): { samples: CycleSample[]; source: 'github' | 'git' } {
  const { dataset, history, options } = ctx;
  const usePrs = dataset.pullRequests !== undefined && (dataset.sources.github.status !== 'error' || dataset.pullRequests.length > 0);
  if (usePrs) {
    const samples: CycleSample[] = [];
    for (const pr of dataset.pullRequests!) {
      if (pr.authorIsBot || isExcludedAuthor(options, pr.author)) continue;
      const rel = pr.mergeCommitSha ? history.releaseOf(pr.mergeCommitSha)?.date ?? null : null;
      const s = prCycleSample(pr, rel);
      if (s) samples.push(s);
    }
    return { samples, source: 'github' };
  }
  const samples: CycleSample[] = [];
  for (const ch of history.changes) {
    if (ch.commits.length > 0 && ch.commits.every((c) => isExcludedAuthor(options, c.authorName, c.authorEmail))) continue;
    samples.push(new ChangeSample(ch));
  }
  return { samples, source: 'git' };
}

/**
 * A git change as a cycle-time sample. Its drill-down item is built on first use: a report shows
 * the changes of two windows, while the samples cover the whole history.
 */
class ChangeSample implements CycleSample {
  readonly mergedAt: number;
  readonly cycle: number | null;
  readonly deploy: number | null;
  readonly coding = null;
  readonly pickup = null;
  readonly review = null;
  private built?: DrillItem;

  constructor(private readonly ch: GitChange) {
    this.mergedAt = ch.mergedAt;
    this.cycle = span(ch.firstCommitAt, ch.mergedAt);
    this.deploy = span(ch.mergedAt, ch.release?.date);
  }

  get item(): DrillItem {
    const { ch, cycle, deploy } = this;
    return (this.built ??= {
      kind: 'change', id: ch.commit.hash.slice(0, 10), title: ch.commit.subject, at: toIso(ch.mergedAt),
      value: cycle == null ? null : cycle / HOUR,
      extra: { commits: ch.commits.length, author: ch.commits[0]?.authorName ?? ch.commit.authorName, deploy: deploy == null ? null : deploy / HOUR },
    });
  }
}

function phaseStats(samples: CycleSample[], phase: (typeof PHASES)[number]) {
  const st = durationStats(samples.map((s) => s[phase]), HOUR);
  return { median: st.value, p85: st.p85, mean: st.mean, sampleSize: st.sampleSize };
}

function inWin(samples: CycleSample[], w: Window): CycleSample[] {
  return samples.filter((s) => inWindow(s.mergedAt, w));
}

/** Spec §1 cycle time, hours, with phases, a weekly trend and the previous window's median. */
export function cycleTime(ctx: MetricContext, previous: Window): MetricOutput {
  const { samples, source } = cycleSamples(ctx);
  const cur = inWin(samples, ctx.window);
  const st = durationStats(cur.map((s) => s.cycle), HOUR);
  const prev = durationStats(inWin(samples, previous).map((s) => s.cycle), HOUR);
  const series: SeriesPoint[] = byIsoWeek(ctx.window.since, ctx.window.until, cur, (s) => s.mergedAt).map((w) => {
    const wk = durationStats(w.items.map((s) => s.cycle), HOUR);
    return { period: w.label, start: toIso(w.start), values: { median: wk.value, p85: wk.p85, count: wk.sampleSize } };
  });
  const phases = Object.fromEntries(PHASES.map((p) => [p, phaseStats(cur, p)]));
  const what = source === 'github' ? 'merged pull requests' : 'merged changes (merge commits or "(#N)" squash commits on the default branch)';
  return {
    kpi: {
      value: st.value,
      unit: 'hours',
      source,
      ...(st.value == null ? { reason: `no ${what} in window` } : {}),
      sampleSize: st.sampleSize,
      p85: st.p85,
      mean: st.mean,
      phases,
      previous: prev.value,
    },
    details: { items: cur.map((s) => s.item).sort((a, b) => (b.value ?? -1) - (a.value ?? -1)), series },
  };
}
