/**
 * The sprint review command's decisions that need no editor: quick-pick items from the core's
 * period list, what a pick selects, the custom range's validation, and export file names. The
 * vscode side (runSprintReview.ts) only shows these.
 */
import type { PeriodChoice } from '../../core/sprintReview/reviewPeriods';
import type { ReviewSelection, SprintReview } from '../../core/sprintReview/reviewTypes';
import type { ReviewExportFormat } from '../../shared/protocol';

const DAY = 86_400;
/** A review also computes the 5 periods before it; a year is plenty and keeps that bounded. */
export const MAX_CUSTOM_DAYS = 366;

export interface ReviewPickItem {
  label: string;
  description?: string;
  detail?: string;
  choice: PeriodChoice;
}

/** Sprints (active first, then closed newest first, as listReviewPeriods orders them) or date ranges. */
export function reviewPickItems(choices: PeriodChoice[]): ReviewPickItem[] {
  return choices.map((choice) => {
    switch (choice.kind) {
      case 'sprint':
        return { label: choice.label, description: choice.description, choice };
      case 'range':
        return { label: choice.label, description: choice.description, detail: 'Compared with the two periods of the same length before it', choice };
      case 'custom':
        return { label: choice.label, description: 'two dates, UTC, both inclusive', choice };
    }
  });
}

/** What the core reviews for a pick; 'custom' means the dates must be asked for first. */
export function selectionForChoice(choice: PeriodChoice): ReviewSelection | 'custom' {
  if (choice.kind === 'custom') return 'custom';
  if (choice.kind === 'sprint' && choice.sprintId !== undefined) return { sprintId: choice.sprintId };
  if (choice.since !== undefined && choice.until !== undefined) return { since: choice.since, until: choice.until };
  throw new Error(`period "${choice.label}" has no dates`);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayStart(date: string): number | undefined {
  if (!ISO_DATE.test(date)) return undefined;
  const ms = Date.parse(`${date}T00:00:00Z`);
  // Date.parse rolls 2026-02-30 over to March; a real calendar date formats back to itself.
  if (!Number.isFinite(ms) || new Date(ms).toISOString().slice(0, 10) !== date) return undefined;
  return ms / 1000;
}

export function isoDay(epochSeconds: number): string {
  return new Date(epochSeconds * 1000).toISOString().slice(0, 10);
}

/**
 * The input box's validateInput for the start (no `since`) or the end date: undefined when valid,
 * else the message VS Code shows under the box.
 */
export function validateReviewDate(text: string, now: number, since?: string): string | undefined {
  const date = text.trim();
  const start = dayStart(date);
  if (start === undefined) return 'Enter a date as YYYY-MM-DD (UTC), e.g. 2026-09-14';
  if (start > now) return `${date} is in the future`;
  if (since === undefined) return undefined;
  const from = dayStart(since);
  if (from === undefined) return undefined;
  if (start < from) return `The end date must be on or after the start date (${since})`;
  if ((start - from) / DAY + 1 > MAX_CUSTOM_DAYS) return `A review covers at most ${MAX_CUSTOM_DAYS} days`;
  return undefined;
}

/** The selection for two validated dates: from the start of `since` to the end of `until` (inclusive). */
export function customRangeSelection(since: string, until: string, now: number): { since: number; until: number } {
  const s = since.trim();
  const u = until.trim();
  const problem = validateReviewDate(s, now) ?? validateReviewDate(u, now, s);
  if (problem) throw new Error(problem);
  return { since: dayStart(s)!, until: dayStart(u)! + DAY };
}

/** What the two input boxes start with: the last 14 days, today included. */
export function defaultCustomRange(now: number): { since: string; until: string } {
  return { since: isoDay(now - 13 * DAY), until: isoDay(now) };
}

const EXT: Record<ReviewExportFormat, string> = { md: 'md', html: 'html', json: 'json' };

/**
 * e.g. "sprint-review-sprint-3.html" or, for a date range, its first and inclusive last day:
 * "sprint-review-2026-08-09-to-2026-08-22.md". Safe on every file system.
 */
export function reviewFileName(review: Pick<SprintReview, 'period'>, format: ReviewExportFormat): string {
  const p = review.period;
  const slug = p.kind === 'range'
    ? `${p.firstDay}-to-${p.lastDay}`
    : p.name.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'sprint';
  return `sprint-review-${slug}.${EXT[format]}`;
}
