import { strict as assert } from 'node:assert';
import { scenarioDataset } from '../../kit/scenarioRepo';
import type { GitFixture } from '../../kit/gitFixture';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { historyOf } from '../../../src/core/metrics/shared/historyOf';
import { inWindow } from '../../../src/core/model/time';
import type { Dataset } from '../../../src/core/model/dataset';

/** The history index's views read its columns; each must answer what a walk over the commit objects answers. */
describe('history index views over the git cache columns', () => {
  let repo: GitFixture;
  let dataset: Dataset;
  before(async () => {
    ({ repo, dataset } = await scenarioDataset());
  });
  after(() => repo.remove());

  it("bugFixesIn(w) is the window's part of bugFixes, in order", () => {
    const h = historyOf(dataset, DEFAULT_OPTIONS.releaseTagPattern);
    assert.ok(h.bugFixes.length >= 2, 'the scenario has fixes');
    const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 1000;
    let seen = 0;
    for (const [a, b] of [['2026-09-01', '2026-10-01'], ['2026-08-01', '2026-09-01'], ['2020-01-01', '2030-01-01'], ['2025-01-01', '2025-01-02']] as const) {
      const w = { since: day(a), until: day(b) };
      const expected = h.bugFixes.filter((c) => inWindow(c.committerDate, w)).map((c) => c.hash);
      assert.deepEqual(h.bugFixesIn(w).map((c) => c.hash), expected);
      seen += expected.length;
    }
    assert.ok(seen > 0);
  });

  it('changeOf finds each change by its commit, and nothing for a commit that delivers none', () => {
    const h = historyOf(dataset, DEFAULT_OPTIONS.releaseTagPattern);
    assert.ok(h.changes.length >= 3);
    for (const ch of h.changes) assert.equal(h.changeOf(ch.commit.hash), ch);
    const delivering = new Set(h.changes.map((ch) => ch.commit.hash));
    const other = h.branchCommits.find((c) => !delivering.has(c.hash));
    assert.ok(other, 'the scenario has branch commits that are no change of their own');
    assert.equal(h.changeOf(other.hash), undefined);
    assert.equal(h.changeOf('0'.repeat(40)), undefined);
  });
});
