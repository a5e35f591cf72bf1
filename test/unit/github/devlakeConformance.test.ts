import { strict as assert } from 'node:assert';
import { prCycleSample } from '../../../src/core/metrics/shared/deliveredChanges';
import type { GitHubData } from '../../../src/core/sources/github/syncGitHub';
import { isBugIssue } from '../../../src/core/sources/github/bugLabels';
import { span } from '../../../src/core/model/time';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { devlakeAvailable, domainId, rawRows, readTable, snapshotSeconds } from './devlakeFixture';
import { devlakeIssueNodes, devlakePullNodes, type RestPull } from './devlakeGraphql';
import { harness, type Harness } from './syncHelpers';

/** DevLake's account ids of bots (REST user.type "Bot"): its snapshots keep only the id. */
function botAccountIds(): Set<string> {
  const tables = ['pull_requests', 'pull_request_reviews', 'pull_request_review_comments', 'comments'];
  const ids = tables.flatMap((t) => rawRows<{ user: { id: number; type: string } | null }>(t).map((r) => r.data.user));
  return new Set(ids.filter((u) => u?.type === 'Bot').map((u) => `github:GithubAccount:1:${u!.id}`));
}

describe('DevLake conformance through the product GraphQL sync (peer-data/devlake-github, panjf2000/ants)', function () {
  let fake: FakeGitHub;
  let h: Harness;
  let data: GitHubData;
  const prIdOfNumber = new Map<number, number>();

  before(async function () {
    if (!devlakeAvailable()) {
      console.log('    (skipped: ../shared/peer-data/devlake-github is not present)');
      this.skip();
    }
    for (const r of rawRows<RestPull>('pull_requests')) prIdOfNumber.set(r.data.number, r.data.id);
    fake = new FakeGitHub({ owner: 'panjf2000', name: 'ants', prs: devlakePullNodes(), issues: devlakeIssueNodes() });
    await fake.start();
    h = await harness(fake);
    // Pages of 10: 49 PRs take 5 pages and 26 issues 3, so the cursors and the early stop of one connection are exercised.
    data = await h.sync({ tuning: { pageSize: 10 } });
  });

  after(async () => {
    await fake?.stop();
    await h?.dispose();
  });

  it('syncs all 49 PRs and 26 issues over 5 GraphQL pages of 10', () => {
    assert.equal(data.status.status, 'ok', data.status.message);
    assert.equal(data.pullRequests.length, 49, 'decoy rows (ConnectionId 2) must be ignored');
    assert.equal(data.issues.length, 26);
    assert.equal(fake.requests('graphql'), 5);
    const pages = fake.log.filter((r) => r.route === 'graphql').map((r) => [r.variables?.withPrs, r.variables?.withIssues]);
    assert.deepEqual(pages, [[true, true], [true, true], [true, true], [true, false], [true, false]]);
  });

  it('reproduces created/merged/closed to the second, the status, refs and the merge sha of merged PRs', () => {
    const snapshot = readTable('snapshot_tables', 'pull_requests.csv', ['id', 'pull_request_key', 'created_date', 'merged_date', 'closed_date', 'status', 'merge_commit_sha', 'base_ref', 'head_ref']);
    assert.equal(snapshot.length, 49);
    const byNumber = new Map(data.pullRequests.map((p) => [p.number, p]));
    const statusOf = { merged: 'MERGED', closed: 'CLOSED', open: 'OPEN' } as const;
    for (const row of snapshot) {
      const pr = byNumber.get(Number(row.pull_request_key));
      assert.ok(pr, `PR #${row.pull_request_key}`);
      assert.equal(prIdOfNumber.get(pr.number), domainId(row.id));
      assert.equal(pr.createdAt, snapshotSeconds(row.created_date), `created #${pr.number}`);
      assert.equal(pr.mergedAt, snapshotSeconds(row.merged_date), `merged #${pr.number}`);
      assert.equal(pr.closedAt, snapshotSeconds(row.closed_date), `closed #${pr.number}`);
      assert.equal(statusOf[pr.state], row.status, `status #${pr.number}`);
      // DevLake keeps REST's test-merge sha on unmerged PRs; GraphQL has a mergeCommit only once merged.
      assert.equal(pr.mergeCommitSha, pr.state === 'merged' ? row.merge_commit_sha : null, `merge sha #${pr.number}`);
      assert.equal(pr.baseRef, row.base_ref);
      assert.equal(pr.headRef, row.head_ref);
    }
  });

  it('reproduces the 90 PR commit author dates under the right PR', () => {
    const snapshot = readTable('snapshot_tables', 'pull_request_commits.csv', ['pull_request_id', 'commit_authored_date']);
    assert.equal(snapshot.length, 90);
    const expected = new Map<number, number[]>();
    for (const row of snapshot) expected.set(domainId(row.pull_request_id), [...(expected.get(domainId(row.pull_request_id)) ?? []), snapshotSeconds(row.commit_authored_date)!]);
    for (const pr of data.pullRequests) {
      const want = (expected.get(prIdOfNumber.get(pr.number)!) ?? []).sort((a, b) => a - b);
      assert.deepEqual([...pr.commitAuthorDates].sort((a, b) => a - b), want, `commits of #${pr.number}`);
    }
  });

  it('reproduces first review and the coding, pickup and review phases of every merged PR to the second', () => {
    // DevLake's rows per PR: reviews at submitted_at (REVIEW), review comments (DIFF) and conversation comments (NORMAL).
    const reviews = readTable('snapshot_tables', 'pull_request_review_comments.csv', ['pull_request_id', 'account_id', 'created_date', 'type']).filter((r) => r.type === 'REVIEW');
    assert.equal(reviews.length, 30);
    const comments = readTable('snapshot_tables', 'pull_request_comments.csv', ['pull_request_id', 'account_id', 'created_date', 'type']);
    const prs = readTable('snapshot_tables', 'pull_requests.csv', ['id', 'pull_request_key', 'author_id', 'created_date', 'merged_date', 'is_draft']);
    const commits = readTable('snapshot_tables', 'pull_request_commits.csv', ['pull_request_id', 'commit_authored_date']);
    const bots = botAccountIds();
    assert.ok(bots.size > 0, 'the recording has bot comments (codecov), which must not count as reviews');
    const byNumber = new Map(data.pullRequests.map((p) => [p.number, p]));
    let reviewed = 0;
    for (const row of prs.filter((r) => r.merged_date !== '')) {
      const pr = byNumber.get(Number(row.pull_request_key))!;
      // Spec §1: earliest action by anyone other than the author and not a bot.
      const actions = [...reviews, ...comments].filter((c) => c.pull_request_id === row.id && c.account_id !== row.author_id && !bots.has(c.account_id));
      const firstReview = actions.length ? Math.min(...actions.map((c) => snapshotSeconds(c.created_date)!)) : null;
      assert.equal(pr.firstReviewAt, firstReview, `first review #${pr.number}`);
      if (firstReview != null) reviewed++;
      assert.equal(row.is_draft, '0');
      const readyAt = snapshotSeconds(row.created_date)!;
      const own = commits.filter((c) => c.pull_request_id === row.id).map((c) => snapshotSeconds(c.commit_authored_date)!);
      const firstCommit = own.length ? Math.min(...own) : null;
      const merged = snapshotSeconds(row.merged_date)!;
      const sample = prCycleSample(pr, null)!;
      assert.equal(sample.coding, firstCommit === merged ? null : span(firstCommit, readyAt), `coding #${pr.number}`);
      assert.equal(sample.pickup, span(readyAt, firstReview), `pickup #${pr.number}`);
      assert.equal(sample.review, span(firstReview, merged), `review #${pr.number}`);
    }
    assert.ok(reviewed > 0, 'some merged PRs were reviewed');
  });

  it('reads the 26 issues like DevLake and classifies bugs with its label rule ^(bug|failure|error)$', () => {
    const snapshot = readTable('snapshot_tables', 'issues.csv', ['id', 'issue_key', 'created_date', 'resolution_date', 'status', 'type', 'lead_time_minutes']);
    assert.equal(snapshot.length, 26);
    const byKey = new Map(data.issues.map((i) => [i.key, i]));
    for (const row of snapshot) {
      const issue = byKey.get(`#${row.issue_key}`);
      assert.ok(issue, `issue #${row.issue_key}`);
      assert.equal(issue.project, 'panjf2000/ants');
      assert.equal(issue.createdAt, snapshotSeconds(row.created_date));
      assert.equal(issue.resolvedAt, snapshotSeconds(row.resolution_date));
      assert.equal(issue.statusCategory, row.status === 'DONE' ? 'done' : 'new');
      assert.equal(isBugIssue(issue, '^(bug|failure|error)$'), row.type === 'BUG', `bug class #${row.issue_key}`);
      // DevLake truncates lead time to whole minutes; ours is exact seconds (docs/metrics.md).
      assert.equal(Math.floor(((issue.resolvedAt ?? 0) - issue.createdAt) / 60), Number(row.lead_time_minutes));
    }
  });
});
