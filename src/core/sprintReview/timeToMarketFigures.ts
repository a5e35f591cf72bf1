import { computeJiraTimeToMarket } from '../metrics/jiraTimeToMarket';
import { leadTimeForChanges, releasedCommits } from '../metrics/leadTime';
import { countsOf } from './exclusions';
import type { DrillItem } from '../report/details';
import { round4 } from '../metrics/stats';
import { metricContext, type ReviewContext } from './reviewContext';
import type { ReviewPeriod } from './reviewPeriods';
import type { ExcludedItems, PeriodValue, ReleasedItem, TimeToMarketKey } from './reviewTypes';

export interface TimeToMarketPeriod {
  values: Record<TimeToMarketKey, PeriodValue>;
  source: 'jira' | 'git';
  released: ReleasedItem[];
  /** (v2) The items behind the figures' `excluded` counts, for the data-quality list. */
  excluded: ExcludedItems;
}

function released(i: DrillItem): ReleasedItem {
  const rel = i.extra?.release;
  return {
    id: i.id, title: i.title, ...(i.url ? { url: i.url } : {}), releasedAt: i.at ?? '', leadTimeDays: i.value == null ? null : round4(i.value),
    ...(typeof rel === 'string' ? { release: rel } : {}),
  };
}

/** Spec §3: Jira features released in the period (created → release), or git commits that first reached a release in it. */
export function timeToMarketPeriod(rc: ReviewContext, p: ReviewPeriod): TimeToMarketPeriod {
  const out = rc.jira ? computeJiraTimeToMarket(rc.jira, p, rc.options, rc.now) : leadTimeForChanges(metricContext(rc, p), p);
  const items = out.details.items.map(released).sort((a, b) => a.releasedAt.localeCompare(b.releasedAt) || a.id.localeCompare(b.id));
  // (v2) The commits the first release tag released first have no lead time: named for the data-quality list.
  const excluded: ExcludedItems = !rc.jira && out.kpi.excluded?.firstRelease
    ? { firstRelease: releasedCommits(rc.history, p).firstReleased.map((r) => r.commit.hash.slice(0, 10)) }
    : {};
  const counts = countsOf(excluded);
  const median: PeriodValue = out.kpi.value == null ? { value: null, reason: (out.kpi.reason ?? 'nothing released in period').replace(/in window/g, 'in period') } : { value: out.kpi.value };
  return {
    source: rc.jira ? 'jira' : 'git',
    released: items,
    values: {
      releasedItems: { value: items.length },
      leadTimeMedian: counts ? { ...median, excluded: counts } : median,
    },
    excluded,
  };
}
