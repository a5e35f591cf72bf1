import { githubIssue } from './githubIssue';
import type { Issue, IssueChange } from '../../model/issue';
import type { PullRequest } from '../../model/pullRequest';
import { parseIsoSeconds, type EpochSeconds } from '../../model/time';
import { isBot, type Actor } from './bots';
import type { GqlActor, GqlIssue, GqlPullRequest } from './graphqlQuery';
import { firstReviewAt, type ReviewEvent } from './reviewTime';

function actor(a: GqlActor | null): Actor | null {
  return a ? { login: a.login, type: a.__typename } : null;
}

function required(s: string, what: string): EpochSeconds {
  const t = parseIsoSeconds(s);
  if (t == null) throw new MalformedGitHubData(`unreadable date for ${what}: ${JSON.stringify(s)}`);
  return t;
}

/** A response that parsed as JSON but does not have the shape the query asked for. */
export class MalformedGitHubData extends Error {}

/**
 * Draft history: a PR opened as a draft either is still one with no events, or its first
 * draft-related event is "ready for review" (a PR opened ready has "convert to draft" first).
 */
function readiness(n: GqlPullRequest, createdAt: EpochSeconds): { draft: boolean; readyAt: EpochSeconds | null } {
  const events = n.timelineItems.nodes
    .map((e) => ({ kind: e.__typename, at: parseIsoSeconds(e.createdAt) }))
    .filter((e): e is { kind: string; at: EpochSeconds } => e.at != null)
    .sort((a, b) => a.at - b.at);
  const first = events[0];
  const openedAsDraft = first ? first.kind === 'ReadyForReviewEvent' : n.isDraft;
  if (!openedAsDraft) return { draft: false, readyAt: createdAt };
  const ready = events.find((e) => e.kind === 'ReadyForReviewEvent');
  return { draft: true, readyAt: ready ? ready.at : null };
}

export function extractGraphqlPull(n: GqlPullRequest): PullRequest {
  const createdAt = required(n.createdAt, `PR #${n.number} createdAt`);
  const author = n.author?.login ?? 'ghost';
  const events: ReviewEvent[] = [
    // A PENDING review is unsubmitted and visible to its author only.
    ...n.reviews.nodes.filter((r) => r.state !== 'PENDING').map((r) => ({ actor: actor(r.author), at: parseIsoSeconds(r.submittedAt) })),
    ...n.reviewThreads.nodes.flatMap((t) => t.comments.nodes).map((c) => ({ actor: actor(c.author), at: parseIsoSeconds(c.createdAt) })),
    ...n.comments.nodes.map((c) => ({ actor: actor(c.author), at: parseIsoSeconds(c.createdAt) })),
  ];
  const { draft, readyAt } = readiness(n, createdAt);
  return {
    number: n.number,
    title: n.title,
    url: n.url,
    author,
    authorIsBot: isBot(actor(n.author)),
    state: n.state === 'MERGED' ? 'merged' : n.state === 'OPEN' ? 'open' : 'closed',
    draft,
    createdAt,
    readyAt,
    mergedAt: parseIsoSeconds(n.mergedAt),
    closedAt: parseIsoSeconds(n.closedAt),
    updatedAt: required(n.updatedAt, `PR #${n.number} updatedAt`),
    mergeCommitSha: n.mergeCommit?.oid ?? null,
    baseRef: n.baseRefName,
    headRef: n.headRefName,
    labels: n.labels.nodes.map((l) => l.name),
    additions: n.additions,
    deletions: n.deletions,
    commitAuthorDates: n.commits.nodes.map((c) => parseIsoSeconds(c.commit.authoredDate)).filter((t): t is EpochSeconds => t != null),
    firstReviewAt: firstReviewAt(author, events),
    closesIssues: n.closingIssuesReferences.nodes.map((i) => i.number),
  };
}

/** History holds label events (to = label added, from = label removed), oldest first. */
export function extractGraphqlIssue(n: GqlIssue, project: string): Issue {
  const createdAt = required(n.createdAt, `issue #${n.number} createdAt`);
  const history: IssueChange[] = [];
  for (const e of n.timelineItems.nodes) {
    const at = parseIsoSeconds(e.createdAt);
    if (at == null || !e.label) continue;
    if (e.__typename === 'LabeledEvent') history.push({ at, field: 'labels', from: null, to: e.label.name });
    else if (e.__typename === 'UnlabeledEvent') history.push({ at, field: 'labels', from: e.label.name, to: null });
  }
  history.sort((a, b) => a.at - b.at);
  const closed = n.state === 'CLOSED';
  return githubIssue({
    number: n.number, url: n.url, title: n.title, project, labels: n.labels.nodes.map((l) => l.name), closed, createdAt,
    updatedAt: required(n.updatedAt, `issue #${n.number} updatedAt`), closedAt: parseIsoSeconds(n.closedAt), history,
  });
}
