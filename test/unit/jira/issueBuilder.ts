import type { Issue, IssueChange, Version } from '../../../src/core/model/issue';

/** A typed model Issue for metric tests: everything defaulted, nothing estimated unless said. */
export function issue(key: string, over: Partial<Issue> = {}): Issue {
  return {
    source: 'jira', key, previousKeys: [], url: `https://jira.example/browse/${key}`, title: `Title ${key}`,
    project: key.replace(/-\d+$/, ''), type: 'Story', labels: [], status: 'To Do', statusCategory: 'new', priority: 'Medium',
    createdAt: 0, updatedAt: 0, resolvedAt: null, storyPoints: null, fixVersions: [], affectsVersions: [], sprintIds: [],
    links: [], parentKey: null, history: [], ...over,
  };
}

const CATEGORY: Record<string, 'new' | 'indeterminate' | 'done'> = { 'To Do': 'new', 'In Progress': 'indeterminate', Done: 'done', Reopened: 'new', Escalated: 'indeterminate' };

export function moved(at: number, from: string, to: string): IssueChange {
  return { at, field: 'status', from, to, fromCategory: CATEGORY[from], toCategory: CATEGORY[to] };
}

export function sprintMove(at: number, fromIds: number[], toIds: number[]): IssueChange {
  return { at, field: 'sprint', from: fromIds.join(', '), to: toIds.join(', '), fromIds, toIds };
}

export function change(at: number, field: IssueChange['field'], from: string | null, to: string | null): IssueChange {
  return { at, field, from, to };
}

export function released(name: string, at: number): Version {
  return { name, released: true, releaseDate: at };
}
