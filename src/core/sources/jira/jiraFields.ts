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
  // Cloud also gives `untranslatedName`: on a site shown in another language "Story point
  // estimate" may be displayed translated, and the English name still finds it.
  const names = (f: Record<string, unknown>): string[] => [str(f.name), str(f.untranslatedName)].filter((n): n is string => n != null).map((n) => n.toLowerCase());
  const byName = (pred: (name: string, custom: string | undefined) => boolean): string[] =>
    list.filter((f) => names(f).some((n) => pred(n, pathStr(f, 'schema', 'custom')))).map((f) => str(f.id) ?? '').filter((id) => id !== '');
  const storyPoints = explicitStoryPoints
    ? [explicitStoryPoints]
    : STORY_POINT_NAMES.flatMap((n) => byName((name) => name === n));
  const sprint = byName((name, custom) => custom === 'com.pyxis.greenhopper.jira:gh-sprint' || name === 'sprint')[0] ?? null;
  const epicLink = byName((name, custom) => custom === 'com.pyxis.greenhopper.jira:gh-epic-link' || name === 'epic link')[0] ?? null;
  return { storyPoints, sprint, epicLink };
}

/**
 * Status id → category, from /rest/api/2/status. Jira's "undefined" category (No Category) counts
 * as new. (v2) By id only: names are translated, renamed and reused, so a name never decides.
 */
export interface StatusCategories {
  byId: Record<string, StatusCategory>;
}

export function toCategory(key: string | undefined): StatusCategory {
  return key === 'done' ? 'done' : key === 'indeterminate' ? 'indeterminate' : 'new';
}

export function readStatuses(raw: unknown): StatusCategories {
  const out: StatusCategories = { byId: {} };
  for (const s of arr(raw).map(obj)) {
    const id = str(s?.id);
    if (id) out.byId[id] = toCategory(pathStr(s, 'statusCategory', 'key'));
  }
  return out;
}
