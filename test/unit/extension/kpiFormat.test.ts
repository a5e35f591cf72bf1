import assert from 'node:assert/strict';
import type { DrillItem } from '../../../src/core/model/kpi';
import { formatKpiValue } from '../../../src/core/report/formatValue';
import { changeUnitText, formatChange, formatDuration, formatExtras, formatItemValue, formatShort, itemsSummary } from '../../../src/shared/kpiFormat';

describe('KPI display format', () => {
  it('computes the change against the previous window and skips it when not comparable', () => {
    assert.equal(formatChange(20, 50), '▼60%');
    assert.equal(formatChange(0.3889, 0.0778), '▲400%');
    assert.equal(formatChange(5, 0), undefined);
    assert.equal(formatChange(5, null), undefined);
    assert.equal(formatChange(null, 5), undefined);
  });

  it('prints ratios as percentages and short units for the status bar', () => {
    assert.equal(formatShort({ value: 0.5, unit: 'ratio' }), '50.0%');
    assert.equal(formatShort({ value: 41.25, unit: 'days' }), '41.3d');
    assert.equal(formatShort({ value: 8, unit: 'defects/KLOC' }), '8/KLOC');
    assert.equal(formatShort({ value: null, unit: 'hours' }), '—');
  });

  it('prints a ratio the same way as the CLI does (one formatter)', () => {
    for (const value of [0.5, 0.9333, 1, 0, 0.41]) {
      assert.equal(formatShort({ value, unit: 'ratio' }), formatKpiValue({ value, unit: 'ratio' }));
    }
  });

  it('prints durations in hours up to two days, then in days', () => {
    assert.equal(formatDuration(381.93305555555554), '15.9 d');
    assert.equal(formatDuration(47.94), '47.9 h');
    assert.equal(formatDuration(48), '2 d');
    assert.equal(formatDuration(0.5), '0.5 h');
    assert.equal(formatItemValue(36, 'hours'), '36 h');
    assert.equal(formatItemValue(3.5, 'days'), '3.5 d');
    assert.equal(formatItemValue(0.25, 'days'), '6 h');
  });

  it('formats a drill-down item’s extras: durations as h/d, booleans as yes/no, no raw floats', () => {
    const text = formatExtras({ commits: 3, author: 'Ann', deploy: 381.93305555555554, changesTests: true, why: null });
    assert.equal(text, 'commits: 3 · author: Ann · deploy: 15.9 d · changes tests: yes');
    assert.doesNotMatch(formatExtras({ kloc: 0.123456, deploy: 1.23456 }), /\d\.\d{3,}/);
  });

  it('words the cycle-time change unit for people', () => {
    assert.equal(changeUnitText('merge+squash'), 'a change is a merge commit or a squash merge');
    assert.equal(changeUnitText('pull request'), 'a change is a pull request');
  });

  it('says what a drill-down lists, by kind', () => {
    const it = (kind: DrillItem['kind'], id: string): DrillItem => ({ kind, id, title: id });
    assert.equal(itemsSummary([it('commit', 'a'), it('commit', 'b')]), '2 commits');
    assert.equal(itemsSummary([it('file', 'f'), it('module', 'm'), it('module', 'n'), it('commit', 'c')]), '1 file, 2 modules and 1 commit');
    assert.equal(itemsSummary([it('change', 'x')]), '1 merged change');
    // n = 1 of 3 changes (two without a known start): the list says how many n leaves out.
    assert.equal(itemsSummary([it('change', 'x'), it('change', 'y'), it('change', 'z')], 1), '3 merged changes, 2 not counted in n');
    assert.equal(itemsSummary([it('commit', 'a'), it('commit', 'b')], 2), '2 commits');
    // Defect density's list of modules, files and fixes is not its sample of n fixes.
    assert.equal(itemsSummary([it('module', 'm'), it('file', 'f'), it('commit', 'c')], 1), '1 module, 1 file and 1 commit');
  });
});
