import { strict as assert } from 'node:assert';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { issueNode, manyMergedPrs, prNode, user } from '../../kit/fakeGitHubData';
import { harness, type Harness } from './syncHelpers';

const T0 = Date.UTC(2026, 0, 5) / 1000;

describe('syncGitHub request budgets and incremental sync (fake GitHub on 127.0.0.1)', () => {
  let fake: FakeGitHub;
  let h: Harness;
  beforeEach(async () => {
    fake = new FakeGitHub({ prs: manyMergedPrs(1000, T0), issues: [issueNode({ number: 2001, createdAt: T0, labels: [{ name: 'bug', at: T0 + 60 }] })] });
    await fake.start();
    h = await harness(fake);
  });
  afterEach(async () => {
    await fake.stop();
    await h.dispose();
  });

  it('first sync of 1,000 merged PRs takes at most 30 requests and keeps every PR once', async () => {
    const r = await h.sync();
    assert.equal(r.status.status, 'ok', r.status.message);
    // 10 GraphQL pages of 100 (issues ride along on the first) + 1 releases request.
    assert.equal(r.requests, 11);
    assert.ok(r.requests <= 30);
    assert.equal(fake.requests(), r.requests, 'the client counts what the server saw');
    assert.equal(r.pullRequests.length, 1000);
    assert.equal(new Set(r.pullRequests.map((p) => p.number)).size, 1000);
    const pr10 = r.pullRequests.find((p) => p.number === 10)!;
    const created = T0 + 9 * 3600;
    assert.equal(pr10.createdAt, created);
    assert.equal(pr10.readyAt, created);
    assert.equal(pr10.mergedAt, created + 5 * 3600);
    assert.deepEqual(pr10.commitAuthorDates, [created - 3 * 3600, created - 3600]);
    // The author's own comment at +60 s is not a review; the reviewer's at +2 h is.
    assert.equal(pr10.firstReviewAt, created + 2 * 3600);
    assert.equal(r.issues.length, 1);
    assert.deepEqual(r.issues[0]!.history, [{ at: T0 + 60, field: 'labels', from: null, to: 'bug' }]);
  });

  it('re-sync with nothing changed takes at most 2 requests and fetches no merged PR again', async () => {
    await h.sync();
    const before = fake.requests();
    const r = await h.sync();
    assert.equal(r.status.status, 'ok');
    assert.ok(r.requests <= 2, `took ${r.requests}`);
    assert.equal(fake.requests() - before, r.requests);
    assert.equal(fake.log.at(-1)!.status, 304, 'releases answered from the ETag');
    assert.equal(r.pullRequests.length, 1000);
  });

  it('re-sync fetches only PRs updated since the cursor, and picks up new ones without duplicates', async () => {
    await h.sync();
    const now = T0 + 2000 * 3600;
    fake.prs.push(prNode({ number: 1001, createdAt: now, commits: [now - 100] }));
    const old = fake.prs.find((p) => p.number === 3)!;
    const changed = prNode({ number: 3, createdAt: T0 + 2 * 3600, mergedAt: T0 + 7 * 3600, updatedAt: now + 10, labels: ['late-label'] });
    fake.prs[fake.prs.indexOf(old)] = changed;
    const before = fake.log.length;
    const r = await h.sync();
    assert.equal(r.status.status, 'ok');
    const gql = fake.log.slice(before).filter((l) => l.route === 'graphql');
    assert.equal(gql.length, 1, 'one page reaches the cursor');
    assert.equal(r.pullRequests.length, 1001);
    assert.deepEqual(r.pullRequests.find((p) => p.number === 3)!.labels, ['late-label']);
    assert.equal(r.pullRequests.find((p) => p.number === 1001)!.state, 'open');
  });

  it('a 3-page walk interrupted by a connection reset keeps pages 1-2, resumes at page 3 and ends with no duplicates', async () => {
    fake.prs = manyMergedPrs(250, T0);
    fake.issues = [];
    // Page 3 resets on the first try and on all 3 retries.
    fake.inject('graphql', { kind: 'reset' }, { skip: 2, times: 4 });
    const first = await h.sync();
    assert.equal(first.status.status, 'error');
    assert.match(first.status.message!, /connection failed/);
    assert.equal(first.pullRequests.length, 200, 'pages 1 and 2 are kept');
    const saved = await h.cached();
    assert.equal(saved.pullRequests.length, 200);
    // The saved cursor is the last item of page 2 (PR 51: newest first, 250..51), not beyond it.
    const resumeFrom = saved.prWalk.run!.after!;
    assert.equal(Buffer.from(resumeFrom, 'base64').toString().split('|')[1], '51');
    assert.equal(saved.prWalk.highWater, null, 'no high-water mark until the walk completes');

    const before = fake.log.length;
    const second = await h.sync();
    assert.equal(second.status.status, 'ok', second.status.message);
    const gql = fake.log.slice(before).filter((l) => l.route === 'graphql');
    assert.equal(gql.length, 1, 'only page 3 is fetched');
    assert.equal(gql[0]!.variables!.prAfter, resumeFrom);
    assert.equal(second.pullRequests.length, 250);
    assert.equal(new Set(second.pullRequests.map((p) => p.number)).size, 250);
    const third = await h.sync();
    assert.ok(third.requests <= 2);
    assert.equal(third.pullRequests.length, 250);
  });

  it('a PR updated mid-walk is caught by the next sync', async () => {
    fake.prs = manyMergedPrs(250, T0);
    fake.inject('graphql', { kind: 'reset' }, { skip: 1, times: 4 });
    await h.sync();
    // PR 10 (on page 3, not yet fetched) gains a label and moves to the top.
    fake.prs[9] = prNode({ number: 10, author: user('dev2'), createdAt: T0 + 9 * 3600, mergedAt: T0 + 14 * 3600, updatedAt: T0 + 9000 * 3600, labels: ['x'] });
    await h.sync();
    const r = await h.sync();
    assert.deepEqual(r.pullRequests.find((p) => p.number === 10)!.labels, ['x']);
    assert.equal(r.pullRequests.length, 250);
  });
});
