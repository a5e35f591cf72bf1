/** Every timestamp in the model is UTC epoch seconds; every duration is seconds. */
export type EpochSeconds = number;

/** A half-open window [since, until). */
export interface Window {
  since: EpochSeconds;
  until: EpochSeconds;
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
