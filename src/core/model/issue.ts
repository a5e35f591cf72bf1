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
  /**
   * (v2) Status items only: an end names a status id the site's status list no longer has, so its
   * category was inferred from the resolution at that moment (spec §2, statuses of unknown category).
   */
  unknownStatus?: true;
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
  /** Jira issue type name as the site displays it (maybe translated); GitHub issues: 'Issue'. */
  type: string;
  /** (v2) Jira issue type id and, where the API gives it, its untranslated (English) name. */
  typeId?: string;
  typeUntranslated?: string;
  /** (v2) The issue type has `subtask: true`. */
  subtask?: boolean;
  labels: string[];
  status: string;
  statusCategory: StatusCategory;
  priority: string | null;
  createdAt: EpochSeconds;
  updatedAt: EpochSeconds;
  resolvedAt: EpochSeconds | null;
  /** null when unestimated (or the estimate is invalid), never 0 for "no estimate". */
  storyPoints: number | null;
  /** (v2) The story-points field holds something that is not an estimate (negative, not a number). */
  storyPointsInvalid?: boolean;
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

/** An estimate as read from a field value or a changelog string; invalid ones are unestimated too. */
export interface Estimate {
  points: number | null;
  invalid: boolean;
}

/**
 * Spec §2 (v2): empty is unestimated; a negative value or one that is not a number (a text or
 * select field chosen as story points, "XL") is an invalid estimate. Changelogs carry numbers as
 * text ("5", "2.5"), so numeric text is a number.
 */
export function readEstimate(value: unknown): Estimate {
  if (value == null || (typeof value === 'string' && value.trim() === '')) return { points: null, invalid: false };
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  return Number.isFinite(n) && n >= 0 ? { points: n, invalid: false } : { points: null, invalid: true };
}

/**
 * Spec §2 (v2), type names in any language: a configured type name matches an issue type by its
 * id, its untranslated name or its displayed name (case-insensitive), so `"Story"` also finds
 * 故事 on a site shown in Chinese where the API gives the untranslated name.
 */
export function typeMatches(issue: Issue, names: readonly string[]): boolean {
  const same = (a: string | undefined, b: string): boolean => a != null && a !== '' && a.toLowerCase() === b;
  return names.some((n) => {
    const want = n.toLowerCase();
    return same(issue.type, want) || same(issue.typeUntranslated, want) || same(issue.typeId, want);
  });
}
