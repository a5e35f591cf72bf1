import assert from 'node:assert/strict';
import { kpiTable, presentStatus } from '../../../src/extension/statusBar/statusPresentation';
import { sourceBadges } from '../../../src/extension/common/sourceWording';
import type { PartialReport } from '../../../src/core/partialReport';
import { reportWith } from './reportFixture';

/** A first open's partial report: cycle time known, the KPIs that read lines of code or Jira loading. */
function partial(): PartialReport {
  const whole = reportWith({ cycleTime: { value: 6.4, unit: 'hours', source: 'git', sampleSize: 12, previous: 5.8 } });
  return {
    ...whole,
    partial: true,
    pending: ['lines', 'jira'],
    kpis: {
      ...whole.kpis,
      velocity: { loading: true, waitingFor: ['jira'] },
      defectDensity: { loading: true, waitingFor: ['lines', 'jira'] },
      testEffectiveness: { loading: true, waitingFor: ['lines', 'jira'] },
    },
  };
}

describe('status bar while the KPIs arrive (partial report, issue 14)', () => {
  it('shows the chosen KPI as soon as it is known, and the label says how many KPIs are still loading', () => {
    const p = presentStatus({ kind: 'computing' }, partial(), 'cycleTime');
    // (6.4 - 5.8) / 5.8 = +10%
    assert.equal(p.text, '$(sync~spin) 6.4h ▲10%');
    assert.equal(p.label, 'Engineering KPIs: 6.4h ▲10%, 3 KPIs loading');
  });

  it('a chosen KPI that is still loading shows no number (not —, not 0) until it arrives', () => {
    const p = presentStatus({ kind: 'computing' }, partial(), 'defectDensity');
    assert.equal(p.text, '$(sync~spin) KPIs');
    assert.doesNotMatch(p.label, /\d+(\.\d+)?\/KLOC|—/);
  });

  it('the tooltip lists every KPI: values where known, what each loading one waits for, in words', () => {
    const md = kpiTable(partial());
    assert.match(md, /\| Cycle time \| 6\\\.4h ▲10% \| git \|/);
    assert.match(md, /\| Velocity \| … \| _waiting for Jira_ \|/);
    assert.match(md, /\| Defect density \| … \| _waiting for the lines of code at HEAD and Jira_ \|/);
  });

  it('a source the partial report still waits for is shown syncing, not by the status it had before answering', () => {
    const p = partial();
    const jira = sourceBadges(p.sources, false, p.pending).find((b) => b.source === 'jira')!;
    assert.equal(jira.state, 'syncing');
    assert.equal(jira.text, 'Jira syncing: waiting for its answer');
    assert.equal(sourceBadges(p.sources, false, []).find((b) => b.source === 'jira')!.state, 'off');
  });
});
