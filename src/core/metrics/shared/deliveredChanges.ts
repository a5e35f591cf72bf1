import { span, toIso } from '../../model/time';
import type { PullRequest } from '../../model/pullRequest';
import type { DrillItem } from '../../model/kpi';
import { HOUR } from './stats';
import type { MetricContext } from '../metricContext';
import { isExcludedAuthor } from './excludedAuthors';
import type { GitChange, HistoryIndex, ReleasePoint } from './historyIndex';
import { changeTitle } from './changeTitle';
import { pullRequestsOf } from './sourceChoice';
import { PHASES } from './cyclePhases';

/**
 * The delivered changes (spec §1, §2): pull requests, or git changes without GitHub, each with
 * its phase durations. Cycle time, velocity and the sprint review's flow figures read the same set.
 */

/** What one sample is: the spec's `cycleTime.changeUnit` names the units a window counted. */
export type ChangeUnit = 'pull request' | 'merge' | 'squash' | 'commit';

/** One sampled change with its phase durations in seconds (null where the phase does not exist). */
export interface CycleSample {
  item: DrillItem;
  unit: ChangeUnit;
  mergedAt: number;
  /** (v2) First commit at the merge instant, to the second: no cycle time (or coding phase), still a change. */
  unknownStart: boolean;
  cycle: number | null;
  coding: number | null;
  pickup: number | null;
  review: number | null;
  deploy: number | null;
  /** (v2) First released by the first release tag, which starts the clock (spec §3): no deploy phase. */
  firstRelease: boolean;
}

/** Spec §1 per pull request; `releasedAt` null when unreleased or when `firstRelease` (no deploy phase then). */
export function prCycleSample(pr: PullRequest, releasedAt: number | null, firstRelease = false): CycleSample | null {
  if (pr.mergedAt == null) return null;
  const readyAt = pr.readyAt ?? pr.createdAt;
  const firstCommitAt = pr.commitAuthorDates.length ? Math.min(...pr.commitAuthorDates) : null;
  // A first commit after the PR was ready (a rebase rewrote author dates) starts the clock at readyAt.
  const start = firstCommitAt == null || firstCommitAt > readyAt ? readyAt : firstCommitAt;
  const unknownStart = firstCommitAt === pr.mergedAt;
  const s: CycleSample = {
    item: { kind: 'pr', id: `#${pr.number}`, title: pr.title, url: pr.url, at: toIso(pr.mergedAt) },
    unit: 'pull request',
    mergedAt: pr.mergedAt,
    unknownStart,
    cycle: unknownStart ? null : span(start, pr.mergedAt),
    coding: unknownStart ? null : span(firstCommitAt, readyAt),
    pickup: span(readyAt, pr.firstReviewAt),
    review: span(pr.firstReviewAt, pr.mergedAt),
    deploy: firstRelease ? null : span(pr.mergedAt, releasedAt),
    firstRelease,
  };
  s.item.value = s.cycle == null ? null : s.cycle / HOUR;
  s.item.extra = Object.fromEntries(PHASES.map((p) => [p, s[p] == null ? null : s[p]! / HOUR]));
  return s;
}

/** The delivered changes of the history, and when each change left out as a bot's was merged. */
export interface CycleSamples {
  samples: CycleSample[];
  source: 'github' | 'git';
  botMergedAt: number[];
}

/** Samples depend on the dataset and the excluded authors only: cycle time, velocity and the sprint review share them. */
const sampleMemo = new WeakMap<object, Map<string, CycleSamples>>();

export function cycleSamples(ctx: MetricContext): CycleSamples {
  const key = JSON.stringify([ctx.options.excludeAuthors, ctx.dataset.sources.github.status]);
  let memo = sampleMemo.get(ctx.history);
  if (!memo) sampleMemo.set(ctx.history, (memo = new Map()));
  const hit = memo.get(key);
  if (hit) return hit;
  const out = computeCycleSamples(ctx);
  memo.set(key, out);
  return out;
}

function computeCycleSamples(ctx: MetricContext): CycleSamples {
  const { dataset, history, options } = ctx;
  const prs = pullRequestsOf(dataset);
  const samples: CycleSample[] = [];
  const botMergedAt: number[] = [];
  if (prs) {
    for (const pr of prs) {
      if (pr.authorIsBot || isExcludedAuthor(options, pr.author)) {
        if (pr.mergedAt != null) botMergedAt.push(pr.mergedAt);
        continue;
      }
      const rel = pr.mergeCommitSha ? history.releaseOf(pr.mergeCommitSha) : undefined;
      const s = prCycleSample(pr, rel?.date ?? null, startsTheClock(history, rel));
      if (s) samples.push(s);
    }
    return { samples, source: 'github', botMergedAt };
  }
  const excluded = (name: string, email: string) => isExcludedAuthor(options, name, email);
  for (const ch of history.changes) {
    if (history.authoredOnlyBy(ch, excluded)) {
      botMergedAt.push(ch.mergedAt);
      continue;
    }
    samples.push(new ChangeSample(ch, startsTheClock(history, ch.release)));
  }
  return { samples, source: 'git', botMergedAt };
}

/**
 * A git change as a cycle-time sample. Its drill-down item is built on first use: a report shows
 * the changes of two windows, while the samples cover the whole history.
 */
class ChangeSample implements CycleSample {
  readonly unit: ChangeUnit;
  readonly mergedAt: number;
  readonly unknownStart: boolean;
  readonly cycle: number | null;
  readonly deploy: number | null;
  readonly firstRelease: boolean;
  readonly coding = null;
  readonly pickup = null;
  readonly review = null;
  private built?: DrillItem;

  constructor(private readonly ch: GitChange, firstRelease: boolean) {
    this.unit = ch.kind;
    this.mergedAt = ch.mergedAt;
    this.unknownStart = ch.firstCommitAt === ch.mergedAt;
    this.cycle = this.unknownStart ? null : span(ch.firstCommitAt, ch.mergedAt);
    this.firstRelease = firstRelease;
    this.deploy = firstRelease ? null : span(ch.mergedAt, ch.release?.date);
  }

  get item(): DrillItem {
    const { ch, cycle, deploy } = this;
    return (this.built ??= {
      kind: 'change', id: ch.commit.hash.slice(0, 10), title: changeTitle(ch), at: toIso(ch.mergedAt),
      value: cycle == null ? null : cycle / HOUR,
      extra: { commits: ch.commitCount, author: ch.commits[0]?.authorName ?? ch.commit.authorName, deploy: deploy == null ? null : deploy / HOUR },
    });
  }
}

/** (v2) A change first released by the history's first release has no deploy phase: that release starts the clock. */
function startsTheClock(history: HistoryIndex, release: ReleasePoint | undefined): boolean {
  return release !== undefined && release === history.firstRelease;
}

const UNIT_ORDER: ChangeUnit[] = ['pull request', 'merge', 'squash', 'commit'];

/**
 * Spec §1 (v2) `changeUnit`: the units the window counted ("merge", "squash", "merge+squash",
 * "commit", "pull request"); a window without changes names the history's.
 */
export function changeUnit(samples: readonly CycleSample[], source: 'github' | 'git'): string {
  if (source === 'github') return 'pull request';
  const seen = new Set<ChangeUnit>();
  for (const s of samples) seen.add(s.unit);
  const units = UNIT_ORDER.filter((u) => seen.has(u));
  return units.length > 0 ? units.join('+') : 'merge+squash';
}

/** How a reason names the changes it looked for. */
export function changesNamed(source: 'github' | 'git', unit: string): string {
  if (source === 'github') return 'merged pull requests';
  return unit === 'commit' ? 'commits on the default branch' : 'merged changes (merge commits or "(#N)" squash commits on the default branch)';
}
