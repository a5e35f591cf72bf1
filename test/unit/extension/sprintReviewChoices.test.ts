import assert from 'node:assert/strict';
import type { Dataset } from '../../../src/core/model/dataset';
import type { Sprint } from '../../../src/core/model/issue';
import { listReviewPeriods, periodInfo, resolvePeriods } from '../../../src/core/sprintReview/reviewPeriods';
import {
  customRangeSelection, defaultCustomRange, MAX_CUSTOM_DAYS, reviewFileName, reviewPickItems, selectionForChoice, validateReviewDate,
} from '../../../src/extension/sprintReview/sprintReviewChoices';

const at = (iso: string): number => Date.parse(iso) / 1000;
const NOW = at('2026-11-22T10:00:00Z'); // a Sunday
const sprint = (id: number, name: string, state: Sprint['state'], start: string | null, complete: string | null): Sprint => ({
  id, name, state, boardId: 7, startAt: start ? at(start) : null, endAt: null, completeAt: complete ? at(complete) : null,
});
/** listReviewPeriods reads only the sprints. */
const withSprints = (sprints: Sprint[] | undefined): Dataset => ({ sprints } as unknown as Dataset);

describe('sprint review quick pick (host logic without the editor)', () => {
  it('lists the active sprint first, then closed sprints newest first; future sprints are not offered', () => {
    const items = reviewPickItems(listReviewPeriods(withSprints([
      sprint(1, 'Sprint 1', 'closed', '2026-10-05T00:00:00Z', '2026-10-19T00:00:00Z'),
      sprint(3, 'Sprint 3', 'closed', '2026-11-02T00:00:00Z', '2026-11-16T00:00:00Z'),
      sprint(4, 'Sprint 4', 'active', '2026-11-16T00:00:00Z', null),
      sprint(2, 'Sprint 2', 'closed', '2026-10-19T00:00:00Z', '2026-11-02T00:00:00Z'),
      sprint(5, 'Sprint 5', 'future', null, null),
    ]), NOW));
    assert.deepEqual(items.map((i) => i.label), ['Sprint 4', 'Sprint 3', 'Sprint 2', 'Sprint 1']);
    assert.equal(items[0]!.description, 'active · 2026-11-16 → 2026-11-22');
    assert.equal(items[1]!.description, 'closed · 2026-11-02 → 2026-11-15', 'the inclusive last day: the sprint closed at 11-16 00:00');
    assert.deepEqual(selectionForChoice(items[1]!.choice), { sprintId: 3 });
  });

  it('without sprints offers the last 14 days, the last full ISO two-week period and a custom range', () => {
    const items = reviewPickItems(listReviewPeriods(withSprints(undefined), NOW));
    assert.deepEqual(items.map((i) => i.label), ['Last 14 days', 'Last full ISO two-week period', 'Custom range…']);
    assert.deepEqual(selectionForChoice(items[0]!.choice), { since: NOW - 14 * 86_400, until: NOW });
    // The ISO week of Sunday 2026-11-22 starts Monday 11-16: the two full weeks before are 11-02 .. 11-16.
    assert.deepEqual(selectionForChoice(items[1]!.choice), { since: at('2026-11-02T00:00:00Z'), until: at('2026-11-16T00:00:00Z') });
    assert.equal(items[1]!.description, '2026-W45 + 2026-W46');
    assert.equal(selectionForChoice(items[2]!.choice), 'custom');
  });

  it('validates the custom start date: format, calendar, not in the future', () => {
    assert.equal(validateReviewDate('2026-11-01', NOW), undefined);
    assert.equal(validateReviewDate(' 2026-11-22 ', NOW), undefined, 'today is allowed and spaces are trimmed');
    assert.match(validateReviewDate('2026-11-1', NOW)!, /YYYY-MM-DD/);
    assert.match(validateReviewDate('01/11/2026', NOW)!, /YYYY-MM-DD/);
    assert.match(validateReviewDate('2026-02-30', NOW)!, /YYYY-MM-DD/, 'February 30 is not rolled over to March');
    assert.match(validateReviewDate('', NOW)!, /YYYY-MM-DD/);
    assert.equal(validateReviewDate('2026-11-23', NOW), '2026-11-23 is in the future');
  });

  it('validates the custom end date against the start: not before it, and at most a year long', () => {
    assert.equal(validateReviewDate('2026-11-01', NOW, '2026-11-01'), undefined, 'a one-day range');
    assert.equal(validateReviewDate('2026-10-31', NOW, '2026-11-01'), 'The end date must be on or after the start date (2026-11-01)');
    assert.equal(validateReviewDate('2026-11-20', NOW, '2025-11-20'), undefined, '366 days, both ends inclusive');
    assert.equal(validateReviewDate('2026-11-21', NOW, '2025-11-20'), `A review covers at most ${MAX_CUSTOM_DAYS} days`);
  });

  it('a custom range runs from the start of the first day to the end of the last (inclusive)', () => {
    assert.deepEqual(customRangeSelection('2026-11-02', '2026-11-15', NOW), { since: at('2026-11-02T00:00:00Z'), until: at('2026-11-16T00:00:00Z') });
    assert.throws(() => customRangeSelection('2026-11-15', '2026-11-02', NOW), /on or after/);
    assert.deepEqual(defaultCustomRange(NOW), { since: '2026-11-09', until: '2026-11-22' });
  });

  it('a custom range typed as 2026-08-09 … 2026-08-22 is named, shown and saved by the days typed (the window stays half-open)', () => {
    const now = at('2026-09-01T00:00:00Z');
    const sel = customRangeSelection('2026-08-09', '2026-08-22', now);
    assert.equal(sel.until, at('2026-08-23T00:00:00Z'), 'internally [08-09, 08-23)');
    const info = periodInfo(resolvePeriods({} as Dataset, sel, now, 1)[0]!); // a range reads nothing from the dataset
    assert.deepEqual([info.name, info.firstDay, info.lastDay, info.dates], ['2026-08-09 → 2026-08-22', '2026-08-09', '2026-08-22', '2026-08-09 → 2026-08-22 (UTC, both days included)']);
    assert.equal(reviewFileName({ period: info }, 'md'), 'sprint-review-2026-08-09-to-2026-08-22.md');
    assert.equal(reviewFileName({ period: info }, 'html'), 'sprint-review-2026-08-09-to-2026-08-22.html');
    assert.equal(reviewFileName({ period: info }, 'json'), 'sprint-review-2026-08-09-to-2026-08-22.json');
  });

  it('a sprint export is named by the sprint, safe on every file system', () => {
    const sprint = (name: string) => ({ period: { kind: 'sprint' as const, id: 'x', name, since: '', until: '', firstDay: '', lastDay: '', dates: '' } });
    assert.equal(reviewFileName(sprint('Sprint 3: "Apollo" <b>/..\\'), 'json'), 'sprint-review-sprint-3-apollo-b.json');
    assert.equal(reviewFileName(sprint('→→'), 'md'), 'sprint-review-sprint.md');
  });
});
