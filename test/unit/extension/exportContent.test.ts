import assert from 'node:assert/strict';
import { EXPORT_FORMATS, exportFileName } from '../../../src/extension/commands/exportContent';
import { reportWith } from './reportFixture';

describe('Export Report content', () => {
  // A custom window 2026-05-01 – 2026-08-22 (inclusive): [05-01, 08-23).
  const report = reportWith({ cycleTime: { value: 26.4, unit: 'hours', source: 'git', sampleSize: 4 } });
  report.window = { since: '2026-05-01T00:00:00.000Z', until: '2026-08-23T00:00:00.000Z' };
  const render = (ext: string) => EXPORT_FORMATS.find((f) => f.ext === ext)!.render(report, '2026-05-01 – 2026-08-22');

  it('names the file by the window’s first and last day', () => {
    assert.equal(exportFileName(report, 'md'), 'kpi-report-2026-05-01-to-2026-08-22.md');
  });

  it('says which window it is inside each format', () => {
    assert.match(render('md'), /^# Engineering KPIs\n\nWindow: 2026-05-01 – 2026-08-22, 2026-05-01 – 2026-08-22 \(114 days\)\n/);
    assert.deepEqual(JSON.parse(render('json')).window, report.window);
    assert.match(render('csv'), /cycleTime,26\.4,hours,git,4,,,2026-05-01T00:00:00\.000Z,2026-08-23T00:00:00\.000Z/);
  });

  it('exports the numbers of the report it is given (the panel’s), not another window’s', () => {
    assert.equal(JSON.parse(render('json')).kpis.cycleTime.value, 26.4);
    assert.match(render('md'), /\| Cycle time \| 26\.4 hours \|/);
  });
});
