import assert from 'node:assert/strict';
import { previousWindowName, reportWindowName, windowName } from '../../../src/shared/windowNames';
import { windowFromChoice, type WindowChoice } from '../../../src/shared/protocol';

const reportOf = (w: WindowChoice, now = Date.parse('2026-11-22T10:00:00Z') / 1000) => {
  const { since, until } = windowFromChoice(w, now);
  return { window: { since: new Date(since * 1000).toISOString(), until: new Date(until * 1000).toISOString() } };
};

describe('window names', () => {
  it('names the previous custom window by its own dates, not the current ones', () => {
    const w: WindowChoice = { kind: 'custom', since: '2026-05-01', until: '2026-08-22' };
    // 2026-05-01 – 2026-08-22 inclusive is 114 days; the 114 days before end on 2026-04-30.
    const name = previousWindowName(reportOf(w), w);
    assert.equal(name, '2026-01-07 – 2026-04-30 (the previous 114 days)');
    assert.doesNotMatch(name, /2026-05-01|2026-08-22/);
  });

  it('calls the window before a preset "the previous N days"', () => {
    const w: WindowChoice = { kind: 'days', days: 90 };
    assert.equal(previousWindowName(reportOf(w), w), 'the previous 90 days');
  });

  it('names a window up to the last commit by its last day', () => {
    const w: WindowChoice = { kind: 'upTo', days: 90, until: '2026-08-22T13:05:10.000Z' };
    assert.equal(windowName(w), '90 days up to 2026-08-22');
    assert.equal(reportWindowName(reportOf(w)), '2026-05-24 – 2026-08-22 (90 days)');
    assert.equal(previousWindowName(reportOf(w), w), '2026-02-23 – 2026-05-24 (the previous 90 days)');
  });

  it('shows a custom window as the dates the user chose, inclusive', () => {
    assert.equal(reportWindowName(reportOf({ kind: 'custom', since: '2026-05-01', until: '2026-08-22' })), '2026-05-01 – 2026-08-22 (114 days)');
  });
});
