import type { Issue, IssueChange } from '../../model/issue';

/** The parts a GitHub issue has; everything Jira-only (points, versions, sprints, links) is empty. */
export interface GitHubIssueParts {
  number: number;
  url: string;
  title: string;
  project: string;
  labels: string[];
  closed: boolean;
  createdAt: number;
  updatedAt: number;
  closedAt: number | null;
  history: IssueChange[];
}

/** One place that maps a GitHub issue onto the normalized Issue. */
export function githubIssue(p: GitHubIssueParts): Issue {
  return {
    source: 'github',
    key: `#${p.number}`,
    previousKeys: [],
    url: p.url,
    title: p.title,
    project: p.project,
    type: 'Issue',
    labels: p.labels,
    status: p.closed ? 'closed' : 'open',
    statusCategory: p.closed ? 'done' : 'new',
    priority: null,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    resolvedAt: p.closed ? p.closedAt : null,
    storyPoints: null,
    fixVersions: [],
    affectsVersions: [],
    sprintIds: [],
    links: [],
    parentKey: null,
    history: p.history,
  };
}
