import type { EpochSeconds } from './time';

export type StatusCategory = 'new' | 'indeterminate' | 'done';

export interface Version {
  name: string;
  released: boolean;
  releaseDate: EpochSeconds | null;
}

/** One changelog item. Status items carry the categories of both ends. */
export interface IssueChange {
  at: EpochSeconds;
  /** 'link': an issue link added (to = the other issue's key) or removed (from = its key). */
  field: 'status' | 'priority' | 'labels' | 'sprint' | 'key' | 'storyPoints' | 'type' | 'link';
  from: string | null;
  to: string | null;
  fromCategory?: StatusCategory;
  toCategory?: StatusCategory;
  /** For 'sprint': the sprint ids before and after (Jira lists them comma-separated). */
  fromIds?: number[];
  toIds?: number[];
}

export interface IssueLink {
  /** 'inward' means the other issue links to this one ("is linked from"). */
  direction: 'inward' | 'outward';
  type: string;
  key: string;
}

/** A Jira issue or a GitHub issue, normalized. GitHub issues have no sprints, points or changelog. */
export interface Issue {
  source: 'jira' | 'github';
  /** ABC-123 for Jira, #12 for GitHub. */
  key: string;
  /** Keys this issue had before moving between projects. */
  previousKeys: string[];
  url: string;
  title: string;
  project: string;
  /** Jira issue type name; GitHub issues: 'Issue'. */
  type: string;
  labels: string[];
  status: string;
  statusCategory: StatusCategory;
  priority: string | null;
  createdAt: EpochSeconds;
  updatedAt: EpochSeconds;
  resolvedAt: EpochSeconds | null;
  /** null when unestimated, never 0 for "no estimate". */
  storyPoints: number | null;
  fixVersions: Version[];
  affectsVersions: Version[];
  sprintIds: number[];
  links: IssueLink[];
  /** Epic or parent key. */
  parentKey: string | null;
  /** Oldest first. */
  history: IssueChange[];
}

export interface Sprint {
  id: number;
  name: string;
  state: 'active' | 'closed' | 'future';
  boardId: number;
  startAt: EpochSeconds | null;
  endAt: EpochSeconds | null;
  completeAt: EpochSeconds | null;
  /** From the sprint report where the site offers it; otherwise rebuilt from the changelog. */
  reportCommittedPoints?: number | null;
  reportCompletedPoints?: number | null;
}
