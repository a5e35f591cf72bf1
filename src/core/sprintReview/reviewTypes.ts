import type { SourceStatus } from '../model/dataset';
import type { ExcludedCounts, ExcludedKey } from '../report/reportTypes';

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
}

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
}

/** (v2) The items behind a period's `excluded` counts, by rule, for the data-quality list. */
export type ExcludedItems = Partial<Record<ExcludedKey, string[]>>;

export interface ReviewPeriodInfo {
  kind: 'sprint' | 'range';
  /** Sprint id, or "since/until" for a range. */
  id: string;
  name: string;
  since: string;
  until: string;
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
  title: string;
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
    outliers: Outlier[];
  };
  quality: {
    figures: Record<QualityKey, Figure>;
    defectSource: 'jira' | 'github' | 'git';
    hotspots: HotspotFile[];
  };
  escalations: { figures: Record<EscalationKey, Figure>; source: 'jira' | 'github' | null; items: EscalationItem[] };
  timeToMarket: { figures: Record<TimeToMarketKey, Figure>; source: 'jira' | 'git'; released: ReleasedItem[] };
  /** The compared periods' own values, oldest first, for charts. */
  trend: TrendPoint[];
  /** Every gap, in words a team lead can read out. */
  dataQuality: string[];
  /** null unless perPerson was switched on. */
  perPerson: PersonRow[] | null;
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
