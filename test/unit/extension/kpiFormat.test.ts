import assert from 'node:assert/strict';
import { fixActionsFor, formatChange, formatShort } from '../../../src/shared/kpiFormat';

describe('KPI display format', () => {
  it('offers the action that fixes a missing KPI', () => {
    assert.deepEqual(fixActionsFor('needs Jira: set engineeringKpis.jira.url').map((a) => a.label), ['Connect Jira']);
    assert.deepEqual(fixActionsFor('needs Jira or GitHub issues').map((a) => a.command), ['engineeringKpis.configureJira', 'engineeringKpis.configureGitHub']);
    assert.deepEqual(fixActionsFor('no merged pull requests in window').map((a) => a.label), ['Refresh']);
  });

  it('computes the change against the previous window and skips it when not comparable', () => {
    assert.equal(formatChange(20, 50), '▼60%');
    assert.equal(formatChange(0.3889, 0.0778), '▲400%');
    assert.equal(formatChange(5, 0), undefined);
    assert.equal(formatChange(5, null), undefined);
    assert.equal(formatChange(null, 5), undefined);
  });

  it('prints ratios as percentages and short units for the status bar', () => {
    assert.equal(formatShort({ value: 0.5, unit: 'ratio' }), '50%');
    assert.equal(formatShort({ value: 41.25, unit: 'days' }), '41.3d');
    assert.equal(formatShort({ value: 8, unit: 'defects/KLOC' }), '8/KLOC');
    assert.equal(formatShort({ value: null, unit: 'hours' }), '—');
  });
});
