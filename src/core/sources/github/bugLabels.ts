import type { Issue } from '../../model/issue';
import { builtInPattern, safePattern } from '../../util/safePattern';

/** Spec §4 default: a GitHub issue is a defect when a label matches this (case-insensitive). */
export const DEFAULT_BUG_LABEL_PATTERN = builtInPattern('^(bug|defect|regression)$');

export function isBugIssue(issue: Pick<Issue, 'labels'>, pattern: string = DEFAULT_BUG_LABEL_PATTERN): boolean {
  const re = safePattern(pattern, { ignoreCase: true, setting: 'bugLabelPattern' });
  return issue.labels.some((l) => re.test(l));
}
