/**
 * How a window and the one before it read to a person. The previous window is the same length
 * ending where this one starts (core/model/time.ts previousWindow); a dated window names its dates,
 * so a comparison never names the current range as the previous one.
 */
import type { WindowChoice } from './protocol';

const DAY = 86_400_000;

/** The inclusive date range of a half-open window [since, until): the last day is the one before `until`'s instant. */
export function dateRange(since: number, until: number): string {
  return `${isoDate(since)} – ${isoDate(until - 1000)}`;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** "90 days", "2026-05-01 – 2026-08-22", "90 days up to 2026-08-22". */
export function windowName(w: WindowChoice): string {
  if (w.kind === 'days') return `${w.days} days`;
  if (w.kind === 'custom') return `${w.since} – ${w.until}`;
  return `${w.days} days up to ${isoDate(Date.parse(w.until) - 1000)}`;
}

/**
 * The window before the report's: "the previous 90 days" for a window ending now, else its dates and
 * length, "2026-01-08 – 2026-04-30 (the previous 113 days)".
 */
export function previousWindowName(report: { window: { since: string; until: string } }, w: WindowChoice): string {
  const since = Date.parse(report.window.since);
  const until = Date.parse(report.window.until);
  const days = Math.round((until - since) / DAY);
  const length = `the previous ${days} day${days === 1 ? '' : 's'}`;
  if (w.kind === 'days') return length;
  return `${dateRange(since - (until - since), since)} (${length})`;
}

/** The window a report covers, for a file or a heading: "2026-05-01 – 2026-08-22 (114 days)". */
export function reportWindowName(report: { window: { since: string; until: string } }): string {
  const since = Date.parse(report.window.since);
  const until = Date.parse(report.window.until);
  const days = Math.round((until - since) / DAY);
  return `${dateRange(since, until)} (${days} day${days === 1 ? '' : 's'})`;
}
