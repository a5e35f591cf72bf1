import type { EpochSeconds } from '../../model/time';
import { isBot, type Actor } from './bots';

/** One reviewer action: a submitted review, a review comment or a conversation comment. */
export interface ReviewEvent {
  actor: Actor | null;
  at: EpochSeconds | null;
}

/**
 * Spec §1 firstReviewAt: the earliest action by someone other than the PR author and not a bot.
 * Deleted accounts (actor null, shown as "ghost") still count: they were a human other than the author.
 */
export function firstReviewAt(authorLogin: string, events: ReviewEvent[]): EpochSeconds | null {
  let best: EpochSeconds | null = null;
  for (const e of events) {
    if (e.at == null) continue;
    if (e.actor && (isBot(e.actor) || e.actor.login.toLowerCase() === authorLogin.toLowerCase())) continue;
    if (best == null || e.at < best) best = e.at;
  }
  return best;
}
