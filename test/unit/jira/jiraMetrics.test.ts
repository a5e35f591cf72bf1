import { strict as assert } from 'node:assert';
import type { Sprint } from '../../../src/core/model/issue';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { computeJiraVelocity } from '../../../src/core/metrics/velocity/jiraVelocity';
import { computeIssueCycleTime } from '../../../src/core/metrics/cycleTime/issueCycleTime';
import { computeJiraTimeToMarket } from '../../../src/core/metrics/timeToMarket/jiraTimeToMarket';
import { change, issue, moved, released, sprintMove } from './issueBuilder';

const T0 = Date.UTC(2026, 2, 2) / 1000;
const H = 3600;
const D = 86_400;
const WINDOW = { since: T0 - D, until: T0 + 60 * D };
const NOW = T0 + 70 * D;

function sprint(id: number, startAt: number, completeAt: number | null, over: Partial<Sprint> = {}): Sprint {
  return { id, name: `Sprint ${id}`, state: completeAt ? 'closed' : 'active', boardId: 1, startAt, endAt: startAt + 14 * D, completeAt, ...over };
}

describe('Jira velocity (spec §2)', () => {
  it('rebuilds committed at startDate and completed at completeDate from the changelog', () => {
    const start = T0;
    const end = T0 + 14 * D;
    const inBefore = sprintMove(T0 - D, [], [10]);
    const done = (at: number) => moved(at, 'In Progress', 'Done');
    const issues = [
      issue('AR-1', { storyPoints: 3, statusCategory: 'done', sprintIds: [10], history: [inBefore, done(T0 + 5 * D)] }),
      // Not done; carried over to sprint 11 a minute after completion.
      issue('AR-2', { storyPoints: 5, sprintIds: [10, 11], history: [inBefore, sprintMove(end + 60, [10], [10, 11])] }),
      // Added mid-sprint and done: completed, not committed.
      issue('AR-3', { storyPoints: 2, statusCategory: 'done', sprintIds: [10], history: [sprintMove(T0 + 3 * D, [], [10]), done(T0 + 6 * D)] }),
      // Unestimated: counted, never as 0 points.
      issue('AR-4', { storyPoints: null, statusCategory: 'done', sprintIds: [10], history: [inBefore, done(T0 + 2 * D)] }),
      // Removed from the sprint on day 2: committed only.
      issue('AR-5', { storyPoints: 8, sprintIds: [], history: [inBefore, sprintMove(T0 + 2 * D, [10], [])] }),
      // Re-estimated 1 → 4 mid-sprint: committed 1, completed 4.
      issue('AR-6', { storyPoints: 4, statusCategory: 'done', sprintIds: [10], history: [inBefore, change(T0 + 4 * D, 'storyPoints', '1', '4'), done(T0 + 7 * D)] }),
    ];
    const { kpi, details } = computeJiraVelocity(issues, [sprint(10, start, end)], WINDOW, DEFAULT_OPTIONS, NOW);
    // committed 3+5+8+1 = 17; completed 3+2+4 = 9; say/do 9/17 = 0.52941…
    assert.equal(kpi.value, 9);
    assert.equal(kpi.unit, 'points/sprint');
    assert.equal(kpi.source, 'jira');
    assert.equal(kpi.sayDoRatio, 0.5294);
    assert.equal(kpi.unestimated, 1);
    assert.deepEqual(details.items[0]!.extra, { committed: 17, completed: 9, sayDoRatio: 0.5294, unestimated: 1, basis: 'changelog' });
  });

  it('uses the sprint report when present and averages the last 3 sprints closed in the window', () => {
    const sprints = [
      sprint(1, T0 - 40 * D, T0 - 30 * D, { reportCommittedPoints: 99, reportCompletedPoints: 99 }), // closed before the window
      sprint(2, T0, T0 + 14 * D, { reportCommittedPoints: 12, reportCompletedPoints: 10 }),
      sprint(3, T0 + 14 * D, T0 + 28 * D, { reportCommittedPoints: 25, reportCompletedPoints: 20 }),
      sprint(4, T0 + 28 * D, T0 + 42 * D, { reportCommittedPoints: 30, reportCompletedPoints: 30 }),
      sprint(5, T0 + 42 * D, T0 + 56 * D, { reportCommittedPoints: 50, reportCompletedPoints: 40 }),
      sprint(6, T0 + 56 * D, null), // active
    ];
    const { kpi, details } = computeJiraVelocity([], sprints, WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, 30); // (20 + 30 + 40) / 3
    assert.equal(kpi.sampleSize, 3);
    assert.equal(kpi.sayDoRatio, 0.8571); // 90 / 105
    assert.deepEqual(details.series.map((p) => p.values.sayDoRatio), [0.8333, 0.8, 1, 0.8]);
  });

  it('is null with a reason when no sprint closed in the window', () => {
    const { kpi } = computeJiraVelocity([], [sprint(1, T0 + 70 * D, null)], WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, null);
    assert.match(String(kpi.reason), /no sprint/);
  });
});

describe('Jira issue cycle time (spec §1)', () => {
  it('runs from the first In Progress to the last Done; reopened-and-open issues do not count', () => {
    const issues = [
      issue('AR-1', { statusCategory: 'done', history: [moved(T0 + H, 'To Do', 'In Progress'), moved(T0 + 5 * H, 'In Progress', 'Done'), moved(T0 + 10 * H, 'Done', 'Reopened'), moved(T0 + 20 * H, 'Reopened', 'In Progress'), moved(T0 + 30 * H, 'In Progress', 'Done')] }),
      issue('AR-2', { statusCategory: 'done', history: [moved(T0, 'To Do', 'In Progress'), moved(T0 + 10 * H, 'In Progress', 'Done')] }),
      issue('AR-3', { statusCategory: 'new', history: [moved(T0, 'To Do', 'In Progress'), moved(T0 + 2 * H, 'In Progress', 'Done'), moved(T0 + 3 * H, 'Done', 'Reopened')] }),
      issue('AR-4', { statusCategory: 'done', history: [moved(T0 + H, 'To Do', 'Done')] }),
    ];
    const { kpi, details } = computeIssueCycleTime(issues, WINDOW, DEFAULT_OPTIONS, NOW);
    // samples 29 h and 10 h: median 19.5, p85 = 10 + 0.85 × 19 = 26.15
    assert.equal(kpi.value, 19.5);
    assert.equal(kpi.p85, 26.15);
    assert.equal(kpi.sampleSize, 2);
    assert.equal(kpi.unit, 'hours');
    assert.equal(kpi.skippedNeverStarted, 1);
    assert.deepEqual(details.items.map((i) => [i.id, i.value]), [['AR-1', 29], ['AR-2', 10]]);
  });

  it('is null with a reason when nothing finished', () => {
    const { kpi } = computeIssueCycleTime([issue('AR-1')], WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, null);
    assert.ok(kpi.reason);
  });
});

describe('Jira time to market (spec §3)', () => {
  it('created → earliest released fixVersion; epics via their children; bugs ignored', () => {
    const issues = [
      issue('AR-1', { createdAt: T0, fixVersions: [released('2.0', T0 + 10 * D), released('1.9', T0 + 4 * D), { name: '3.0', released: false, releaseDate: T0 + D }] }),
      issue('AR-2', { type: 'Epic', createdAt: T0 }),
      issue('AR-3', { parentKey: 'AR-2', createdAt: T0 + D, fixVersions: [released('1.9', T0 + 6 * D)] }),
      issue('AR-4', { parentKey: 'AR-2', type: 'Task', createdAt: T0 + D, fixVersions: [released('2.0', T0 + 12 * D)] }),
      issue('AR-5', { type: 'Bug', createdAt: T0, fixVersions: [released('1.9', T0 + D)] }),
      issue('AR-6', { createdAt: T0 + 2 * D, fixVersions: [{ name: '4.0', released: false, releaseDate: null }] }),
      issue('AR-7', { createdAt: T0 - 90 * D, fixVersions: [released('0.1', T0 - 30 * D)] }),
    ];
    const { kpi, details } = computeJiraTimeToMarket(issues, WINDOW, DEFAULT_OPTIONS, NOW);
    // Stories AR-1 (4 d), AR-3 (5 d), epic AR-2 (its last child AR-4 at 12 d); AR-4 is a Task.
    assert.deepEqual(details.items.map((i) => [i.id, i.value]), [['AR-1', 4], ['AR-2', 12], ['AR-3', 5]]);
    assert.equal(kpi.value, 5);
    assert.equal(kpi.unit, 'days');
    assert.equal(kpi.unreleased, 1);
  });

  it('an epic with an unreleased child is not released yet', () => {
    const issues = [
      issue('AR-2', { type: 'Epic', createdAt: T0 }),
      issue('AR-3', { parentKey: 'AR-2', type: 'Task', createdAt: T0, fixVersions: [released('1.9', T0 + 6 * D)] }),
      issue('AR-4', { parentKey: 'AR-2', type: 'Task', createdAt: T0 }),
    ];
    const { kpi } = computeJiraTimeToMarket(issues, WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, null);
    assert.equal(kpi.unreleased, 1);
  });
});
