import { strict as assert } from 'node:assert';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { syncJira, type JiraData } from '../../../src/core/sources/jira/syncJira';
import { RECONCILE_INTERVAL } from '../../../src/core/sources/jira/dropVanishedIssues';
import { JIRA_CACHE_VERSION } from '../../../src/core/sources/jira/jiraCache';
import { AtomicStore } from '../../../src/core/cache/atomicStore';
import { FakeJira } from '../../kit/fakeJira';
import { fakeIssue, history, type RawJson } from '../../kit/fakeJiraData';
import { cacheFileText, configFor, recordingRetry, tempDir } from './jiraTestKit';

const T0 = Date.UTC(2026, 0, 5, 9, 0, 0) / 1000;
/** The first sync, well after every fake issue was last updated. */
const FIRST = T0 + 10 * 86_400;

function issues(n: number): RawJson[] {
  return Array.from({ length: n }, (_, i) => fakeIssue({ id: 500 + i, key: `AR-${i + 1}`, created: T0 + i, points: 1 }));
}

const keys = (data: JiraData): string[] => data.issues.map((i) => i.key).sort();

describe('syncJira drops issues deleted or moved out of the project, once a day and only on a complete listing', () => {
  let fake: FakeJira;
  let dir: string;
  afterEach(async () => fake?.stop());

  const syncAt = (t: number, offline = false): Promise<JiraData> =>
    syncJira(configFor(fake), dir, { retry: recordingRetry().policy, now: () => t, offline });

  /** A fake with `n` issues and a cache filled by a first sync at FIRST. */
  const startWith = async (variant: 'cloud' | 'server', n: number): Promise<void> => {
    fake = await new FakeJira({ variant, issues: issues(n) }).start();
    dir = await tempDir();
    const cold = await syncAt(FIRST);
    assert.equal(cold.issues.length, n);
  };

  for (const variant of ['cloud', 'server'] as const) {
    const search = variant === 'cloud' ? '/rest/api/3/search/jql' : '/rest/api/2/search';
    // The listing asks for ids only (Cloud) or keys only (Server), so it is told apart from the sync's search by `fields`.
    const listField = variant === 'cloud' ? 'id' : 'key';
    const listings = (): Array<{ query: URLSearchParams }> => fake.requestsTo(search).filter((r) => r.query.get('fields') === listField);
    // What each API sends when its paging ends early: Cloud says more pages follow but gives no token; Server stops short of its total.
    const short = variant === 'cloud'
      ? { body: '{"issues":[{"id":"500"}],"isLast":false}', why: /more pages but no page token/ }
      : { body: '{"startAt":0,"maxResults":1000,"total":3,"issues":[]}', why: /ended a search before the total/ };

    it(`${variant}: a deleted issue stays within the interval (2 requests) and is gone at the interval, after one listing without fields or changelogs`, async () => {
      await startWith(variant, 3);
      fake.issues = fake.issues.filter((i) => i.key !== 'AR-2');

      const within = await syncAt(FIRST + RECONCILE_INTERVAL - 60);
      assert.equal(within.requests, 2);
      assert.deepEqual(keys(within), ['AR-1', 'AR-2', 'AR-3']);
      assert.equal(listings().length, 0);

      const after = await syncAt(FIRST + RECONCILE_INTERVAL);
      assert.equal(after.status.status, 'ok', after.status.message);
      assert.equal(after.status.message, undefined);
      assert.deepEqual(keys(after), ['AR-1', 'AR-3']);
      assert.equal(listings().length, 1);
      const q = listings()[0]!.query;
      assert.equal(q.get('maxResults'), variant === 'cloud' ? '5000' : '1000');
      assert.equal(q.get('expand'), null);
      assert.match(q.get('jql') ?? '', /^project = "AR" ORDER BY created ASC$/);

      // The next re-sync is within a new interval: back to 2 requests, and the issue stays gone.
      const next = await syncAt(FIRST + RECONCILE_INTERVAL + 3600);
      assert.equal(next.requests, 2);
      assert.deepEqual(keys(next), ['AR-1', 'AR-3']);
    });

    it(`${variant}: a 500 on the listing removes nothing, says so, and the next sync tries again`, async () => {
      await startWith(variant, 3);
      fake.issues = fake.issues.filter((i) => i.key !== 'AR-3');
      fake.faults.push({ path: search, query: { fields: listField }, status: 500, times: 10 });
      const failed = await syncAt(FIRST + RECONCILE_INTERVAL);
      assert.equal(failed.status.status, 'ok');
      assert.match(failed.status.message ?? '', /could not check for deleted Jira issues, kept them all \(Jira server error \(500\)/);
      assert.deepEqual(keys(failed), ['AR-1', 'AR-2', 'AR-3']);
      assert.match(await cacheFileText(dir), /"key":"AR-3"/);

      fake.faults.length = 0;
      const retried = await syncAt(FIRST + RECONCILE_INTERVAL + 600);
      assert.deepEqual(keys(retried), ['AR-1', 'AR-2']);
    });

    it(`${variant}: a listing cut off mid-JSON removes nothing`, async () => {
      await startWith(variant, 3);
      fake.issues = fake.issues.filter((i) => i.key !== 'AR-1');
      fake.faults.push({ path: search, query: { fields: listField }, status: 200, body: '{"issues":[{"id":"501","key":"AR-2"},{"id":"5', times: 1 });
      const data = await syncAt(FIRST + RECONCILE_INTERVAL);
      assert.match(data.status.message ?? '', /could not check for deleted Jira issues.*not JSON/);
      assert.deepEqual(keys(data), ['AR-1', 'AR-2', 'AR-3']);
    });

    it(`${variant}: a listing whose paging ends early removes nothing`, async () => {
      await startWith(variant, 3);
      fake.issues = fake.issues.slice(0, 2);
      fake.faults.push({ path: search, query: { fields: listField }, status: 200, body: short.body, times: 1 });
      const data = await syncAt(FIRST + RECONCILE_INTERVAL);
      assert.match(data.status.message ?? '', short.why);
      assert.equal(data.issues.length, 3);
    });

    it(`${variant}: an issue moved to another project (same id, new key) is dropped; one whose move the sync saw stays one issue`, async () => {
      await startWith(variant, 3);
      const now = FIRST + RECONCILE_INTERVAL;
      const move = (id: number, from: string, to: string): RawJson =>
        fakeIssue({ id, key: to, created: T0, updated: now - 60, points: 1, histories: [history(1, now - 60, [{ field: 'Key', fieldId: 'issuekey', fromString: from, toString: to }])] });
      // AR-2 leaves the project; AR-3 is renumbered AR-99 inside it.
      fake.issues = [fake.issues[0]!, move(501, 'AR-2', 'XY-7'), move(502, 'AR-3', 'AR-99')];
      const data = await syncAt(now);
      assert.deepEqual(keys(data), ['AR-1', 'AR-99']);
      assert.deepEqual(data.issues.find((i) => i.key === 'AR-99')?.previousKeys, ['AR-3']);
    });

    it(`${variant}: the listing is compared by id, so a cached issue under its old key is kept while Jira still has its id`, async () => {
      await startWith(variant, 2);
      // Moved to AR-99 but not updated since the last sync, so only the listing sees the new key.
      fake.issues = [fake.issues[0]!, fakeIssue({ id: 501, key: 'AR-99', created: T0 + 1, points: 1 })];
      const data = await syncAt(FIRST + RECONCILE_INTERVAL);
      assert.equal(data.status.message, undefined);
      assert.deepEqual(keys(data), ['AR-1', 'AR-2']);
    });

    it(`${variant}: an empty listing of a project with cached issues removes nothing`, async () => {
      await startWith(variant, 2);
      const empty = variant === 'cloud' ? '{"issues":[],"isLast":true}' : '{"startAt":0,"maxResults":1000,"total":0,"issues":[]}';
      fake.faults.push({ path: search, query: { fields: listField }, status: 200, body: empty, times: 1 });
      const data = await syncAt(FIRST + RECONCILE_INTERVAL);
      assert.match(data.status.message ?? '', /listed no issues at all/);
      assert.equal(data.issues.length, 2);
    });

    it(`${variant}: offline never lists, even after the interval`, async () => {
      await startWith(variant, 2);
      fake.issues = fake.issues.slice(1);
      const before = fake.log.length;
      const data = await syncAt(FIRST + 3 * RECONCILE_INTERVAL, true);
      assert.equal(data.status.status, 'stale');
      assert.equal(data.issues.length, 2);
      assert.equal(fake.log.length, before);
    });

    it(`${variant}: a cache written before reconciliation existed is checked on its next sync`, async () => {
      await startWith(variant, 2);
      const file = (await fs.readdir(dir)).find((f) => f.startsWith('jira-'))!;
      // Rewritten through the store, so the file stays checksummed (a hand edit reads as corrupt).
      const store = new AtomicStore<Record<string, unknown>>(path.join(dir, file), 'jira', JIRA_CACHE_VERSION);
      const read = await store.read();
      assert.ok(read.ok);
      delete read.data.reconciledAt;
      await store.write(read.data);
      fake.issues = fake.issues.slice(1);
      const data = await syncAt(FIRST + 600);
      assert.deepEqual(keys(data), ['AR-2']);
    });
  }

  it('an issue this sync just fetched is kept even when the listing read a moment later lacks it', async () => {
    await startWith('cloud', 2);
    const now = FIRST + RECONCILE_INTERVAL;
    fake.issues.push(fakeIssue({ id: 900, key: 'AR-3', created: now - 60, points: 1 }));
    fake.faults.push({ path: '/rest/api/3/search/jql', query: { fields: 'id' }, status: 200, body: '{"issues":[{"id":"500"},{"id":"501"}],"isLast":true}', times: 1 });
    const data = await syncAt(now);
    assert.equal(data.status.message, undefined);
    assert.deepEqual(keys(data), ['AR-1', 'AR-2', 'AR-3']);
  });

  it('server: pages of 1,000 by startAt; an issue deleted between pages (the total changes) removes nothing', async () => {
    await startWith('server', 1500);
    // The first page is read while 1,500 issues exist; AR-1 is deleted before the second, which shifts it by one.
    const firstPage = { startAt: 0, maxResults: 1000, total: 1500, issues: fake.issues.slice(0, 1000).map((i) => ({ id: i.id, self: i.self, key: i.key })) };
    fake.faults.push({ path: '/rest/api/2/search', query: { fields: 'key', startAt: '0' }, status: 200, body: JSON.stringify(firstPage), times: 1 });
    fake.issues = fake.issues.slice(1);
    const data = await syncAt(FIRST + RECONCILE_INTERVAL);
    assert.deepEqual(fake.requestsTo('/rest/api/2/search').filter((r) => r.query.get('fields') === 'key').map((r) => r.query.get('startAt')), ['0', '1000']);
    assert.match(data.status.message ?? '', /changed while they were listed/);
    assert.equal(data.issues.length, 1500);

    const retried = await syncAt(FIRST + RECONCILE_INTERVAL + 600);
    assert.equal(retried.issues.length, 1499);
    assert.ok(!retried.issues.some((i) => i.key === 'AR-1'));
  });

  it('cloud: 12,000 issues are listed in 3 pages of up to 5,000 ids', async () => {
    await startWith('cloud', 12_000);
    fake.issues = fake.issues.filter((i) => i.key !== 'AR-11000');
    const data = await syncAt(FIRST + RECONCILE_INTERVAL);
    const pages = fake.requestsTo('/rest/api/3/search/jql').filter((r) => r.query.get('fields') === 'id');
    assert.equal(pages.length, 3);
    assert.equal(pages[0]!.query.get('nextPageToken'), null);
    assert.ok(pages[2]!.query.get('nextPageToken'));
    assert.equal(data.issues.length, 11_999);
    assert.ok(!data.issues.some((i) => i.key === 'AR-11000'));
  });
});
