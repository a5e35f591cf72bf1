import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { SprintReview } from '../../../src/core/sprintReview/reviewTypes';
import { ReviewTab } from '../../../src/extension/sprintReview/reviewTab';

describe('review tab content held by the host', () => {
  it('sends "no review yet" before any review ran, without switching tabs', () => {
    const tab = new ReviewTab();
    assert.equal(tab.shownReview(), undefined);
    assert.deepEqual(tab.takeReviewMessage(), { type: 'review', review: null, reveal: false, advice: {} });
  });

  it('a new review brings its tab to the front once; a reloaded webview gets it again without a switch', () => {
    const sources = { git: { status: 'ok' }, jira: { status: 'off' }, github: { status: 'off', message: 'GitHub: off (set GITHUB_TOKEN)', fault: { kind: 'no-credentials' } } };
    const review = { kind: 'sprintReview', period: { name: 'Sprint 3' }, sources } as unknown as SprintReview;
    const root = { fsPath: '/repos/shop' } as unknown as vscode.Uri;
    const tab = new ReviewTab();
    tab.setShownReview({ review, root });
    // The "Not in this review" lines name the editor's commands, never the CLI's GITHUB_TOKEN.
    const advice = { jira: 'run Configure Jira', github: 'not signed in — run Configure GitHub' };
    assert.deepEqual(tab.takeReviewMessage(), { type: 'review', review, reveal: true, advice });
    assert.deepEqual(tab.takeReviewMessage(), { type: 'review', review, reveal: false, advice });
    assert.equal(tab.shownReview()?.root, root);
  });
});
