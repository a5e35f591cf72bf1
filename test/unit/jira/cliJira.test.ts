import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { FakeJira } from '../../kit/fakeJira';
import { fakeIssue, history, sprintChange, sprintJson, transition } from '../../kit/fakeJiraData';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';

const at = (s: string): number => Date.parse(s) / 1000;

interface JsonReport {
  sources: { jira: { status: string; message?: string } };
  kpis: { velocity: { value: number | null; unit: string; source?: string; sayDoRatio?: number | null } };
}

describe('CLI report with Jira (fake Jira Server on 127.0.0.1)', () => {
  let fake: FakeJira;
  let repo: GitFixture;
  let cache: string;
  before(async () => {
    const start = at('2026-09-01T00:00:00Z');
    const complete = at('2026-09-15T00:00:00Z');
    const inSprint = history(1, start - 86_400, [sprintChange([], [10])]);
    fake = await new FakeJira({
      variant: 'server',
      sprints: [sprintJson(10, 'closed', start, complete, complete)],
      issues: [
        fakeIssue({ id: 1, key: 'AR-1', created: start - 2 * 86_400, status: 'Done', points: 5, sprintIds: [10], histories: [inSprint, history(2, start + 4 * 86_400, [transition('To Do', 'Done')])] }),
        fakeIssue({ id: 2, key: 'AR-2', created: start - 2 * 86_400, points: 3, sprintIds: [10], histories: [inSprint] }),
      ],
    }).start();
    repo = GitFixture.init();
    repo.commit('initial', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-08-01T00:00:00Z' });
    cache = tempDir('ekpi-jiracli-');
  });
  after(async () => {
    await fake.stop();
    repo.remove();
    rmSync(cache, { recursive: true, force: true });
  });

  it('--jira-url/--jira-project/--jira-board with JIRA_PAT: velocity comes from Jira sprints', async () => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', cache, '--jira-url', fake.url, '--jira-project', 'AR', '--jira-board', '1'], {
      env: { JIRA_PAT: 'secret-token' },
    });
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!run.stdout.includes('secret-token') && !run.stderr.includes('secret-token'));
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.sources.jira.status, 'ok', report.sources.jira.message);
    assert.equal(report.kpis.velocity.source, 'jira');
    assert.equal(report.kpis.velocity.unit, 'points/sprint');
    assert.equal(report.kpis.velocity.value, 5); // AR-1 done (5); AR-2 committed but open: say/do 5/8
    assert.equal(report.kpis.velocity.sayDoRatio, 0.625);
  });

  it('without --jira-url the report says Jira is off and velocity falls back', async () => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', cache], { env: {} });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.sources.jira.status, 'off');
    assert.notEqual(report.kpis.velocity.source, 'jira');
  });
});
