import { strict as assert } from 'node:assert';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { bot, issueNode, prNode, user } from '../../kit/fakeGitHubData';
import { harness, type Harness } from './syncHelpers';

const T = Date.UTC(2026, 2, 2) / 1000;
const H = 3600;

describe('GitHub PR edge cases, end to end through the fake', () => {
  let fake: FakeGitHub;
  let h: Harness;
  before(async () => {
    fake = new FakeGitHub({
      prs: [
        // 1: merged without any review.
        prNode({ number: 1, createdAt: T, mergedAt: T + 3 * H, commits: [T - H], comments: [{ author: user('alice'), at: T + H }] }),
        // 2: closed without merging.
        prNode({ number: 2, state: 'CLOSED', createdAt: T, closedAt: T + 2 * H, commits: [T - H] }),
        // 3: opened as draft, ready 5 h later, reviewed, merged.
        prNode({ number: 3, isDraft: false, createdAt: T, mergedAt: T + 10 * H, commits: [T - 2 * H], timeline: [{ kind: 'ReadyForReviewEvent', at: T + 5 * H }], reviews: [{ author: user('bob'), at: T + 6 * H }] }),
        // 4: still a draft.
        prNode({ number: 4, isDraft: true, createdAt: T }),
        // 5: opened ready, converted to draft, ready again: ready since opening.
        prNode({ number: 5, createdAt: T, mergedAt: T + 9 * H, timeline: [{ kind: 'ConvertToDraftEvent', at: T + H }, { kind: 'ReadyForReviewEvent', at: T + 2 * H }] }),
        // 6: head fork deleted; commits authored after the PR opened (rebased).
        prNode({ number: 6, createdAt: T, mergedAt: T + 8 * H, headRepository: null, commits: [T + 2 * H, T + 3 * H], reviews: [{ author: user('bob'), at: T + 4 * H }] }),
        // 7: a bot's PR; bot reviewers and the author's own review comment ignored, a human's comment counts.
        prNode({
          number: 7,
          author: bot('dependabot[bot]'),
          createdAt: T,
          mergedAt: T + 5 * H,
          reviews: [{ author: user('renovate[bot]'), at: T + H }, { author: bot('ci-bot'), at: T + 90 * 60 }],
          reviewComments: [{ author: bot('dependabot[bot]'), at: T + 60 }, { author: user('carol'), at: T + 4 * H }],
          comments: [{ author: user('dave'), at: T + 3 * H }],
        }),
        // 8: a pending (unsubmitted) review does not count; a deleted author shows as ghost.
        prNode({ number: 8, author: null, createdAt: T, mergedAt: T + 5 * H, reviews: [{ author: user('erin'), at: null, state: 'PENDING' }], closes: [41] }),
      ],
      issues: [issueNode({ number: 41, createdAt: T - 10 * H, closedAt: T + 5 * H, labels: [{ name: 'bug', at: T - 9 * H }, { name: 'escalated', at: T - 2 * H }] })],
    });
    await fake.start();
    h = await harness(fake);
  });
  after(async () => {
    await fake.stop();
    await h.dispose();
  });

  it('normalizes each case as the spec needs it', async () => {
    const r = await h.sync();
    assert.equal(r.status.status, 'ok', r.status.message);
    const pr = (n: number) => r.pullRequests.find((p) => p.number === n)!;

    assert.equal(pr(1).firstReviewAt, null, "the author's own comment is not a review");
    assert.equal(pr(1).state, 'merged');

    assert.equal(pr(2).state, 'closed');
    assert.equal(pr(2).mergedAt, null);
    assert.equal(pr(2).mergeCommitSha, null);

    assert.equal(pr(3).draft, true);
    assert.equal(pr(3).readyAt, T + 5 * H);
    assert.equal(pr(3).firstReviewAt, T + 6 * H);

    assert.equal(pr(4).draft, true);
    assert.equal(pr(4).readyAt, null);

    assert.equal(pr(5).draft, false);
    assert.equal(pr(5).readyAt, T);

    assert.equal(pr(6).headRef, 'feature-6');
    assert.deepEqual(pr(6).commitAuthorDates, [T + 2 * H, T + 3 * H]);

    assert.equal(pr(7).authorIsBot, true);
    assert.equal(pr(7).author, 'dependabot[bot]');
    assert.equal(pr(7).firstReviewAt, T + 3 * H, 'bots skipped; the earliest human (dave) counts');

    assert.equal(pr(8).author, 'ghost');
    assert.equal(pr(8).firstReviewAt, null);
    assert.deepEqual(pr(8).closesIssues, [41]);

    const issue = r.issues[0]!;
    assert.equal(issue.key, '#41');
    assert.equal(issue.type, 'Issue');
    assert.equal(issue.statusCategory, 'done');
    assert.equal(issue.resolvedAt, T + 5 * H);
    assert.deepEqual(
      issue.history.map((c) => [c.at, c.to]),
      [
        [T - 9 * H, 'bug'],
        [T - 2 * H, 'escalated'],
      ],
    );
    assert.equal(r.issues.length, 1, 'PRs are never issues');
  });
});
