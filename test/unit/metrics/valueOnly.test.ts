import { strict as assert } from 'node:assert';
import { scenarioDataset } from '../../kit/scenarioRepo';
import type { GitFixture } from '../../kit/gitFixture';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { KPIS } from '../../../src/core/metrics/registry';
import { historyOf } from '../../../src/core/metrics/shared/historyOf';
import type { MetricContext } from '../../../src/core/metrics/metricContext';
import type { Dataset } from '../../../src/core/model/dataset';

/**
 * The trend reads the previous window's value alone (`valueOnly`): a variant may skip its
 * drill-down then, but its value must be the one the full computation gives, in every window.
 */
describe('a KPI computed for its value alone has the value of the full computation', () => {
  let repo: GitFixture;
  let dataset: Dataset;

  before(async () => {
    ({ repo, dataset } = await scenarioDataset());
  });
  after(() => repo.remove());

  it('every available variant, over windows with and without changes, fixes and releases', () => {
    const history = historyOf(dataset, DEFAULT_OPTIONS.releaseTagPattern);
    const day = (iso: string) => Date.parse(iso) / 1000;
    const windows = [
      ['2026-09-01', '2026-10-01'], ['2026-08-01', '2026-09-01'], ['2026-07-01', '2026-11-01'],
      ['2026-09-10', '2026-09-20'], ['2025-01-01', '2025-02-01'], ['2020-01-01', '2030-01-01'],
    ].map(([a, b]) => ({ since: day(`${a}T00:00:00Z`), until: day(`${b}T00:00:00Z`) }));
    let compared = 0;
    let withValue = 0;
    for (const window of windows) {
      const ctx: MetricContext = { dataset, history, window, options: DEFAULT_OPTIONS, now: window.until };
      for (const def of KPIS) {
        for (const variant of [...def.variants, ...(def.beside ?? []).map((b) => b.variant)]) {
          if (!variant.available(ctx)) continue;
          const full = variant.compute(ctx).kpi.value;
          assert.deepEqual(variant.compute({ ...ctx, valueOnly: true }).kpi.value, full, `${def.name} (${variant.source}) over ${JSON.stringify(window)}`);
          compared += 1;
          if (full != null) withValue += 1;
        }
      }
    }
    // The scenario has cycle time, lead time, defect density and the regression-test rate in its windows.
    assert.ok(compared >= 24 && withValue >= 8, `${compared} compared, ${withValue} with a value`);
  });
});
