import { computeJiraTimeToMarket } from '../metrics/timeToMarket/jiraTimeToMarket';
import { leadTimeForChanges, releasedCommits } from '../metrics/timeToMarket/leadTime';
import { countsOf } from './exclusions';
import { changeTitle } from '../metrics/shared/changeTitle';
import type { GitChange } from '../metrics/shared/historyIndex';
import type { PullRequest } from '../model/pullRequest';
import { inWindow, toIso } from '../model/time';
import type { DrillItem } from '../model/kpi';
import { round4 } from '../metrics/shared/stats';
import { metricContext, type ReviewContext } from './reviewContext';
import type { ReviewPeriod } from './reviewPeriods';
import type { ExcludedItems, PeriodValue, ReleasedItem, ShippedItem, TimeToMarketKey } from './reviewTypes';

export interface TimeToMarketPeriod {
  values: Record<TimeToMarketKey, PeriodValue>;
  source: 'jira' | 'git';
  released: ReleasedItem[];
  /** (v2) The items behind the figures' `excluded` counts, for the data-quality list. */
  excluded: ExcludedItems;
  /** Newest release first. */
  shipped: ShippedItem[];
}

function released(i: DrillItem): ReleasedItem {
  const rel = i.extra?.release;
  return {
    id: i.id, title: i.title, ...(i.url ? { url: i.url } : {}), releasedAt: i.at ?? '', leadTimeDays: i.value == null ? null : round4(i.value),
    ...(typeof rel === 'string' ? { release: rel } : {}),
  };
}

/** A git change as shipped: the pull request's title and link when GitHub knows it. */
function shippedChange(ch: GitChange, pr: PullRequest | undefined): ShippedItem {
  const rel = ch.release!;
  const n = pr?.number ?? ch.prNumber;
  return {
    kind: n == null ? 'change' : 'pr',
    id: n == null ? ch.commit.hash.slice(0, 10) : `#${n}`,
    title: pr?.title ?? changeTitle(ch),
    ...(pr?.url ? { url: pr.url } : {}),
    releasedAt: toIso(rel.date),
    release: rel.name,
  };
}

/**
 * What reached users in the period from git: each change (merge, squash, PR) whose first release
 * is in it, then the released commits no change brought (pushed straight to the default branch).
 * As lead time for changes, the first release tag starts the clock and ships nothing.
 */
function shippedFromGit(rc: ReviewContext, p: ReviewPeriod): ShippedItem[] {
  const { history } = rc;
  const first = history.firstRelease;
  const prs = rc.dataset.pullRequests ?? [];
  const byNumber = new Map(prs.map((pr) => [pr.number, pr]));
  const bySha = new Map(prs.filter((pr) => pr.mergeCommitSha).map((pr) => [pr.mergeCommitSha!, pr]));
  const covered = new Set<string>();
  const out: ShippedItem[] = [];
  for (const ch of history.changes) {
    if (!ch.release || ch.release === first || !inWindow(ch.release.date, p)) continue;
    out.push(shippedChange(ch, bySha.get(ch.commit.hash) ?? (ch.prNumber == null ? undefined : byNumber.get(ch.prNumber))));
    for (const c of ch.commits) covered.add(c.hash);
  }
  for (const { commit, release } of history.releasedIn(p)) {
    if (release === first || covered.has(commit.hash)) continue;
    out.push({ kind: 'change', id: commit.hash.slice(0, 10), title: commit.subject, releasedAt: toIso(release.date), release: release.name });
  }
  return out;
}

const newestFirst = (a: ShippedItem, b: ShippedItem): number => b.releasedAt.localeCompare(a.releasedAt) || a.id.localeCompare(b.id, 'en', { numeric: true });

/** Spec §3: Jira features released in the period (created → release), or git commits that first reached a release in it. */
export function timeToMarketPeriod(rc: ReviewContext, p: ReviewPeriod): TimeToMarketPeriod {
  const out = rc.jira ? computeJiraTimeToMarket(rc.jira, p, rc.options, rc.now) : leadTimeForChanges(metricContext(rc, p));
  const items = out.details.items.map(released).sort((a, b) => a.releasedAt.localeCompare(b.releasedAt) || a.id.localeCompare(b.id));
  // (v2) The commits the first release tag released first have no lead time: named for the data-quality list.
  const excluded: ExcludedItems = !rc.jira && out.kpi.excluded?.firstRelease
    ? { firstRelease: releasedCommits(rc.history, p).firstReleased.map((r) => r.commit.hash.slice(0, 10)) }
    : {};
  const counts = countsOf(excluded);
  const median: PeriodValue = out.kpi.value == null ? { value: null, reason: (out.kpi.reason ?? 'nothing released in period').replace(/in window/g, 'in period') } : { value: out.kpi.value };
  const shipped = rc.jira
    ? items.map((i): ShippedItem => ({ kind: 'issue', id: i.id, title: i.title, ...(i.url ? { url: i.url } : {}), releasedAt: i.releasedAt, ...(i.release ? { release: i.release } : {}) }))
    : shippedFromGit(rc, p);
  return {
    source: rc.jira ? 'jira' : 'git',
    released: items,
    shipped: shipped.sort(newestFirst),
    values: {
      releasedItems: { value: items.length },
      leadTimeMedian: counts ? { ...median, excluded: counts } : median,
    },
    excluded,
  };
}
