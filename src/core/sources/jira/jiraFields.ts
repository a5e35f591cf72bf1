import type { StatusCategory } from '../../model/issue';
import { arr, obj, pathStr, str } from './rawJson';

/** Custom-field ids differ per site; they are found by name in /rest/api/2/field. */
export interface FieldIds {
  /** Story-points candidates in order of preference (Cloud sites often carry both names). */
  storyPoints: string[];
  sprint: string | null;
  epicLink: string | null;
}

const STORY_POINT_NAMES = ['story points', 'story point estimate'];

export function discoverFields(rawFields: unknown, explicitStoryPoints: string): FieldIds {
  const list = arr(rawFields).map(obj).filter((f) => f != null);
  const byName = (pred: (name: string, custom: string | undefined) => boolean): string[] =>
    list.filter((f) => pred((str(f.name) ?? '').toLowerCase(), pathStr(f, 'schema', 'custom'))).map((f) => str(f.id) ?? '').filter((id) => id !== '');
  const storyPoints = explicitStoryPoints
    ? [explicitStoryPoints]
    : STORY_POINT_NAMES.flatMap((n) => byName((name) => name === n));
  const sprint = byName((name, custom) => custom === 'com.pyxis.greenhopper.jira:gh-sprint' || name === 'sprint')[0] ?? null;
  const epicLink = byName((name, custom) => custom === 'com.pyxis.greenhopper.jira:gh-epic-link' || name === 'epic link')[0] ?? null;
  return { storyPoints, sprint, epicLink };
}

/** Status id → category, from /rest/api/2/status. Jira's "undefined" category (No Category) counts as new. */
export interface StatusCategories {
  byId: Record<string, StatusCategory>;
  byName: Record<string, StatusCategory>;
}

export function toCategory(key: string | undefined): StatusCategory {
  return key === 'done' ? 'done' : key === 'indeterminate' ? 'indeterminate' : 'new';
}

export function readStatuses(raw: unknown): StatusCategories {
  const out: StatusCategories = { byId: {}, byName: {} };
  for (const s of arr(raw).map(obj)) {
    if (!s) continue;
    const cat = toCategory(pathStr(s, 'statusCategory', 'key'));
    const id = str(s.id);
    const name = str(s.name);
    if (id) out.byId[id] = cat;
    if (name) out.byName[name.toLowerCase()] = cat;
  }
  return out;
}
