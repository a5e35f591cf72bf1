import assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { SprintReview } from '../../../src/core/sprintReview/reviewTypes';
import { setShownReview, shownReview, takeReviewMessage } from '../../../src/extension/sprintReviewTab';

describe('review tab content held by the host', () => {
  it('sends "no review yet" before any review ran, without switching tabs', () => {
    assert.equal(shownReview(), undefined);
    assert.deepEqual(takeReviewMessage(), { type: 'review', review: null, reveal: false });
  });

  it('a new review brings its tab to the front once; a reloaded webview gets it again without a switch', () => {
    const review = { kind: 'sprintReview', period: { name: 'Sprint 3' } } as unknown as SprintReview;
    const root = { fsPath: '/repos/shop' } as unknown as vscode.Uri;
    setShownReview({ review, root });
    assert.deepEqual(takeReviewMessage(), { type: 'review', review, reveal: true });
    assert.deepEqual(takeReviewMessage(), { type: 'review', review, reveal: false });
    assert.equal(shownReview()?.root, root);
  });
});
