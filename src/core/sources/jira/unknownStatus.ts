import type { StatusCategory } from '../../model/issue';
import type { EpochSeconds } from '../../model/time';

/** A status changelog item as Jira writes it: the status ids at both ends. */
export interface StatusMove {
  at: EpochSeconds;
  fromId: string | undefined;
  toId: string | undefined;
}

/** A resolution changelog item: resolution ids, null meaning "unresolved". */
export interface ResolutionMove {
  at: EpochSeconds;
  from: string | null;
  to: string | null;
}

export interface MoveCategories {
  from: StatusCategory;
  to: StatusCategory;
  /** An end's id is not in the site's status list, so its category was inferred. */
  unknown: boolean;
}

/**
 * Whether the issue had a resolution at `t`, changes made at `t` included (a transition to Done
 * sets the resolution in the same changelog entry). Without any resolution item the field's own
 * date says since when it has been resolved.
 */
function resolvedAt(t: EpochSeconds, moves: ResolutionMove[], resolutionDate: EpochSeconds | null): boolean {
  let state: boolean | undefined;
  for (const r of moves) {
    if (r.at <= t) state = r.to != null;
    else {
      state ??= r.from != null;
      break;
    }
  }
  return state ?? (resolutionDate != null && resolutionDate <= t);
}

/**
 * Spec §2 (v2), statuses of unknown category: a changelog may name a status the site has since
 * deleted. Its category at that moment comes from the issue's resolution then: resolved → done;
 * else indeterminate if the issue had earlier been in a status of another category than new; else
 * new. Statuses are matched by id only. `moves` and `resolutions` are oldest first.
 */
export function moveCategories(
  moves: StatusMove[],
  resolutions: ResolutionMove[],
  known: Record<string, StatusCategory>,
  issue: { createdAt: EpochSeconds; resolvedAt: EpochSeconds | null },
): MoveCategories[] {
  const out: MoveCategories[] = [];
  let startedBefore = false;
  const infer = (since: EpochSeconds): StatusCategory =>
    resolvedAt(since, resolutions, issue.resolvedAt) ? 'done' : startedBefore ? 'indeterminate' : 'new';
  const knownCategory = (id: string | undefined): StatusCategory | undefined => (id != null ? known[id] : undefined);
  moves.forEach((m, k) => {
    const prev = moves[k - 1];
    // The status left is the one the previous move entered: the same stay keeps one category.
    const fromKnown = knownCategory(m.fromId);
    const from = fromKnown ?? (prev && prev.toId === m.fromId ? out[k - 1]!.to : infer(prev ? prev.at : issue.createdAt));
    if (from !== 'new') startedBefore = true;
    const toKnown = knownCategory(m.toId);
    const to = toKnown ?? infer(m.at);
    out.push({ from, to, unknown: fromKnown == null || toKnown == null });
  });
  return out;
}
