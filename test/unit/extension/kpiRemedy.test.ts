import assert from 'node:assert/strict';
import { lastCommitRemedy, remediesFor } from '../../../src/shared/kpiRemedy';
import { windowFromChoice } from '../../../src/shared/protocol';
import { reportWith } from './reportFixture';

describe('remedies for a KPI without a value (one mapping for cards and status bar)', () => {
  const stale = () => {
    // The window 2026-08-24 – 2026-11-22 holds no commit: the last one is 2026-08-22 13:05:09.
    const r = reportWith({ velocity: { value: null, unit: 'changes/week', reason: 'no commits in window; the last commit is 2026-08-22' } });
    r.repository.lastCommitAt = '2026-08-22T13:05:09.000Z';
    return r;
  };

  it('offers the 90 days up to one second after the last commit, not Refresh, for a stale repository', () => {
    const r = stale();
    const remedies = remediesFor('velocity', r.kpis.velocity, r, 90);
    assert.equal(remedies.length, 1);
    const [remedy] = remedies;
    assert.equal(remedy!.label, 'Show the 90 days up to the last commit (2026-08-22)');
    assert.ok(remedy!.kind === 'window');
    const w = windowFromChoice(remedy!.window, 0);
    assert.equal(w.until, Date.parse('2026-08-22T13:05:10Z') / 1000);
    assert.equal(w.until - w.since, 90 * 86_400);
    assert.ok(Date.parse(r.repository.lastCommitAt!) / 1000 < w.until, 'the last commit is inside the window');
  });

  it('decides by the last commit’s date, not by the reason’s words', () => {
    const r = stale();
    r.kpis.velocity.reason = 'anything else';
    assert.equal(remediesFor('velocity', r.kpis.velocity, r, 30)[0]?.label, 'Show the 30 days up to the last commit (2026-08-22)');
    r.repository.lastCommitAt = '2026-10-01T00:00:00Z'; // inside the window: the window is not stale
    assert.equal(lastCommitRemedy(r, 90), undefined);
    assert.deepEqual(remediesFor('velocity', r.kpis.velocity, r, 90), []);
    // A window in the past, before the last commit, has commits of its own: no remedy either.
    r.repository.lastCommitAt = '2026-11-28T00:00:00Z';
    r.window = { since: '2026-08-23T00:00:00Z', until: '2026-11-12T00:00:00Z' };
    assert.equal(lastCommitRemedy(r, 90), undefined);
  });

  it('offers nothing (no Refresh) where nothing can change the value', () => {
    const r = reportWith({ cycleTime: { value: null, unit: 'hours', reason: 'no merged changes in window', source: 'git' } });
    r.repository.lastCommitAt = '2026-11-20T00:00:00Z';
    assert.deepEqual(remediesFor('cycleTime', r.kpis.cycleTime, r, 90), []);
    assert.deepEqual(remediesFor('cycleTime', { value: 3, unit: 'hours' }, r, 90), []);
  });

  it('offers the sources an issue-only KPI needs when neither is connected, and only those that are off', () => {
    const r = reportWith({ escalations: { value: null, unit: 'count', reason: 'needs Jira or GitHub issues' } });
    assert.deepEqual(remediesFor('escalations', r.kpis.escalations, r, 90).map((x) => x.kind === 'command' && x.command), ['engineeringKpis.configureJira', 'engineeringKpis.configureGitHub']);
    r.sources.github = { status: 'error', message: 'GitHub: 401' };
    assert.deepEqual(remediesFor('escalations', r.kpis.escalations, r, 90).map((x) => x.label), ['Connect Jira']);
  });

  it('offers GitHub, or fetching the pull request heads, when squash merges left cycle time without a start', () => {
    const r = reportWith({ cycleTime: { value: null, unit: 'hours', source: 'git', changeUnit: 'squash', excluded: { unknownStart: 12 } } });
    assert.deepEqual(remediesFor('cycleTime', r.kpis.cycleTime, r, 90).map((x) => x.label), ['Connect GitHub', 'Fetch Pull Request Heads']);
    // GitHub connected but the git fallback counted (no PRs delivered): the heads still help.
    r.sources.github = { status: 'ok' };
    assert.deepEqual(remediesFor('cycleTime', r.kpis.cycleTime, r, 90).map((x) => x.label), ['Fetch Pull Request Heads']);
    // Pull requests themselves: neither applies.
    const pr = reportWith({ cycleTime: { value: null, unit: 'hours', source: 'github', changeUnit: 'pull request', excluded: { unknownStart: 1 } } });
    pr.sources.github = { status: 'ok' };
    assert.deepEqual(remediesFor('cycleTime', pr.kpis.cycleTime, pr, 90), []);
  });
});
