import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { syncJira } from '../../src/core/sources/jira/syncJira';
import { RECONCILE_INTERVAL } from '../../src/core/sources/jira/dropVanishedIssues';
import { FakeJira } from '../../test/kit/fakeJira';
import { fakeIssue, history, sprintChange, transition } from '../../test/kit/fakeJiraData';

/**
 * Sync of 10,000 issues from the local fake Jira (Cloud paging), a warm re-sync with nothing changed,
 * and a re-sync a day later, when the check for deleted issues (10 of them) is due.
 */
export async function benchJira(): Promise<Array<{ name: string; value: string }>> {
  const t0 = Date.UTC(2025, 0, 6) / 1000;
  const issues = Array.from({ length: 10_000 }, (_, i) => {
    const created = t0 + i * 600;
    return fakeIssue({
      id: 100_000 + i, key: `AR-${i + 1}`, created, updated: created + 3 * 86_400, status: 'Done', points: i % 7 === 0 ? null : (i % 8) + 1,
      sprintIds: [1], histories: [
        history(1, created + 3600, [sprintChange([], [1])]),
        history(2, created + 7200, [transition('To Do', 'In Progress')]),
        history(3, created + 3 * 86_400, [transition('In Progress', 'Done')]),
      ],
    });
  });
  const fake = await new FakeJira({ variant: 'cloud', issues }).start();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'kpi-jira-bench-'));
  const cfg = { url: fake.url, project: 'AR', boardId: 1, email: 'me@example.com', token: async () => 'secret-token' };
  try {
    let start = performance.now();
    const cold = await syncJira(cfg, dir, {});
    const coldMs = performance.now() - start;
    start = performance.now();
    const warm = await syncJira(cfg, dir, {});
    const warmMs = performance.now() - start;
    if (cold.issues.length !== 10_000 || warm.issues.length !== 10_000) throw new Error(`jira bench: expected 10,000 issues, got ${cold.issues.length}/${warm.issues.length}`);
    fake.issues = fake.issues.slice(10);
    const dayLater = Math.floor(Date.now() / 1000) + RECONCILE_INTERVAL;
    start = performance.now();
    const daily = await syncJira(cfg, dir, { now: () => dayLater });
    const dailyMs = performance.now() - start;
    if (daily.issues.length !== 9_990) throw new Error(`jira bench: expected 9,990 issues after the deletions check, got ${daily.issues.length}`);
    return [
      { name: 'jira cold sync, 10,000 issues', value: `${(coldMs / 1000).toFixed(2)} s, ${cold.requests} requests` },
      { name: 'jira warm re-sync, nothing changed', value: `${warmMs.toFixed(0)} ms, ${warm.requests} requests` },
      { name: 'jira re-sync a day later (fields + deletions check)', value: `${dailyMs.toFixed(0)} ms, ${daily.requests} requests` },
    ];
  } finally {
    await fake.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchJira().then((rows) => rows.forEach((r) => console.log(`${r.name}: ${r.value}`)));
}
