import type { Issue } from '../../model/issue';
import { safePattern } from '../../util/safePattern';

/** A GitHub issue is a bug when one of its labels matches the bugLabelPattern option (case-insensitive). */
export function isBugIssue(issue: Pick<Issue, 'labels'>, pattern: string): boolean {
  const re = safePattern(pattern, { ignoreCase: true, setting: 'bugLabelPattern' });
  return issue.labels.some((l) => re.test(l));
}
