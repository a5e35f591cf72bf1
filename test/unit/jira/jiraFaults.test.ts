import { strict as assert } from 'node:assert';
import { syncJira } from '../../../src/core/sources/jira/syncJira';
import { FakeJira } from '../../kit/fakeJira';
import { fakeIssue, history, type RawJson } from '../../kit/fakeJiraData';
import { TOKEN, cacheFileText, configFor, recordingRetry, tempDir } from './jiraTestKit';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;

function issues(n: number): RawJson[] {
  return Array.from({ length: n }, (_, i) => fakeIssue({ id: 500 + i, key: `AR-${i + 1}`, created: T0 + i, points: 1 }));
}

describe('syncJira faults: retries, credentials, and a cache that survives them', () => {
  let fake: FakeJira;
  afterEach(async () => fake?.stop());

  for (const variant of ['cloud', 'server'] as const) {
    const search = variant === 'cloud' ? '/rest/api/3/search/jql' : '/rest/api/2/search';

    it(`${variant}: 429 with Retry-After waits that long (plus jitter below the base) and then succeeds`, async () => {
      fake = await new FakeJira({ variant, issues: issues(3) }).start();
      fake.faults.push({ path: search, status: 429, headers: { 'Retry-After': '2' }, times: 1 });
      const { policy, sleeps } = recordingRetry();
      const data = await syncJira(configFor(fake), await tempDir(), { retry: policy });
      assert.equal(data.status.status, 'ok');
      assert.equal(data.issues.length, 3);
      assert.deepEqual(sleeps, [2000 + 4]); // random 0.5 × base 8
    });

    it(`${variant}: 429 without Retry-After backs off exponentially with jitter`, async () => {
      fake = await new FakeJira({ variant, issues: issues(2) }).start();
      fake.faults.push({ path: search, status: 429, times: 2 });
      const { policy, sleeps } = recordingRetry();
      const data = await syncJira(configFor(fake), await tempDir(), { retry: policy });
      assert.equal(data.issues.length, 2);
      // attempt 0: 8/2 + 0.5×4 = 6; attempt 1: 16/2 + 0.5×8 = 12
      assert.deepEqual(sleeps, [6, 12]);
    });

    it(`${variant}: 503 with Retry-After is honoured`, async () => {
      fake = await new FakeJira({ variant, issues: issues(1) }).start();
      fake.faults.push({ path: '/rest/api/2/field', status: 503, headers: { 'Retry-After': '1' }, times: 1 });
      const { policy, sleeps } = recordingRetry();
      const data = await syncJira(configFor(fake), await tempDir(), { retry: policy });
      assert.equal(data.status.status, 'ok');
      assert.deepEqual(sleeps, [1004]);
    });

    it(`${variant}: 401 names the credential to fix, never the token, and keeps the cache`, async () => {
      fake = await new FakeJira({ variant, issues: issues(4) }).start();
      const dir = await tempDir();
      await syncJira(configFor(fake), dir, { retry: recordingRetry().policy });
      const before = await cacheFileText(dir);
      const data = await syncJira(configFor(fake, { token: async () => 'wrong-token-xyz' }), dir, { retry: recordingRetry().policy });
      assert.equal(data.status.status, 'error');
      const creds = variant === 'cloud' ? 'check JIRA_EMAIL and JIRA_API_TOKEN' : 'check JIRA_PAT';
      assert.equal(data.status.message, `Jira rejected the credentials (401): ${creds}`);
      assert.equal(data.issues.length, 4);
      assert.equal(await cacheFileText(dir), before);
      assert.ok(!before.includes(TOKEN) && !JSON.stringify(data).includes('wrong-token-xyz'));
    });
  }

  it('403 says permission is missing and which credential it concerns', async () => {
    fake = await new FakeJira({ variant: 'server', issues: issues(1) }).start();
    fake.faults.push({ path: '/rest/api/2/search', status: 403, times: 1 });
    const data = await syncJira(configFor(fake), await tempDir(), { retry: recordingRetry().policy });
    assert.equal(data.status.status, 'error');
    assert.match(data.status.message ?? '', /403.*JIRA_PAT lacks permission/);
  });

  it('a 429 that outlasts the retries reports rate-limited with until, and loses nothing cached', async () => {
    fake = await new FakeJira({ variant: 'cloud', issues: issues(5) }).start();
    const dir = await tempDir();
    await syncJira(configFor(fake), dir, { retry: recordingRetry().policy });
    const before = await cacheFileText(dir);
    fake.faults.push({ path: '/rest/api/3/search/jql', status: 429, headers: { 'Retry-After': '3600' }, times: 10 });
    const data = await syncJira(configFor(fake), dir, { retry: recordingRetry().policy });
    assert.equal(data.status.status, 'rate-limited');
    assert.ok(data.status.until && Date.parse(data.status.until) > Date.now() + 3500_000);
    assert.equal(data.issues.length, 5);
    assert.equal(await cacheFileText(dir), before);
  });

  it('persistent 5xx, malformed JSON and a dead server each report an error and keep the cache', async () => {
    fake = await new FakeJira({ variant: 'server', issues: issues(3) }).start();
    const dir = await tempDir();
    await syncJira(configFor(fake), dir, { retry: recordingRetry().policy });
    const before = await cacheFileText(dir);
    const cases: Array<[() => void, RegExp]> = [
      [() => fake.faults.push({ path: '/rest/api/2/search', status: 500, times: 10 }), /server error \(500\)/],
      [() => fake.faults.push({ path: '/rest/api/2/search', status: 200, body: '<html>login</html>', times: 1 }), /not JSON/],
    ];
    for (const [inject, message] of cases) {
      fake.faults.length = 0;
      inject();
      const data = await syncJira(configFor(fake), dir, { retry: recordingRetry().policy });
      assert.equal(data.status.status, 'error');
      assert.match(data.status.message ?? '', message);
      assert.equal(data.issues.length, 3);
      assert.equal(await cacheFileText(dir), before);
    }
    const url = fake.url;
    await fake.stop();
    const dead = await syncJira({ ...configFor(fake), url }, dir, { retry: recordingRetry().policy });
    assert.equal(dead.status.status, 'error');
    assert.match(dead.status.message ?? '', /Could not reach Jira/);
    assert.equal(dead.issues.length, 3);
  });

  it('offline returns the cache as stale without a request', async () => {
    fake = await new FakeJira({ variant: 'server', issues: issues(2) }).start();
    const dir = await tempDir();
    await syncJira(configFor(fake), dir, { retry: recordingRetry().policy });
    const n = fake.log.length;
    const data = await syncJira(configFor(fake), dir, { offline: true });
    assert.equal(data.status.status, 'stale');
    assert.equal(data.issues.length, 2);
    assert.equal(fake.log.length, n);
  });

  it('incremental: asks for updated >= last sync minus a margin in the user time zone; a moved issue stays one issue', async () => {
    const now = T0 + 10 * 86_400;
    fake = await new FakeJira({ variant: 'server', timeZone: 'America/Los_Angeles', issues: issues(3) }).start();
    const dir = await tempDir();
    await syncJira(configFor(fake), dir, { retry: recordingRetry().policy, now: () => now });
    // AR-2 moves to AR-99 (same id 501) an hour after the first sync.
    const moved = fakeIssue({ id: 501, key: 'AR-99', created: T0 + 1, updated: now + 3600, points: 1, histories: [history(1, now + 3600, [{ field: 'Key', fieldId: 'issuekey', fromString: 'AR-2', toString: 'AR-99' }])] });
    fake.issues = [fake.issues[0]!, moved, fake.issues[2]!];
    const data = await syncJira(configFor(fake), dir, { retry: recordingRetry().policy, now: () => now + 7200 });
    const jql = fake.requestsTo('/rest/api/2/search').at(-1)!.query.get('jql') ?? '';
    // now = 2026-01-15 09:00Z; minus 10 min = 08:50Z = 00:50 in Los Angeles (UTC-8 in January).
    assert.match(jql, /updated >= "2026\/01\/15 00:50"/);
    assert.equal(data.issues.length, 3);
    const m = data.issues.find((i) => i.key === 'AR-99')!;
    assert.deepEqual(m.previousKeys, ['AR-2']);
    assert.ok(!data.issues.some((i) => i.key === 'AR-2'));
  });

  it('a warm re-sync with nothing changed makes at most 2 requests', async () => {
    fake = await new FakeJira({ variant: 'cloud', issues: issues(120) }).start();
    const dir = await tempDir();
    await syncJira(configFor(fake), dir, { retry: recordingRetry().policy, now: () => T0 + 86_400 });
    const warm = await syncJira(configFor(fake), dir, { retry: recordingRetry().policy, now: () => T0 + 86_400 + 600 });
    assert.equal(warm.status.status, 'ok');
    assert.equal(warm.issues.length, 120);
    assert.ok(warm.requests <= 2, `made ${warm.requests} requests`);
  });
});
