import { strict as assert } from 'node:assert';
import { syncJira } from '../../../src/core/sources/jira/syncJira';
import { FakeJira, type FakeJiraOptions } from '../../kit/fakeJira';
import { fakeIssue, history, transition, type RawJson } from '../../kit/fakeJiraData';
import { configFor, recordingRetry, tempDir } from './jiraTestKit';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;
const HOUR = 3600;

function manyIssues(n: number): RawJson[] {
  return Array.from({ length: n }, (_, i) => fakeIssue({ id: 10_000 + i, key: `AR-${i + 1}`, created: T0 + i * 60, points: (i % 5) + 1 }));
}

describe('syncJira against a fake Jira over HTTP', () => {
  let fake: FakeJira;
  afterEach(async () => fake?.stop());
  const start = async (o: FakeJiraOptions): Promise<FakeJira> => (fake = await new FakeJira(o).start());

  it('Cloud: pages 250 issues by nextPageToken and never calls the removed /rest/api/3/search', async () => {
    await start({ variant: 'cloud', issues: manyIssues(250) });
    const { policy } = recordingRetry();
    const data = await syncJira(configFor(fake, { boardId: undefined }), await tempDir(), { retry: policy });
    assert.equal(data.status.status, 'ok', data.status.message);
    assert.equal(data.deployment, 'cloud');
    assert.equal(data.issues.length, 250);
    assert.equal(new Set(data.issues.map((i) => i.key)).size, 250);
    assert.equal(fake.requestsTo('/rest/api/3/search/jql').length, 3);
    assert.equal(fake.log.filter((r) => r.path === '/rest/api/3/search' || r.path === '/rest/api/2/search').length, 0);
    assert.equal(data.issues.find((i) => i.key === 'AR-7')?.storyPoints, 2);
  });

  it('Server: pages by startAt with a Bearer PAT and detects the deployment through serverInfo', async () => {
    await start({ variant: 'server', issues: manyIssues(250) });
    const data = await syncJira(configFor(fake), await tempDir(), { retry: recordingRetry().policy });
    assert.equal(data.status.status, 'ok', data.status.message);
    assert.equal(data.deployment, 'server');
    assert.equal(data.issues.length, 250);
    assert.deepEqual(fake.requestsTo('/rest/api/2/search').map((r) => r.query.get('startAt')), ['0', '100', '200']);
    assert.equal(fake.requestsTo('/rest/api/2/serverInfo').length, 1);
  });

  it('an issue with 150 changelog entries arrives with its whole history (changelog endpoint paged)', async () => {
    const histories = Array.from({ length: 150 }, (_, i) =>
      history(i + 1, T0 + (i + 1) * HOUR, [{ field: 'priority', fieldId: 'priority', fromString: i % 2 ? 'High' : 'Medium', toString: i % 2 ? 'Medium' : 'High' }]));
    for (const variant of ['cloud', 'server'] as const) {
      await start({ variant, issues: [fakeIssue({ id: 1, key: 'AR-1', created: T0, histories })] });
      const data = await syncJira(configFor(fake), await tempDir(), { retry: recordingRetry().policy });
      const issue = data.issues[0]!;
      assert.equal(issue.history.length, 150, variant);
      assert.equal(issue.history[149]!.at, T0 + 150 * HOUR);
      assert.equal(issue.history[149]!.to, 'Medium');
      assert.equal(fake.requestsTo('/rest/api/').filter((r) => r.path.endsWith('/changelog')).length, 2);
      await fake.stop();
    }
  });

  it('a site without a story-points field yields null points (unestimated), never 0', async () => {
    await start({ variant: 'server', storyPointsName: null, issues: [fakeIssue({ id: 1, key: 'AR-1', created: T0, points: 5 })] });
    const data = await syncJira(configFor(fake), await tempDir(), { retry: recordingRetry().policy });
    assert.equal(data.issues[0]!.storyPoints, null);
  });

  it('finds the field by the Cloud name "Story point estimate", or by an explicit id', async () => {
    await start({ variant: 'cloud', storyPointsName: 'Story point estimate', issues: [fakeIssue({ id: 1, key: 'AR-1', created: T0, points: 8 })] });
    assert.equal((await syncJira(configFor(fake), await tempDir(), { retry: recordingRetry().policy })).issues[0]!.storyPoints, 8);
    await fake.stop();
    await start({ variant: 'cloud', storyPointsName: null, issues: [fakeIssue({ id: 1, key: 'AR-1', created: T0, points: 3 })] });
    assert.equal((await syncJira(configFor(fake, { storyPointsField: 'customfield_10105' }), await tempDir(), { retry: recordingRetry().policy })).issues[0]!.storyPoints, 3);
  });

  it('normalizes +0800 and -0800 dates to UTC exactly', async () => {
    await start({
      variant: 'server',
      issues: [
        fakeIssue({ id: 1, key: 'AR-1', created: T0, offsetMinutes: 480, histories: [history(1, T0 + 5 * HOUR, [transition('To Do', 'In Progress')], 480)] }),
        fakeIssue({ id: 2, key: 'AR-2', created: T0, offsetMinutes: -480 }),
      ],
    });
    const data = await syncJira(configFor(fake), await tempDir(), { retry: recordingRetry().policy });
    const a = data.issues.find((i) => i.key === 'AR-1')!;
    const b = data.issues.find((i) => i.key === 'AR-2')!;
    // fakeIssue wrote T0 (09:00Z) as "17:00+0800" and "01:00-0800": both must come back as 09:00Z.
    assert.match(JSON.stringify(fake.issues[0]!.fields), /T17:00:00\.000\+0800/);
    assert.equal(a.createdAt, T0);
    assert.equal(b.createdAt, T0);
    assert.equal(a.history[0]!.at, T0 + 5 * HOUR);
    assert.equal(a.history[0]!.toCategory, 'indeterminate');
  });

  it('a nextPageToken loop (the same token twice) ends with a warning instead of hanging', async () => {
    await start({ variant: 'cloud', tokenLoop: true, issues: manyIssues(3) });
    const data = await syncJira(configFor(fake), await tempDir(), { retry: recordingRetry().policy });
    assert.equal(data.status.status, 'ok');
    assert.match(data.status.message ?? '', /page token/);
    assert.ok(fake.requestsTo('/rest/api/3/search/jql').length <= 2);
    assert.equal(data.issues.length, 3);
  });
});
