import type { GqlActor, GqlIssue, GqlPullRequest } from '../../src/core/sources/github/graphqlQuery';
import type { RestRelease } from '../../src/core/sources/github/collectReleases';

/** Typed builders for the fake's data, in the real APIs' shapes. */

export const iso = (epochSeconds: number): string => new Date(epochSeconds * 1000).toISOString().replace('.000Z', 'Z');

export const user = (login: string): GqlActor => ({ __typename: 'User', login });
export const bot = (login: string): GqlActor => ({ __typename: 'Bot', login });

export interface PrSpec {
  number: number;
  author?: GqlActor | null;
  state?: GqlPullRequest['state'];
  isDraft?: boolean;
  createdAt: number;
  updatedAt?: number;
  mergedAt?: number | null;
  closedAt?: number | null;
  commits?: number[];
  reviews?: Array<{ author: GqlActor | null; at: number | null; state?: string }>;
  reviewComments?: Array<{ author: GqlActor | null; at: number }>;
  comments?: Array<{ author: GqlActor | null; at: number }>;
  timeline?: Array<{ kind: 'ReadyForReviewEvent' | 'ConvertToDraftEvent'; at: number }>;
  labels?: string[];
  closes?: number[];
  headRepository?: { nameWithOwner: string } | null;
  mergeSha?: string | null;
}

export function prNode(s: PrSpec): GqlPullRequest {
  const state = s.state ?? (s.mergedAt ? 'MERGED' : 'OPEN');
  const closedAt = s.closedAt ?? (state === 'MERGED' ? (s.mergedAt ?? null) : null);
  return {
    number: s.number,
    title: `PR ${s.number}`,
    url: `https://github.example/o/r/pull/${s.number}`,
    state,
    isDraft: s.isDraft ?? false,
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt ?? Math.max(s.createdAt, closedAt ?? 0, s.mergedAt ?? 0)),
    mergedAt: s.mergedAt != null ? iso(s.mergedAt) : null,
    closedAt: closedAt != null ? iso(closedAt) : null,
    author: s.author === undefined ? user('alice') : s.author,
    baseRefName: 'main',
    headRefName: `feature-${s.number}`,
    headRepository: s.headRepository === undefined ? { nameWithOwner: 'o/r' } : s.headRepository,
    mergeCommit: state === 'MERGED' ? { oid: s.mergeSha ?? s.number.toString(16).padStart(40, 'a') } : null,
    additions: 10 * s.number,
    deletions: s.number,
    labels: { nodes: (s.labels ?? []).map((name) => ({ name })) },
    commits: { totalCount: (s.commits ?? []).length, nodes: (s.commits ?? []).map((t) => ({ commit: { authoredDate: iso(t) } })) },
    reviews: { nodes: (s.reviews ?? []).map((r) => ({ author: r.author, state: r.state ?? 'APPROVED', submittedAt: r.at != null ? iso(r.at) : null })) },
    reviewThreads: { nodes: (s.reviewComments ?? []).map((c) => ({ comments: { nodes: [{ author: c.author, createdAt: iso(c.at) }] } })) },
    comments: { nodes: (s.comments ?? []).map((c) => ({ author: c.author, createdAt: iso(c.at) })) },
    timelineItems: { nodes: (s.timeline ?? []).map((e) => ({ __typename: e.kind, createdAt: iso(e.at) })) },
    closingIssuesReferences: { nodes: (s.closes ?? []).map((number) => ({ number })) },
  };
}

export interface IssueSpec {
  number: number;
  createdAt: number;
  updatedAt?: number;
  closedAt?: number | null;
  labels?: Array<{ name: string; at: number }>;
}

export function issueNode(s: IssueSpec): GqlIssue {
  return {
    number: s.number,
    title: `Issue ${s.number}`,
    url: `https://github.example/o/r/issues/${s.number}`,
    state: s.closedAt != null ? 'CLOSED' : 'OPEN',
    createdAt: iso(s.createdAt),
    updatedAt: iso(s.updatedAt ?? Math.max(s.createdAt, s.closedAt ?? 0)),
    closedAt: s.closedAt != null ? iso(s.closedAt) : null,
    labels: { nodes: (s.labels ?? []).map((l) => ({ name: l.name })) },
    timelineItems: { nodes: (s.labels ?? []).map((l) => ({ __typename: 'LabeledEvent', createdAt: iso(l.at), label: { name: l.name } })) },
  };
}

export function release(tag: string, at: number, commitish = 'main'): RestRelease {
  return { tag_name: tag, target_commitish: commitish, draft: false, created_at: iso(at), published_at: iso(at) };
}

/**
 * n merged PRs, one an hour from `start`: commits 1-3 h before opening, a review 2 h after,
 * merged 5 h after opening. PR i has number i+1.
 */
export function manyMergedPrs(n: number, start: number): GqlPullRequest[] {
  const out: GqlPullRequest[] = [];
  for (let i = 0; i < n; i++) {
    const created = start + i * 3600;
    out.push(
      prNode({
        number: i + 1,
        author: user(`dev${i % 7}`),
        createdAt: created,
        mergedAt: created + 5 * 3600,
        commits: [created - 3 * 3600, created - 3600],
        reviews: [{ author: user(`rev${i % 5}`), at: created + 2 * 3600 }],
        comments: [{ author: user(`dev${i % 7}`), at: created + 60 }],
        labels: i % 10 === 0 ? ['bug'] : [],
      }),
    );
  }
  return out;
}
