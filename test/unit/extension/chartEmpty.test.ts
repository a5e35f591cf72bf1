import assert from 'node:assert/strict';
import { chartHasData } from '../../../src/webview/common/chartData';
import { emptyText } from '../../../src/webview/kpis/series';

describe('chart empty states', () => {
  it('draws no grid for bars that are all zero or missing, but draws a line at zero', () => {
    assert.equal(chartHasData({ type: 'bar', labels: ['a', 'b'], series: [{ label: 'n', values: [0, 0] }] }), false);
    assert.equal(chartHasData({ type: 'bar', labels: ['a', 'b'], series: [{ label: 'n', values: [null, 0] }] }), false);
    assert.equal(chartHasData({ type: 'bar', labels: [], series: [] }), false);
    assert.equal(chartHasData({ type: 'bar', labels: ['a'], series: [{ label: 'n', values: [2] }] }), true);
    assert.equal(chartHasData({ type: 'line', labels: ['a', 'b'], series: [{ label: 'rate', values: [0, null] }] }), true);
  });

  it('gives a KPI without a value the card’s reason, and never says "none" under a number', () => {
    assert.equal(emptyText({ value: null, unit: 'ratio', reason: 'no commits in window; the last commit is 2026-08-22' }, 'No bug fixes in this window.'), 'no commits in window; the last commit is 2026-08-22');
    const under = emptyText({ value: 0.9333, unit: 'ratio', sampleSize: 178 }, 'No bug fixes in this window.');
    assert.equal(under, "The card's 93.3% (n = 178) covers the whole window; this source has no weekly series to draw.");
    assert.doesNotMatch(under, /No bug fixes/);
  });
});
