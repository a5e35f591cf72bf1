/**
 * The review on the panel's review tab, held by the host: the webview keeps no data (only which tab
 * is in front), so a reloaded or re-shown webview gets the review again after its `ready`. One per
 * extension, created in activate().
 */
import type * as vscode from 'vscode';
import type { SprintReview } from '../../core/sprintReview/reviewTypes';
import type { ReviewMessage } from '../../shared/protocol';
import { reviewAdvice } from '../common/sourceWording';

export interface ShownReview {
  review: SprintReview;
  /** The repository it was built for: exports are saved beside it by default. */
  root: vscode.Uri;
}

export class ReviewTab {
  private shown: ShownReview | undefined;
  private revealPending = false;

  shownReview(): ShownReview | undefined {
    return this.shown;
  }

  /** A new review: the next message brings the review tab to the front. */
  setShownReview(next: ShownReview): void {
    this.shown = next;
    this.revealPending = true;
  }

  /** The message for the webview; a pending reveal is used up by the first webview that receives it. */
  takeReviewMessage(): ReviewMessage {
    const shown = this.shown;
    const reveal = this.revealPending && shown !== undefined;
    this.revealPending = false;
    return { type: 'review', review: shown?.review ?? null, reveal, advice: shown ? reviewAdvice(shown.review.sources) : {} };
  }
}
