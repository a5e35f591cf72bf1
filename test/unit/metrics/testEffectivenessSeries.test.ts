import { strict as assert } from 'node:assert';
import { buildScenario } from '../../kit/scenarioRepo';
import { tempDir, type GitFixture } from '../../kit/gitFixture';
import { computeReport, loadDataset } from '../../../src/core/pipeline';
import { DEFAULT_OPTIONS } from '../../../src/core/options';

const t = (iso: string) => Date.parse(iso) / 1000;

describe('test effectiveness (git) has a weekly series from the same bug fixes as its value', () => {
  let repo: GitFixture;
  before(() => {
    repo = buildScenario();
  });
  after(() => repo.remove());

  it('its weeks hold exactly the sample the card counts, and give the same rate over the window', async () => {
    const dataset = await loadDataset({ repoPath: repo.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS });
    const window = { since: t('2026-09-01T00:00:00Z'), until: t('2026-10-01T00:00:00Z') };
    const { report, details } = computeReport(dataset, { window, options: DEFAULT_OPTIONS, now: window.until });
    const kpi = report.kpis.testEffectiveness;
    const series = details.testEffectiveness.series;
    assert.equal(kpi.value, 0.5); // 1 of the 2 fixes (09-15 with a test, 09-16 without)
    const rated = series.filter((p) => p.values.rate !== null);
    assert.ok(series.length >= 4, 'one point per ISO week of the window');
    // Both fixes (Tue 09-15, Wed 09-16) fall in ISO week 2026-W38: that week is the window's 0.5; the others have none.
    assert.deepEqual(rated.map((p) => [p.period, p.values.rate]), [['2026-W38', 0.5]]);
  });
});
