import type { Dataset, SourceStatus } from '../../model/dataset';
import type { Issue } from '../../model/issue';
import type { PullRequest } from '../../model/pullRequest';

/**
 * Which source a KPI reads (spec Conventions): the richest configured one, Jira > GitHub > git.
 * A configured source counts unless it failed before ever delivering data.
 */
function usable<T>(data: T[] | undefined, status: SourceStatus): T[] | undefined {
  return data !== undefined && (status.status !== 'error' || data.length > 0) ? data : undefined;
}

export const jiraIssuesOf = (d: Dataset): Issue[] | undefined => usable(d.jiraIssues, d.sources.jira);
export const githubIssuesOf = (d: Dataset): Issue[] | undefined => usable(d.githubIssues, d.sources.github);
export const pullRequestsOf = (d: Dataset): PullRequest[] | undefined => usable(d.pullRequests, d.sources.github);

/** The issue tracker: Jira's issues, else GitHub's; undefined with neither. */
export function trackerOf(d: Dataset): { source: 'jira' | 'github'; issues: Issue[] } | undefined {
  const jira = jiraIssuesOf(d);
  if (jira) return { source: 'jira', issues: jira };
  const github = githubIssuesOf(d);
  return github ? { source: 'github', issues: github } : undefined;
}
