/**
 * Builders for Jira payloads in the shapes the real APIs send (see ../shared/peer-data/go-jira/):
 * issue fields with custom-field ids, status objects with statusCategory, changelog histories
 * whose items carry from/to ids and fromString/toString names, and dates with ±hhmm offsets.
 */
export type RawJson = Record<string, unknown>;

export const SP_FIELD = 'customfield_10105';
export const SPRINT_FIELD = 'customfield_10020';
export const EPIC_FIELD = 'customfield_10014';

export const STATUSES = [
  { id: '1', name: 'To Do', category: 'new' },
  { id: '3', name: 'In Progress', category: 'indeterminate' },
  { id: '10100', name: 'In Review', category: 'indeterminate' },
  { id: '10001', name: 'Done', category: 'done' },
  { id: '4', name: 'Reopened', category: 'new' },
  { id: '10200', name: 'Escalated', category: 'indeterminate' },
  { id: '6', name: 'Closed', category: 'done' },
] as const;

const CATEGORY_NAMES: Record<string, [number, string]> = { new: [2, 'To Do'], indeterminate: [4, 'In Progress'], done: [3, 'Done'] };

export function statusJson(name: string): RawJson {
  const s = STATUSES.find((x) => x.name === name);
  if (!s) throw new Error(`unknown fake status ${name}`);
  const [catId, catName] = CATEGORY_NAMES[s.category]!;
  return { self: `/rest/api/2/status/${s.id}`, id: s.id, name: s.name, statusCategory: { id: catId, key: s.category, name: catName } };
}

export function statusListJson(): RawJson[] {
  return STATUSES.map((s) => statusJson(s.name));
}

export function fieldListJson(storyPointsName: string | null): RawJson[] {
  const list: RawJson[] = [
    { id: 'summary', key: 'summary', name: 'Summary', custom: false, schema: { type: 'string', system: 'summary' } },
    { id: SPRINT_FIELD, key: SPRINT_FIELD, name: 'Sprint', custom: true, schema: { type: 'array', items: 'string', custom: 'com.pyxis.greenhopper.jira:gh-sprint', customId: 10020 } },
    { id: EPIC_FIELD, key: EPIC_FIELD, name: 'Epic Link', custom: true, schema: { type: 'any', custom: 'com.pyxis.greenhopper.jira:gh-epic-link', customId: 10014 } },
  ];
  if (storyPointsName) list.push({ id: SP_FIELD, key: SP_FIELD, name: storyPointsName, custom: true, schema: { type: 'number', custom: 'com.atlassian.jira.plugin.system.customfieldtypes:float', customId: 10105 } });
  return list;
}

/** Jira's own date format: millisecond precision and a ±hhmm offset. */
export function jiraDate(epochSeconds: number, offsetMinutes = 0): string {
  const local = new Date((epochSeconds + offsetMinutes * 60) * 1000).toISOString().replace('Z', '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

export interface HistoryItem {
  field: string;
  fieldId?: string;
  from?: string | null;
  fromString?: string | null;
  to?: string | null;
  toString?: string | null;
}

export function history(id: number, at: number, items: HistoryItem[], offsetMinutes = 0): RawJson {
  return {
    id: String(id),
    author: { name: 'someone', displayName: 'Some One' },
    created: jiraDate(at, offsetMinutes),
    items: items.map((i) => ({ fieldtype: i.fieldId?.startsWith('customfield') ? 'custom' : 'jira', from: null, to: null, fromString: null, toString: null, ...i })),
  };
}

/** A status transition item, with the ids Jira puts in from/to. */
export function transition(from: string, to: string): HistoryItem {
  const id = (n: string): string => STATUSES.find((s) => s.name === n)?.id ?? '0';
  return { field: 'status', fieldId: 'status', from: id(from), fromString: from, to: id(to), toString: to };
}

/**
 * A status item with explicit ids, for a status the site's list may no longer have (a workflow
 * status deleted after issues passed through it): Jira keeps the old id and name in the changelog.
 */
export function statusMove(fromId: string, fromName: string, toId: string, toName: string): HistoryItem {
  return { field: 'status', fieldId: 'status', from: fromId, fromString: fromName, to: toId, toString: toName };
}

/** The resolution item Jira writes in the same entry as a transition that sets or clears it. */
export function resolutionChange(to: { id: string; name: string } | null, from: { id: string; name: string } | null = null): HistoryItem {
  return { field: 'resolution', fieldId: 'resolution', from: from?.id ?? null, fromString: from?.name ?? null, to: to?.id ?? null, toString: to?.name ?? null };
}

export const FIXED = { id: '10000', name: 'Done' };

/**
 * An issue type as the issue's `issuetype` field carries it. Cloud adds `untranslatedName` (the
 * English name) beside the displayed, possibly translated `name`; Server/Data Center sends none.
 */
export function issueType(id: string, name: string, opts: { untranslatedName?: string; subtask?: boolean; hierarchyLevel?: number } = {}): RawJson {
  return {
    self: `/rest/api/2/issuetype/${id}`, id, description: '', iconUrl: `/images/icons/issuetypes/${id}.svg`, name,
    ...(opts.untranslatedName ? { untranslatedName: opts.untranslatedName } : {}),
    subtask: opts.subtask ?? false, avatarId: 10300, ...(opts.hierarchyLevel != null ? { hierarchyLevel: opts.hierarchyLevel } : {}),
  };
}

export function sprintChange(fromIds: number[], toIds: number[]): HistoryItem {
  return { field: 'Sprint', fieldId: SPRINT_FIELD, from: fromIds.join(', '), fromString: fromIds.map((i) => `Sprint ${i}`).join(', '), to: toIds.join(', '), toString: toIds.map((i) => `Sprint ${i}`).join(', ') };
}

export interface FakeIssueSpec {
  id: number;
  key: string;
  type?: string;
  /** The whole issuetype object (id, translated name, untranslatedName, subtask); overrides `type`. */
  issueType?: RawJson;
  created: number;
  updated?: number;
  status?: string;
  /** A number, or what a misconfigured field holds: a select option ({ value: '?' }) or text. */
  points?: number | null | string | RawJson;
  parentKey?: string;
  sprintIds?: number[];
  labels?: string[];
  priority?: string;
  resolved?: number | null;
  fixVersions?: RawJson[];
  versions?: RawJson[];
  links?: RawJson[];
  epicKey?: string;
  histories?: RawJson[];
  /** Offset used when writing this issue's dates (minutes east of UTC). */
  offsetMinutes?: number;
}

/** One issue as search returns it, with the complete changelog (the fake truncates it like Jira does). */
export function fakeIssue(spec: FakeIssueSpec): RawJson {
  const off = spec.offsetMinutes ?? 0;
  const fields: RawJson = {
    summary: `Issue ${spec.key}`,
    issuetype: spec.issueType ?? { id: '10001', name: spec.type ?? 'Story', subtask: false },
    project: { id: '10000', key: spec.key.replace(/-\d+$/, ''), name: 'Project' },
    labels: spec.labels ?? [],
    status: statusJson(spec.status ?? 'To Do'),
    priority: { id: '3', name: spec.priority ?? 'Medium' },
    created: jiraDate(spec.created, off),
    updated: jiraDate(spec.updated ?? spec.created, off),
    resolution: spec.resolved != null ? { self: `/rest/api/2/resolution/${FIXED.id}`, ...FIXED, description: '' } : null,
    resolutiondate: spec.resolved != null ? jiraDate(spec.resolved, off) : null,
    fixVersions: spec.fixVersions ?? [],
    versions: spec.versions ?? [],
    issuelinks: spec.links ?? [],
    [SPRINT_FIELD]: spec.sprintIds?.length ? spec.sprintIds.map((id) => ({ id, name: `Sprint ${id}`, state: 'closed', boardId: 1 })) : null,
    [EPIC_FIELD]: spec.epicKey ?? null,
    ...(spec.parentKey ? { parent: { id: '0', key: spec.parentKey, fields: { summary: `Issue ${spec.parentKey}` } } } : {}),
  };
  if (spec.points !== undefined) fields[SP_FIELD] = spec.points;
  return {
    expand: 'operations,versionedRepresentations,editmeta,changelog,renderedFields',
    id: String(spec.id),
    self: `/rest/api/2/issue/${spec.id}`,
    key: spec.key,
    fields,
    changelog: { startAt: 0, maxResults: spec.histories?.length ?? 0, total: spec.histories?.length ?? 0, histories: spec.histories ?? [] },
  };
}

export function version(name: string, releaseDate: string | null, released = releaseDate != null): RawJson {
  return { self: `/rest/api/2/version/${name}`, id: name, name, archived: false, released, ...(releaseDate ? { releaseDate } : {}) };
}

export function sprintJson(id: number, state: 'closed' | 'active' | 'future', start: number | null, end: number | null, complete: number | null): RawJson {
  return {
    id, self: `/rest/agile/1.0/sprint/${id}`, state, name: `Sprint ${id}`, originBoardId: 1,
    ...(start != null ? { startDate: jiraDate(start, -420) } : {}),
    ...(end != null ? { endDate: jiraDate(end, -420) } : {}),
    ...(complete != null ? { completeDate: jiraDate(complete, -420) } : {}),
  };
}
