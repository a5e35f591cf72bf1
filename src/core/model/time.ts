/** Every timestamp in the model is UTC epoch seconds; every duration is seconds. */
export type EpochSeconds = number;

/** A half-open window [since, until). */
export interface Window {
  since: EpochSeconds;
  until: EpochSeconds;
}

/** The window lengths the editor offers, in days. */
export const PRESET_WINDOW_DAYS = [30, 90, 180] as const;
export type PresetDays = (typeof PRESET_WINDOW_DAYS)[number];

/** The default window's length (spec Conventions: the last 90 days), wherever a window is not chosen. */
export const DEFAULT_WINDOW_DAYS: PresetDays = 90;

export function isPresetDays(d: unknown): d is PresetDays {
  return (PRESET_WINDOW_DAYS as readonly unknown[]).includes(d);
}

/** A preset length as given, else the default (a hand-edited setting, a remedy's odd length). */
export function presetDaysOr(d: unknown): PresetDays {
  return isPresetDays(d) ? d : DEFAULT_WINDOW_DAYS;
}

/** The default window: the last DEFAULT_WINDOW_DAYS days ending at `until` (spec Conventions). */
export function defaultWindow(until: EpochSeconds, days: number = DEFAULT_WINDOW_DAYS): Window {
  return { since: until - days * 86_400, until };
}

export function inWindow(t: EpochSeconds | null | undefined, w: Window): boolean {
  return t != null && t >= w.since && t < w.until;
}

/** The previous window of the same length, ending where this one starts. */
export function previousWindow(w: Window): Window {
  return { since: w.since - (w.until - w.since), until: w.since };
}

/** A span whose end is before its start is null, never 0 or negative (spec: Conventions). */
export function span(start: EpochSeconds | null | undefined, end: EpochSeconds | null | undefined): number | null {
  if (start == null || end == null) return null;
  return end >= start ? end - start : null;
}

export function toIso(t: EpochSeconds): string {
  return new Date(t * 1000).toISOString().replace('.000Z', 'Z');
}

/** Parses an ISO-8601 date (with Z, ±hh:mm or ±hhmm offsets, as Jira sends) to epoch seconds. */
export function parseIsoSeconds(s: string | null | undefined): EpochSeconds | null {
  if (!s) return null;
  // Jira writes offsets as +0800; Date.parse wants +08:00.
  const normalized = s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? null : Math.floor(ms / 1000);
}
