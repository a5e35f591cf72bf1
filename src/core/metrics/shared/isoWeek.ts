import type { EpochSeconds } from '../../model/time';
import { DAY } from './stats';

/** ISO-8601 week label ("2026-W07") and the Monday 00:00 UTC it starts on. */
export function isoWeek(t: EpochSeconds): { label: string; start: EpochSeconds } {
  const d = new Date(t * 1000);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const monday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day) / 1000;
  // The ISO year is the year of the week's Thursday.
  const thursday = new Date((monday + 3 * DAY) * 1000);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1) / 1000;
  const week = Math.floor((monday + 3 * DAY - jan1) / DAY / 7) + 1;
  return { label: `${year}-W${String(week).padStart(2, '0')}`, start: monday };
}

/** Every ISO week that overlaps [since, until), oldest first. */
export function weeksOf(since: EpochSeconds, until: EpochSeconds): Array<{ label: string; start: EpochSeconds }> {
  const out: Array<{ label: string; start: EpochSeconds }> = [];
  for (let w = isoWeek(since).start; w < until; w += 7 * DAY) out.push(isoWeek(w));
  return out;
}

/**
 * Items grouped by the ISO week they fall in, one entry per week of [since, until) (empty weeks
 * included), in one pass: the weekly series of every KPI come from here.
 */
export function byIsoWeek<T>(since: EpochSeconds, until: EpochSeconds, items: readonly T[], at: (item: T) => EpochSeconds): Array<{ label: string; start: EpochSeconds; items: T[] }> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const label = isoWeek(at(item)).label;
    let g = groups.get(label);
    if (!g) groups.set(label, (g = []));
    g.push(item);
  }
  return weeksOf(since, until).map((w) => ({ ...w, items: groups.get(w.label) ?? [] }));
}
