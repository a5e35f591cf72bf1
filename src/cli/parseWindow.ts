import { defaultWindow, type Window } from '../core/model/time';
import type { WindowSpec } from '../core/pipelineTypes';

export class UsageError extends Error {}

/** `--until last-commit` (spec v2): the window ends one second after the default branch's last commit. */
export const UNTIL_LAST_COMMIT = 'last-commit';

const SPAN = /^(\d+)([dw])$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/;
/** The earliest and latest instants a window may touch: git's epoch and the year 9999. */
const EARLIEST = 0;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59) / 1000;

/** Literal words a flag accepts besides dates and spans, each resolved by the caller to epoch seconds. */
export type WhenKeywords = Record<string, number>;

/** True when the calendar has that day (2026-02-30 does not) and the clock that time. */
function realDate(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && t.getUTCHours() === h && t.getUTCMinutes() === mi && t.getUTCSeconds() === s;
}

/**
 * "90d", "12w", an ISO date (00:00 UTC) or an ISO date-time (UTC unless it carries an offset), or
 * one of the caller's keywords. Anything else (an empty value, "1", "2026-02-30", a span that
 * reaches before 1970) is a usage error that says what is accepted.
 */
export function parseWhen(s: string, relativeTo: number, flag: string, keywords: WhenKeywords = {}): number {
  const words = Object.keys(keywords);
  const accepted = `use an ISO date like 2026-08-24, a date-time like 2026-08-24T09:30Z or a span like 90d${words.length ? ` or ${words.join(', ')}` : ''}`;
  const fail = (why: string): never => {
    throw new UsageError(`${flag} ${JSON.stringify(s)} ${why}: ${accepted}`);
  };
  if (Object.hasOwn(keywords, s)) return keywords[s]!;
  let at: number;
  const span = SPAN.exec(s);
  const date = DATE.exec(s);
  const dateTime = DATE_TIME.exec(s);
  if (span) {
    at = relativeTo - Number(span[1]) * (span[2] === 'w' ? 7 : 1) * 86_400;
  } else if (date || dateTime) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', zone] = (dateTime ?? date)!;
    if (!realDate(+y!, +mo!, +d!, +h, +mi, +sec)) fail('is not a real date and time');
    at = Math.floor(Date.parse(dateTime ? (zone ? s : `${s}Z`) : `${s}T00:00:00Z`) / 1000);
  } else {
    return fail(s === '' ? 'is empty' : 'is not a date');
  }
  if (!(at >= EARLIEST && at <= LATEST)) fail('is out of range (1970 to 9999)');
  return at;
}

function windowEnding(since: string | undefined, end: number): Window {
  const start = since !== undefined ? parseWhen(since, end, '--since') : defaultWindow(end).since;
  if (start >= end) throw new UsageError('--since must be before --until');
  return { since: start, until: end };
}

/**
 * The window of --since/--until. With `--until last-commit` the end is known only once the history
 * is read, so the answer is a function of the last commit's committer date (--since is checked now).
 */
export function parseWindow(since: string | undefined, until: string | undefined, now: number, untilKeywords: WhenKeywords = {}): WindowSpec {
  if (until === UNTIL_LAST_COMMIT) {
    if (since !== undefined) parseWhen(since, now, '--since');
    // One second after it, so that the last commit is inside the half-open window.
    return (lastCommitAt) => windowEnding(since, lastCommitAt + 1);
  }
  return windowEnding(since, until !== undefined ? untilWhen(until, now, untilKeywords) : now);
}

/** --until also takes `last-commit`: a refused value says so. */
function untilWhen(until: string, now: number, keywords: WhenKeywords): number {
  try {
    return parseWhen(until, now, '--until', keywords);
  } catch (e) {
    if (e instanceof UsageError) throw new UsageError(`${e.message}, or ${UNTIL_LAST_COMMIT}`);
    throw e;
  }
}
