import { oneLine } from './controlChars';

/**
 * One CSV cell (RFC 4180 quoting) of a string from anywhere. A cell that a spreadsheet would run
 * as a formula (leading =, +, -, @, also after spaces or once controls are gone) gets a leading apostrophe unless it
 * is a plain number, so `=HYPERLINK(…)` in a Jira summary is shown, not executed.
 */
export function csvCell(v: unknown): string {
  let s = v == null ? '' : oneLine(String(v));
  if (/^\s*[=+\-@]/.test(s) && Number.isNaN(Number(s))) s = `'${s}`;
  return /[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
