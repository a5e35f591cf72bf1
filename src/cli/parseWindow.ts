import type { Window } from '../core/model/time';

export class UsageError extends Error {}

/** "90d", "12w" or an ISO date/time (a date alone means 00:00 UTC). */
function parseWhen(s: string, relativeTo: number, flag: string): number {
  const rel = /^(\d+)([dw])$/.exec(s);
  if (rel) return relativeTo - Number(rel[1]) * (rel[2] === 'w' ? 7 : 1) * 86_400;
  const ms = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00Z` : s);
  if (Number.isNaN(ms)) throw new UsageError(`${flag} "${s}" is not a date: use an ISO date like 2026-08-24 or a span like 90d`);
  return Math.floor(ms / 1000);
}

export function parseWindow(since: string | undefined, until: string | undefined, now: number): Window {
  const end = until ? parseWhen(until, now, '--until') : now;
  const start = since ? parseWhen(since, end, '--since') : end - 90 * 86_400;
  if (start >= end) throw new UsageError('--since must be before --until');
  return { since: start, until: end };
}
