import type { Issue } from '../../model/issue';

/** Spec §4 default: a GitHub issue is a defect when a label matches this (case-insensitive). */
export const DEFAULT_BUG_LABEL_PATTERN = '^(bug|defect|regression)$';

export function isBugIssue(issue: Pick<Issue, 'labels'>, pattern: string = DEFAULT_BUG_LABEL_PATTERN): boolean {
  const re = new RegExp(pattern, 'i');
  return issue.labels.some((l) => re.test(l));
}
