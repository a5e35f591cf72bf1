import { mkdtemp, rm } from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { syncGitHub } from '../../src/core/sources/github/syncGitHub';
import { FakeGitHub } from '../../test/kit/fakeGitHub';
import { manyMergedPrs } from '../../test/kit/fakeGitHubData';
import { computeReport } from '../../src/core/metrics/computeKpis';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import type { Dataset } from '../../src/core/model/dataset';

/**
 * GitHub sync against the local fake with 5,000 merged PRs: a cold sync, a warm re-sync with
 * nothing changed, and an offline load from cache. Budgets (issue 3): the first 1,000 PRs in ≤ 30
 * requests (so 5,000 in ≤ 150), a re-sync in ≤ 2.
 */
export async function benchGitHub(): Promise<Array<{ name: string; value: string }>> {
  const fake = new FakeGitHub({ prs: manyMergedPrs(5000, Date.UTC(2025, 0, 1) / 1000) });
  await fake.start();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'kpi-ghbench-'));
  const cfg = { owner: fake.owner, name: fake.name, apiUrl: fake.url, token: async () => fake.token, bugLabelPattern: DEFAULT_OPTIONS.bugLabelPattern };
  try {
    const t0 = performance.now();
    const cold = await syncGitHub(cfg, dir, {});
    const t1 = performance.now();
    const warm = await syncGitHub(cfg, dir, {});
    const t2 = performance.now();
    const offline = await syncGitHub({ ...cfg, offline: true }, dir, {});
    const t3 = performance.now();
    // Cycle time recomputed from the cached PRs (the bar: ≤ 200 ms for 5,000 PRs), cache read included.
    const t4 = performance.now();
    const cached = await syncGitHub({ ...cfg, offline: true }, dir, {});
    const dataset: Dataset = {
      repo: { path: dir, defaultBranch: 'main', head: '', shallow: false, detached: false },
      commits: [], tip: '', tags: [], kloc: { files: [], sourceLines: 0, testLines: 0, leftOut: [] },
      pullRequests: cached.pullRequests, githubIssues: cached.issues, releases: cached.releases,
      sources: { git: { status: 'ok' }, github: cached.status, jira: { status: 'off' } }, warnings: [],
    };
    const now = Math.max(...cached.pullRequests.map((p) => p.mergedAt ?? 0)) + 1;
    const { report } = computeReport(dataset, { window: { since: now - 3 * 365 * 86_400, until: now }, options: DEFAULT_OPTIONS, now });
    const t5 = performance.now();
    if (cold.status.status !== 'ok' || warm.status.status !== 'ok') throw new Error(`GitHub bench sync failed: ${cold.status.message} / ${warm.status.message}`);
    const ms = (a: number, b: number) => `${Math.round(b - a)} ms`;
    return [
      { name: 'github cold sync 5,000 PRs: requests (budget ≤ 150)', value: String(cold.requests) },
      { name: 'github cold sync 5,000 PRs: wall time', value: ms(t0, t1) },
      { name: 'github warm re-sync, nothing changed: requests (budget ≤ 2)', value: String(warm.requests) },
      { name: 'github warm re-sync: wall time', value: ms(t1, t2) },
      { name: `github load ${offline.pullRequests.length} PRs from cache (offline)`, value: ms(t2, t3) },
      { name: `cycle time recomputed from cache, ${report.kpis.cycleTime.sampleSize} PRs (bar ≤ 200 ms)`, value: ms(t4, t5) },
    ];
  } finally {
    await fake.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchGitHub().then((rows) => rows.forEach((r) => console.log(`${r.name}: ${r.value}`)));
}
