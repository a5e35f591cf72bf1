import { strict as assert } from 'node:assert';
import {
  extractRestIssue,
  extractRestPull,
  restCommitAuthorDate,
  restPullState,
  restReviewSubmittedAt,
  type RestCommit,
  type RestIssue,
  type RestPull,
  type RestReview,
} from '../../../src/core/sources/github/extractRest';
import { isBugIssue } from '../../../src/core/sources/github/bugLabels';
import { devlakeAvailable, domainId, rawRows, readTable, snapshotSeconds } from './devlakeFixture';

type PullWithId = RestPull & { id: number };
type ReviewWithId = RestReview & { id: number };
type IssueWithId = RestIssue & { id: number };

describe('DevLake conformance (peer-data/devlake-github, panjf2000/ants)', function () {
  before(function () {
    if (!devlakeAvailable()) {
      console.log('    (skipped: ../shared/peer-data/devlake-github is not present)');
      this.skip();
    }
  });

  it('reproduces created/merged/closed to the second, the status and the merge sha of all 49 PRs', () => {
    const raw = new Map(rawRows<PullWithId>('pull_requests').map((r) => [r.data.id, r.data]));
    const snapshot = readTable('snapshot_tables', 'pull_requests.csv', ['id', 'pull_request_key', 'created_date', 'merged_date', 'closed_date', 'status', 'merge_commit_sha', 'base_ref', 'head_ref']);
    assert.equal(snapshot.length, 49);
    assert.equal(raw.size, 49, 'decoy rows (ConnectionId 2) must be ignored');
    const statusOf = { merged: 'MERGED', closed: 'CLOSED', open: 'OPEN' } as const;
    for (const row of snapshot) {
      const p = raw.get(domainId(row.id));
      assert.ok(p, `raw PR for ${row.id}`);
      const pr = extractRestPull(p);
      assert.equal(pr.number, Number(row.pull_request_key));
      assert.equal(pr.createdAt, snapshotSeconds(row.created_date), `created #${pr.number}`);
      assert.equal(pr.mergedAt, snapshotSeconds(row.merged_date), `merged #${pr.number}`);
      assert.equal(pr.closedAt, snapshotSeconds(row.closed_date), `closed #${pr.number}`);
      assert.equal(statusOf[pr.state], row.status, `status #${pr.number}`);
      assert.equal(statusOf[restPullState(p)], row.status);
      assert.equal(pr.mergeCommitSha ?? '', row.merge_commit_sha, `merge sha #${pr.number}`);
      assert.equal(pr.baseRef, row.base_ref);
      assert.equal(pr.headRef, row.head_ref);
    }
  });

  it('reproduces the 90 PR commit author dates, grouped under the right PR', () => {
    const raw = rawRows<RestCommit>('pull_request_commits');
    const snapshot = readTable('snapshot_tables', 'pull_request_commits.csv', ['commit_sha', 'pull_request_id', 'commit_authored_date']);
    assert.equal(snapshot.length, 90);
    assert.equal(raw.length, 90);
    const prIdOfNumber = new Map(rawRows<PullWithId>('pull_requests').map((r) => [r.data.number, r.data.id]));
    const ours = new Map(raw.map((r) => [`${r.data.sha} ${prIdOfNumber.get(Number(r.input?.Number))}`, restCommitAuthorDate(r.data)]));
    for (const row of snapshot) {
      const key = `${row.commit_sha} ${domainId(row.pull_request_id)}`;
      assert.ok(ours.has(key), `commit ${key}`);
      assert.equal(ours.get(key), snapshotSeconds(row.commit_authored_date), `authored ${key}`);
    }
  });

  it('reproduces the 30 reviews at submitted_at', () => {
    const raw = new Map(rawRows<ReviewWithId>('pull_request_reviews').map((r) => [r.data.id, r.data]));
    const snapshot = readTable('snapshot_tables', 'pull_request_review_comments.csv', ['id', 'type', 'created_date']).filter((r) => r.type === 'REVIEW');
    assert.equal(snapshot.length, 30);
    for (const row of snapshot) {
      const review = raw.get(domainId(row.id));
      assert.ok(review, `review ${row.id}`);
      assert.equal(restReviewSubmittedAt(review), snapshotSeconds(row.created_date), `submitted ${row.id}`);
    }
  });

  it('tells issues from PRs in the issues endpoint and classifies bugs like DevLake (label ^(bug|failure|error)$)', () => {
    const raw = rawRows<IssueWithId>('issues');
    const snapshot = readTable('snapshot_tables', 'issues.csv', ['id', 'issue_key', 'created_date', 'resolution_date', 'status', 'type', 'lead_time_minutes']);
    const issues = raw.map((r) => ({ id: r.data.id, issue: extractRestIssue(r.data, 'panjf2000/ants') })).filter((x) => x.issue != null);
    assert.equal(issues.length, snapshot.length, 'PRs listed by the issues endpoint are not issues');
    const byId = new Map(issues.map((x) => [x.id, x.issue]));
    for (const row of snapshot) {
      const issue = byId.get(domainId(row.id));
      assert.ok(issue, `issue ${row.id}`);
      assert.equal(issue.key, `#${row.issue_key}`);
      assert.equal(issue.createdAt, snapshotSeconds(row.created_date));
      assert.equal(issue.resolvedAt, snapshotSeconds(row.resolution_date));
      assert.equal(issue.statusCategory, row.status === 'DONE' ? 'done' : 'new');
      assert.equal(isBugIssue(issue, '^(bug|failure|error)$'), row.type === 'BUG', `bug class #${row.issue_key}`);
      // DevLake truncates lead time to whole minutes; ours is exact seconds (docs/metrics.md).
      assert.equal(Math.floor(((issue.resolvedAt ?? 0) - issue.createdAt) / 60), Number(row.lead_time_minutes));
    }
  });
});
