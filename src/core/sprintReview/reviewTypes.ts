import type { SourceStatus } from '../model/dataset';
import type { ExcludedCounts, ExcludedKey } from '../model/kpi';

/** What a figure counts in. Durations are shown in hours (flow, escalations) or days (time to market). */
export type FigureUnit = 'points' | 'ratio' | 'count' | 'hours' | 'days';

/** up/down compares this period with the previous one; whether that is good depends on the figure. */
export type Direction = 'up' | 'down' | 'same';

/** One number of the review: this period, the previous one, the mean of the last 3 and the direction. */
export interface Figure {
  value: number | null;
  unit: FigureUnit;
  previous: number | null;
  /** Mean over this period and the two before it, of those where the figure exists. */
  meanLast3: number | null;
  /** How many of the last 3 periods had a value (the mean's divisor). */
  meanOver: number;
  direction: Direction | null;
  /** Set whenever value is null: a review must never show a silent gap. */
  reason?: string;
  /** (v2) This period's count of items per rule that left them out or inferred something (as the KPIs'). */
  excluded?: ExcludedCounts;
  /** Set when value is null because a source is missing: any of these would give it. Renderers list it once per source (`missing`), not as a row. */
  needs?: MissingSourceName[];
}

/** The sources whose absence takes figures out of a review (git is always there). */
export type MissingSourceName = 'jira' | 'github';

/** One line per missing source: what it would add, by section, in display order. */
export interface MissingSource {
  source: MissingSourceName;
  status: SourceStatus['status'];
  /** Section → row labels; a section whose every row is here is left out of the tables. */
  figures: Array<{ section: string; labels: string[]; whole: boolean }>;
}

/** The host's words for adding a source (CLI: flags and environment; editor: its commands). */
export type SourceAdvice = Partial<Record<MissingSourceName, string>>;

/** A list cut to its first entries for people; the rest are counted. */
export const LIST_LIMIT = 10;
/** What shipped is the list a lead reads out: a longer cut. */
export const SHIPPED_LIMIT = 20;

export type DeliveryKey =
  | 'committedPoints' | 'completedPoints' | 'sayDoRatio' | 'carryOverIssues' | 'carryOverPoints'
  | 'scopeAddedIssues' | 'scopeAddedPoints' | 'scopeRemovedIssues' | 'scopeRemovedPoints'
  | 'unestimatedIssues' | 'throughput';
export type FlowKey =
  | 'cycleTimeMedian' | 'cycleTimeP85' | 'codingMedian' | 'pickupMedian' | 'reviewMedian' | 'deployMedian'
  | 'outliers' | 'issueCycleTimeMedian';
export type QualityKey = 'defectsCreated' | 'defectsFixed' | 'defectsEscaped' | 'defectRemovalEfficiency' | 'regressionTestRate' | 'hotspotFilesChanged';
export type EscalationKey = 'opened' | 'resolved' | 'stillOpen' | 'timeToResolveMedian';
export type TimeToMarketKey = 'releasedItems' | 'leadTimeMedian';
export type FigureKey = DeliveryKey | FlowKey | QualityKey | EscalationKey | TimeToMarketKey;

/** A figure for one period before comparison. */
export interface PeriodValue {
  value: number | null;
  reason?: string;
  excluded?: ExcludedCounts;
  needs?: MissingSourceName[];
}

/** (v2) The items behind a period's `excluded` counts, by rule, for the data-quality list. */
export type ExcludedItems = Partial<Record<ExcludedKey, string[]>>;

export interface ReviewPeriodInfo {
  kind: 'sprint' | 'range';
  /** Sprint id, or "since/until" for a range. */
  id: string;
  name: string;
  /** Half-open [since, until), as computed. */
  since: string;
  until: string;
  /** The first and the inclusive last UTC day: a period ending at 00:00 ends the day before. */
  firstDay: string;
  lastDay: string;
  /** As a person reads it: whole UTC days as "first → last (UTC, both days included)", else both instants. */
  dates: string;
  /** Sprints only. */
  state?: 'active' | 'closed' | 'future';
}

/** Strings here come from Jira/GitHub/git: renderers must escape them. */
export interface ReviewIssue {
  key: string;
  title: string;
  url: string;
  points: number | null;
  status: string;
}

export type CyclePhase = 'coding' | 'pickup' | 'review';

export interface Outlier {
  id: string;
  /** The PR's title; for a git merge the merged branch's subject, not "Merge pull request #N from …". */
  title: string;
  /** The pull request on GitHub, when known. */
  url?: string;
  mergedAt: string;
  cycleHours: number;
  /** The largest of coding/pickup/review; null for git changes, which have no phases. */
  slowestPhase: CyclePhase | null;
  phaseHours: { coding: number | null; pickup: number | null; review: number | null; deploy: number | null };
}

export interface HotspotFile {
  path: string;
  /** Defects whose fix touched the file in the 90 days ending with the period. */
  defects: number;
  /** Those defects per KLOC of the file at HEAD. */
  density: number | null;
  /** Commits of the period that changed the file. */
  commitsInPeriod: number;
}

export interface ReleasedItem {
  id: string;
  title: string;
  url?: string;
  releasedAt: string;
  leadTimeDays: number | null;
  release?: string;
}

/** What shipped in the period: Jira issues released, or the changes (PRs) that reached a release. */
export interface ShippedItem {
  kind: 'issue' | 'pr' | 'change';
  /** "AR-4", "#57" or a commit hash (10 characters). */
  id: string;
  title: string;
  url?: string;
  releasedAt: string;
  /** The release (git tag or Jira version) that shipped it. */
  release?: string;
}

export interface EscalationItem {
  key: string;
  title: string;
  url: string;
  escalatedAt: string;
  rule: string;
  resolvedAt: string | null;
  hoursToResolve: number | null;
}

/** Per-person rows: only with the explicit opt-in (ReviewOptions.perPerson). */
export interface PersonRow {
  person: string;
  mergedChanges: number;
  cycleTimeMedianHours: number | null;
}

export interface SprintReview {
  schemaVersion: 1;
  kind: 'sprintReview';
  generatedAt: string;
  repository: { path: string; defaultBranch: string; head: string };
  period: ReviewPeriodInfo;
  /** The earlier periods the comparison used, newest first (previous, then the one before). */
  comparedWith: ReviewPeriodInfo[];
  sources: { git: SourceStatus; github: SourceStatus; jira: SourceStatus };
  delivery: {
    figures: Record<DeliveryKey, Figure>;
    /** 'report': Jira's velocity chart; 'changelog': rebuilt from the Sprint field's history; null outside sprints. */
    pointsBasis: 'report' | 'changelog' | null;
    throughputSource: 'github' | 'git';
    carryOver: ReviewIssue[];
    scopeAdded: ReviewIssue[];
    scopeRemoved: ReviewIssue[];
    unestimated: ReviewIssue[];
  };
  flow: {
    figures: Record<FlowKey, Figure>;
    source: 'github' | 'git';
    /** p85 cycle time (hours) of the previous 3 periods' changes; PRs above it are outliers. */
    outlierThresholdHours: number | null;
    outlierThresholdReason?: string;
    /** The first LIST_LIMIT outliers, slowest first; `outliersMore` counts the rest. */
    outliers: Outlier[];
    outliersMore: number;
    /** Why the outlier list is empty (no threshold, or nothing over it); absent when it has rows. */
    outliersNote?: string;
  };
  quality: {
    figures: Record<QualityKey, Figure>;
    defectSource: 'jira' | 'github' | 'git';
    /** The first LIST_LIMIT hotspot files, ranked; `hotspotsMore` counts the rest (the figure has the total). */
    hotspots: HotspotFile[];
    hotspotsMore: number;
  };
  escalations: { figures: Record<EscalationKey, Figure>; source: 'jira' | 'github' | null; items: EscalationItem[] };
  timeToMarket: {
    figures: Record<TimeToMarketKey, Figure>;
    source: 'jira' | 'git';
    /** Every item behind the lead time (Jira issues, or git commits). */
    released: ReleasedItem[];
    /** What shipped, for people: the first LIST_LIMIT, newest release first; `shippedMore` counts the rest. */
    shipped: ShippedItem[];
    shippedMore: number;
  };
  /** Sources whose absence takes figures out of this review, one entry per source. */
  missing: MissingSource[];
  /** The three charts, each with its data or the reason it is empty. */
  charts: ReviewChart[];
  /** The compared periods' own values, oldest first, for charts. */
  trend: TrendPoint[];
  /** Every gap, in words a team lead can read out. */
  dataQuality: string[];
  /** null unless perPerson was switched on. */
  perPerson: PersonRow[] | null;
}

export interface ReviewChart {
  id: 'review-delivery' | 'review-cycle' | 'review-phases';
  title: string;
  type: 'bar' | 'line';
  unit: string;
  horizontal?: boolean;
  labels: string[];
  series: Array<{ label: string; values: Array<number | null> }>;
  /** Why there is nothing to draw (every value missing or 0); null when the chart has data. */
  empty: string | null;
}

export interface TrendPoint {
  name: string;
  since: string;
  until: string;
  values: Record<FigureKey, number | null>;
}

export interface ReviewOptions {
  /** Per-person numbers; off by default (see docs/metrics.md, "Sprint review"). */
  perPerson: boolean;
}

export const DEFAULT_REVIEW_OPTIONS: ReviewOptions = { perPerson: false };

export type ReviewSelection = { sprintId: number } | { since: number; until: number };
