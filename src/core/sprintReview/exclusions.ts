import { EXCLUDED_KEYS, excludedCounts, type ExcludedCounts, type KpiResult } from '../model/kpi';
import { EXCLUSION_SENTENCES, NEUTRAL_EXCLUSION_WORDS } from '../report/exclusionNotes';
import type { ExcludedItems } from './reviewTypes';

/** A figure's `excluded` counts, as a KPI's: rules that left nothing out are omitted, and an empty object too. */
export function countsOf(items: ExcludedItems): ExcludedCounts | undefined {
  return excludedCounts(Object.fromEntries(Object.entries(items).map(([rule, keys]) => [rule, keys.length])));
}

/** The items of several figures, each item once per rule. */
export function mergeItems(...parts: ExcludedItems[]): ExcludedItems {
  const out: ExcludedItems = {};
  for (const key of EXCLUDED_KEYS) {
    const keys = new Set(parts.flatMap((p) => p[key] ?? []));
    if (keys.size) out[key] = [...keys].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  }
  return out;
}

const SHOWN = 5;
/** The Jira rules' sentences read no KPI field; only cycle time's unknown start looks at the unit. */
const NO_KPI: KpiResult = { value: null, unit: 'count' };

/**
 * One data-quality line per rule that fired, naming up to 5 of its items (spec Conventions, v2), in
 * the words the CLI prints under its KPI table (with a remedy worded for either host: the review is
 * read in both).
 */
export function exclusionNotes(items: ExcludedItems): string[] {
  const notes: string[] = [];
  for (const key of EXCLUDED_KEYS) {
    const keys = items[key] ?? [];
    if (keys.length === 0) continue;
    const named = keys.slice(0, SHOWN).join(', ') + (keys.length > SHOWN ? ` and ${keys.length - SHOWN} more` : '');
    notes.push(`${EXCLUSION_SENTENCES[key](keys.length, NO_KPI, NEUTRAL_EXCLUSION_WORDS)} (${named})`);
  }
  return notes;
}
