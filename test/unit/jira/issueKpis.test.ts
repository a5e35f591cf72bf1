import { strict as assert } from 'node:assert';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { computeEscalations } from '../../../src/core/metrics/escalations/escalations';
import { computeDefectRemovalEfficiency } from '../../../src/core/metrics/testEffectiveness/defectRemovalEfficiency';
import { change, issue, moved, released } from './issueBuilder';

const T0 = Date.UTC(2026, 2, 2) / 1000;
const H = 3600;
const D = 86_400;
const WINDOW = { since: T0, until: T0 + 30 * D };
const NOW = T0 + 40 * D;

describe('Escalations (spec §5)', () => {
  const opts = { ...DEFAULT_OPTIONS, supportProjects: ['SUP'] };
  it('applies all four Jira rules at their first moment; rate, open and time to resolve', () => {
    const issues = [
      issue('AR-1', { createdAt: T0 + H, labels: ['escalated'], resolvedAt: T0 + 2 * D + 10 * H, history: [change(T0 + 2 * D, 'labels', 'ui', 'ui escalated')] }),
      issue('AR-2', { createdAt: T0 + H, status: 'Escalated', history: [moved(T0 + 5 * D, 'To Do', 'Escalated')] }),
      // Raised Medium → Highest on day 1; labelled later: the earlier rule wins.
      issue('AR-3', { createdAt: T0 + H, priority: 'Highest', labels: ['escalation'], resolvedAt: T0 + D + 30 * H, history: [change(T0 + D, 'priority', 'Medium', 'Highest'), change(T0 + 9 * D, 'labels', '', 'escalation')] }),
      // Filed as Blocker: never raised, so not escalated.
      issue('AR-4', { createdAt: T0 + H, priority: 'Blocker' }),
      issue('AR-5', { createdAt: T0 + 3 * D, links: [{ direction: 'inward', type: 'Relates', key: 'SUP-7' }], resolvedAt: T0 + 3 * D + 20 * H }),
      // Escalated before the window and still open: counts in open only.
      issue('AR-6', { createdAt: T0 - 10 * D, labels: ['escalated'], history: [change(T0 - 5 * D, 'labels', null, 'escalated')] }),
      issue('AR-7', { createdAt: T0 + H }),
    ];
    const { kpi, details } = computeEscalations(issues, WINDOW, opts, NOW);
    assert.equal(kpi.value, 4);
    assert.equal(kpi.unit, 'count');
    assert.equal(kpi.source, 'jira');
    assert.equal(kpi.rate, 0.6667); // 4 escalated / 6 created in window
    assert.equal(kpi.open, 2); // AR-2, AR-6
    assert.deepEqual(kpi.timeToResolve, { value: 20, p85: 27, mean: 20, sampleSize: 3, unit: 'hours' }); // 10, 30, 20 h
    assert.deepEqual(Object.fromEntries(details.items.map((i) => [i.id, i.extra?.rule])), { 'AR-1': 'label', 'AR-2': 'status', 'AR-3': 'priority', 'AR-5': 'link' });
  });

  it('GitHub issues use the label rule only', () => {
    const gh = [
      issue('#1', { source: 'github', type: 'Issue', createdAt: T0 + D, labels: ['escalation'] }),
      issue('#2', { source: 'github', type: 'Issue', createdAt: T0 + D, status: 'Escalated', priority: 'Highest', history: [change(T0 + 2 * D, 'priority', 'Low', 'Highest')] }),
    ];
    const { kpi } = computeEscalations(gh, WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, 1);
    assert.equal(kpi.source, 'github');
    assert.equal(kpi.rate, 0.5);
  });

  it('with no issues at all (git alone) it is null with the spec reason', () => {
    const { kpi } = computeEscalations([], WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, null);
    assert.equal(kpi.reason, 'needs Jira or GitHub issues');
  });
});

describe('Defect removal efficiency (spec §6)', () => {
  it('Jira: escaped by affected release, label or Incident type; caught otherwise', () => {
    const issues = [
      issue('AR-1', { type: 'Bug', createdAt: T0 + 5 * D, affectsVersions: [released('1.0', T0 + 2 * D)] }),
      issue('AR-2', { type: 'Bug', createdAt: T0 + D, affectsVersions: [released('1.1', T0 + 3 * D)] }),
      issue('AR-3', { type: 'Bug', createdAt: T0 + D, labels: ['Customer'] }),
      issue('AR-4', { type: 'Incident', createdAt: T0 + D }),
      issue('AR-5', { type: 'Bug', createdAt: T0 + D }),
      issue('AR-6', { type: 'Story', createdAt: T0 + D, labels: ['production'] }),
      issue('AR-7', { type: 'Bug', createdAt: T0 - D }),
    ];
    const { kpi, details } = computeDefectRemovalEfficiency(issues, WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, 0.4); // caught AR-2, AR-5 of 5
    assert.equal(kpi.unit, 'ratio');
    assert.deepEqual([kpi.caught, kpi.escaped, kpi.sampleSize], [2, 3, 5]);
    assert.deepEqual(details.items.map((i) => i.extra?.why), ['affected-release', null, 'label', 'incident', null]);
  });

  it('GitHub: defects by bug label, escaped by label', () => {
    const gh = [
      issue('#1', { source: 'github', type: 'Issue', createdAt: T0 + D, labels: ['bug'] }),
      issue('#2', { source: 'github', type: 'Issue', createdAt: T0 + D, labels: ['bug', 'production'] }),
      issue('#3', { source: 'github', type: 'Issue', createdAt: T0 + D, labels: ['Regression'] }),
      issue('#4', { source: 'github', type: 'Issue', createdAt: T0 + D, labels: ['enhancement'] }),
    ];
    const { kpi } = computeDefectRemovalEfficiency(gh, WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, 0.6667);
    assert.equal(kpi.source, 'github');
  });

  it('no defects in the window is null with a reason, not 0 or 1', () => {
    const { kpi } = computeDefectRemovalEfficiency([issue('AR-1', { createdAt: T0 + D })], WINDOW, DEFAULT_OPTIONS, NOW);
    assert.equal(kpi.value, null);
    assert.equal(kpi.reason, 'no defects created in window');
  });
});
