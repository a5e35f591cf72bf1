import type { SprintReview } from './reviewTypes';

/** JSON output: the review object is itself the contract (schemaVersion 1), so it is printed as is. */
export function renderReviewJson(r: SprintReview): string {
  return JSON.stringify(r, null, 2) + '\n';
}
