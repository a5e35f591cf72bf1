import assert from 'node:assert/strict';
import { escapeMarkdown, kpiTable, kpiText, presentStatus } from '../../../src/extension/statusBar/statusPresentation';
import { reportWith } from './reportFixture';
import { KPIS } from '../../../src/core/metrics/registry';

describe('status bar presentation', () => {
  const report = reportWith({
    cycleTime: { value: 26.4, unit: 'hours', source: 'github', sampleSize: 41, previous: 30 },
    velocity: { value: 2.5, unit: 'changes/week', source: 'git', previous: 2 },
    escalations: { value: null, unit: 'count', reason: 'needs Jira or GitHub issues' },
    testEffectiveness: { value: 0.41, unit: 'ratio', source: 'git' },
  });

  it('shows the median cycle time and its change against the previous window', () => {
    // (26.4 - 30) / 30 = -12%
    assert.equal(kpiText(report, 'cycleTime'), '$(clock) 26.4h ▼12%');
  });

  it('follows the KPI chosen in settings', () => {
    // (2.5 - 2) / 2 = +25%
    assert.equal(kpiText(report, 'velocity'), '$(rocket) 2.5/wk ▲25%');
    assert.equal(kpiText(report, 'testEffectiveness'), '$(beaker) 41.0%');
  });

  it('shows a dash, not zero, for a KPI without a value', () => {
    assert.equal(kpiText(report, 'escalations'), '$(flame) —');
  });

  it('lists every KPI of the registry with its source or reason in the tooltip', () => {
    const md = kpiTable(report);
    assert.equal(md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| KPI')).length, KPIS.length);
    assert.match(md, /\| Cycle time \| 26\\\.4h ▼12% \| github \|/);
    assert.match(md, /\| Escalations \| — {2}\| _needs Jira or GitHub issues_ \|/);
    assert.match(md, /last 90 days/);
  });

  it('gives every state its own text and click target', () => {
    assert.equal(presentStatus({ kind: 'restricted' }, undefined, 'cycleTime').command, 'workbench.trust.manage');
    assert.match(presentStatus({ kind: 'restricted' }, undefined, 'cycleTime').text, /Restricted/);
    assert.match(presentStatus({ kind: 'noRepository' }, undefined, 'cycleTime').text, /no repository/);
    const err = presentStatus({ kind: 'error', message: 'git not found' }, undefined, 'cycleTime');
    assert.equal(err.command, 'engineeringKpis.showLog');
    assert.equal(err.tone, 'error');
    assert.match(presentStatus({ kind: 'computing' }, undefined, 'cycleTime').text, /sync~spin/);
    const stale = presentStatus({ kind: 'stale', since: '2026-11-20T08:30:00Z' }, report, 'cycleTime');
    assert.match(stale.tooltip, /cached data from 2026\\-11\\-20 08:30 UTC/);
    const limited = presentStatus({ kind: 'rateLimited', until: '2026-11-22T11:00:00Z' }, report, 'cycleTime');
    assert.match(limited.tooltip, /retrying after 2026\\-11\\-22 11:00 UTC/);
    assert.equal(presentStatus({ kind: 'ready' }, report, 'cycleTime').command, 'engineeringKpis.openPanel');
  });

  it('shows no value for a ready or stale state that has no report yet, rather than inventing one', () => {
    assert.match(presentStatus({ kind: 'ready' }, undefined, 'cycleTime').text, /^\$\(sync~spin\) KPIs$/);
    assert.match(presentStatus({ kind: 'stale', since: '2026-11-20T08:30:00Z' }, undefined, 'cycleTime').text, /^\$\(sync~spin\) KPIs$/);
  });

  it('escapes Markdown in strings it did not write', () => {
    assert.equal(escapeMarkdown('[x](command:evil)'), '\\[x\\]\\(command:evil\\)');
    const err = presentStatus({ kind: 'error', message: '[click](command:workbench.action.quit)' }, undefined, 'cycleTime');
    assert.ok(!err.tooltip.includes('[click](command:'), err.tooltip);
  });

  it('lists what each KPI left out in the CLI\'s words, and the same remedies as the cards', () => {
    const r = reportWith({ cycleTime: { value: 30, unit: 'hours', source: 'git', changeUnit: 'squash', excluded: { unknownStart: 566, bots: 2 } } });
    r.repository.lastCommitAt = '2026-08-22T13:05:09Z';
    const md = kpiTable(r).replace(/\\/g, ''); // read as rendered: without Markdown's escapes
    assert.match(md, /Cycle time: 2 items by bots or excluded authors were left out/);
    assert.match(md, /Cycle time: 566 squash merges have no known start/);
    assert.match(md, /\*\*In the panel:\*\* Show the 90 days up to the last commit \(2026-08-22\)/);
    assert.doesNotMatch(md, /Refresh/);
  });
});
