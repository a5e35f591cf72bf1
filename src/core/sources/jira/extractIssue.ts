import { readEstimate, type Estimate, type Issue, type IssueChange, type IssueLink, type Version } from '../../model/issue';
import { parseIsoSeconds, type EpochSeconds } from '../../model/time';
import { toCategory, type FieldIds, type StatusCategories } from './jiraFields';
import { arr, num, obj, pathStr, str, type Json } from './rawJson';
import { moveCategories, type ResolutionMove, type StatusMove } from './unknownStatus';

export interface ExtractContext {
  baseUrl: string;
  fields: FieldIds;
  statuses: StatusCategories;
}

/** The fields the search asks for: only what the model needs keeps pages small. */
export function searchFields(f: FieldIds): string[] {
  return [
    'summary', 'issuetype', 'project', 'labels', 'status', 'priority', 'created', 'updated', 'resolutiondate',
    'fixVersions', 'versions', 'issuelinks', 'parent',
    ...f.storyPoints, ...(f.sprint ? [f.sprint] : []), ...(f.epicLink ? [f.epicLink] : []),
  ];
}

/** Turns one search-result issue plus its complete changelog histories into the model's Issue. */
export function extractIssue(raw: Json, histories: unknown[], ctx: ExtractContext): Issue {
  const f = obj(raw.fields) ?? {};
  const key = str(raw.key) ?? '';
  const statusName = pathStr(f, 'status', 'name') ?? '';
  const statusCategory = toCategory(pathStr(f, 'status', 'statusCategory', 'key'));
  const createdAt = parseIsoSeconds(str(f.created)) ?? 0;
  const resolvedAt = parseIsoSeconds(str(f.resolutiondate));
  const history = extractHistory(histories, ctx, { createdAt, resolvedAt });
  const estimate = storyPoints(f, ctx.fields);
  const typeId = pathStr(f, 'issuetype', 'id');
  const typeUntranslated = pathStr(f, 'issuetype', 'untranslatedName');
  return {
    source: 'jira',
    key,
    previousKeys: history.filter((c) => c.field === 'key' && c.from).map((c) => c.from as string),
    url: `${ctx.baseUrl.replace(/\/+$/, '')}/browse/${key}`,
    title: str(f.summary) ?? '',
    project: pathStr(f, 'project', 'key') ?? key.replace(/-\d+$/, ''),
    type: pathStr(f, 'issuetype', 'name') ?? '',
    ...(typeId ? { typeId } : {}),
    ...(typeUntranslated ? { typeUntranslated } : {}),
    ...(obj(f.issuetype)?.subtask === true ? { subtask: true } : {}),
    labels: arr(f.labels).map(str).filter((l): l is string => l != null),
    status: statusName,
    statusCategory,
    priority: pathStr(f, 'priority', 'name') ?? null,
    createdAt,
    updatedAt: parseIsoSeconds(str(f.updated)) ?? createdAt,
    resolvedAt,
    storyPoints: estimate.points,
    ...(estimate.invalid ? { storyPointsInvalid: true } : {}),
    fixVersions: arr(f.fixVersions).map(version).filter((v): v is Version => v != null),
    affectsVersions: arr(f.versions).map(version).filter((v): v is Version => v != null),
    sprintIds: ctx.fields.sprint ? sprintIdsOf(f[ctx.fields.sprint]) : [],
    links: arr(f.issuelinks).map(link).filter((l): l is IssueLink => l != null),
    parentKey: pathStr(f, 'parent', 'key') ?? (ctx.fields.epicLink ? str(f[ctx.fields.epicLink]) ?? null : null),
    history,
  };
}

/**
 * The first candidate field that holds anything; a field holding 0 is a real estimate of 0. A
 * select-list field sends its option ({ value: "5" }), whose value is the estimate.
 */
function storyPoints(f: Json, ids: FieldIds): Estimate {
  for (const id of ids.storyPoints) {
    const option = obj(f[id]);
    const e = readEstimate(option && 'value' in option ? option.value : f[id]);
    if (e.points != null || e.invalid) return e;
  }
  return { points: null, invalid: false };
}

function version(x: unknown): Version | null {
  const v = obj(x);
  const name = str(v?.name);
  if (!v || !name) return null;
  return { name, released: v.released === true, releaseDate: parseIsoSeconds(str(v.releaseDate)) };
}

function link(x: unknown): IssueLink | null {
  const l = obj(x);
  if (!l) return null;
  const type = pathStr(l, 'type', 'name') ?? '';
  const inward = pathStr(l, 'inwardIssue', 'key');
  if (inward) return { direction: 'inward', type, key: inward };
  const outward = pathStr(l, 'outwardIssue', 'key');
  return outward ? { direction: 'outward', type, key: outward } : null;
}

/** Cloud and newer Server send sprint objects; older Server sends strings like "...Sprint@1a[id=12,name=...]". */
export function sprintIdsOf(value: unknown): number[] {
  const ids: number[] = [];
  for (const s of arr(value)) {
    const id = num(obj(s)?.id) ?? Number(/\bid=(\d+)/.exec(str(s) ?? '')?.[1] ?? NaN);
    if (Number.isFinite(id)) ids.push(id);
  }
  return ids;
}

function idList(s: string | null): number[] {
  return (s ?? '').split(',').map((x) => Number(x.trim())).filter((x) => x > 0 && Number.isInteger(x));
}

/**
 * Changelog histories → the model's changes, oldest first. Fields the KPIs do not use are dropped.
 * Status categories come from the status list by id; ids it no longer has get the category the
 * resolution implies (spec §2, v2), which needs the whole history first.
 */
export function extractHistory(histories: unknown[], ctx: ExtractContext, issue: { createdAt: EpochSeconds; resolvedAt: EpochSeconds | null }): IssueChange[] {
  const out: IssueChange[] = [];
  const statusMoves: Array<{ change: IssueChange; move: StatusMove }> = [];
  const resolutions: ResolutionMove[] = [];
  const spIds = new Set(ctx.fields.storyPoints);
  for (const h of histories.map(obj)) {
    const at = parseIsoSeconds(str(h?.created));
    if (!h || at == null) continue;
    for (const item of arr(h.items).map(obj)) {
      if (!item) continue;
      const field = (str(item.field) ?? '').toLowerCase();
      const fieldId = str(item.fieldId) ?? '';
      const from = str(item.fromString) ?? null;
      const to = str(item.toString) ?? null;
      const change = (name: IssueChange['field']): IssueChange => ({ at, field: name, from, to });
      if (field === 'status') {
        const c = change('status');
        statusMoves.push({ change: c, move: { at, fromId: str(item.from), toId: str(item.to) } });
        out.push(c);
      } else if (field === 'resolution') resolutions.push({ at, from: str(item.from) ?? null, to: str(item.to) ?? null });
      else if (field === 'priority') out.push(change('priority'));
      else if (field === 'labels') out.push(change('labels'));
      else if (field === 'key') out.push(change('key'));
      else if (field === 'issuetype') out.push(change('type'));
      else if (field === 'link') out.push({ ...change('link'), from: str(item.from) ?? null, to: str(item.to) ?? null });
      else if (field === 'sprint' || (ctx.fields.sprint != null && fieldId === ctx.fields.sprint)) {
        out.push({ ...change('sprint'), fromIds: idList(str(item.from) ?? null), toIds: idList(str(item.to) ?? null) });
      } else if (spIds.has(fieldId) || field === 'story points' || field === 'story point estimate') {
        out.push(change('storyPoints'));
      }
    }
  }
  const byTime = <T extends { at: number }>(a: T, b: T): number => a.at - b.at;
  statusMoves.sort((a, b) => byTime(a.move, b.move));
  resolutions.sort(byTime);
  const categories = moveCategories(statusMoves.map((s) => s.move), resolutions, ctx.statuses.byId, issue);
  statusMoves.forEach(({ change }, k) => {
    const c = categories[k]!;
    change.fromCategory = c.from;
    change.toCategory = c.to;
    if (c.unknown) change.unknownStatus = true;
  });
  return out.sort(byTime);
}
