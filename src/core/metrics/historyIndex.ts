import type { Commit, Tag } from '../model/commit';
import type { Release } from '../model/pullRequest';

export interface ReleasePoint {
  name: string;
  commit: string;
  date: number;
}

/** One delivered change in git alone (spec §1 git fallback): a merge, or a squash commit "(#N)". */
export interface GitChange {
  commit: Commit;
  kind: 'merge' | 'squash';
  /** Branch commits (merge) or the squash commit itself. */
  commits: Commit[];
  firstCommitAt: number | null;
  mergedAt: number;
  /** PR number from "(#N)" or "Merge pull request #N". */
  prNumber: number | null;
}

/** Derived views of the history shared by several KPIs; built once per report. */
export interface HistoryIndex {
  byHash: Map<string, Commit>;
  /** The default branch's first-parent line, newest first. */
  firstParent: Commit[];
  /** Every commit reachable from the default branch tip. */
  onBranch: Set<string>;
  releases: ReleasePoint[];
  /** The earliest release (by date) whose commit contains each commit. */
  releaseOf: Map<string, ReleasePoint>;
  changes: GitChange[];
}

const SQUASH = /\(#(\d+)\)\s*$/;
const MERGE_PR = /^Merge pull request #(\d+)/;

/** Releases: tags matching releaseTagPattern; GitHub Releases only where the repository has no such tags. */
export function releasePoints(tags: Tag[], pattern: string, ghReleases: Release[] | undefined, byHash: Map<string, Commit>): ReleasePoint[] {
  const re = new RegExp(pattern);
  let points = tags.filter((t) => re.test(t.name) && byHash.has(t.commit)).map((t) => ({ name: t.name, commit: t.commit, date: t.date }));
  if (points.length === 0 && ghReleases) {
    points = ghReleases.filter((r) => r.commit && byHash.has(r.commit)).map((r) => ({ name: r.tagName, commit: r.commit!, date: r.publishedAt }));
  }
  return points.sort((a, b) => a.date - b.date || a.name.localeCompare(b.name));
}

export function buildHistoryIndex(commits: Commit[], tip: string, releases: ReleasePoint[]): HistoryIndex {
  const byHash = new Map<string, Commit>();
  for (const c of commits) byHash.set(c.hash, c);

  const firstParent: Commit[] = [];
  const onFirstParent = new Set<string>();
  for (let c = byHash.get(tip); c; c = c.parents[0] ? byHash.get(c.parents[0]) : undefined) {
    if (onFirstParent.has(c.hash)) break;
    firstParent.push(c);
    onFirstParent.add(c.hash);
  }

  // Branch commits of each merge, oldest merge first: a commit belongs to the first merge that
  // reaches it, and everything earlier merges claimed is already in the first parent's history.
  const claimed = new Set<string>();
  const changes: GitChange[] = [];
  for (let i = firstParent.length - 1; i >= 0; i--) {
    const m = firstParent[i]!;
    if (m.parents.length >= 2) {
      const branch: Commit[] = [];
      const stack = m.parents.slice(1);
      while (stack.length) {
        const h = stack.pop()!;
        if (claimed.has(h) || onFirstParent.has(h)) continue;
        const c = byHash.get(h);
        if (!c) continue; // beyond a shallow boundary
        claimed.add(h);
        branch.push(c);
        stack.push(...c.parents);
      }
      const first = branch.reduce<number | null>((m, c) => (m == null || c.authorDate < m ? c.authorDate : m), null);
      const pr = MERGE_PR.exec(m.subject);
      changes.push({ commit: m, kind: 'merge', commits: branch, firstCommitAt: first, mergedAt: m.committerDate, prNumber: pr ? Number(pr[1]) : null });
    } else {
      const sq = SQUASH.exec(m.subject);
      if (sq) changes.push({ commit: m, kind: 'squash', commits: [m], firstCommitAt: m.authorDate, mergedAt: m.committerDate, prNumber: Number(sq[1]) });
    }
  }

  const onBranch = reachable(byHash, [tip]);

  // Earliest release containing each commit: visit releases oldest first and stop at commits
  // already marked, since an earlier release containing a commit contains its ancestors too.
  const releaseOf = new Map<string, ReleasePoint>();
  for (const r of releases) {
    const stack = [r.commit];
    while (stack.length) {
      const h = stack.pop()!;
      if (releaseOf.has(h)) continue;
      const c = byHash.get(h);
      if (!c) continue;
      releaseOf.set(h, r);
      stack.push(...c.parents);
    }
  }
  return { byHash, firstParent, onBranch, releases, releaseOf, changes };
}

function reachable(byHash: Map<string, Commit>, from: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...from];
  while (stack.length) {
    const h = stack.pop()!;
    if (seen.has(h)) continue;
    const c = byHash.get(h);
    if (!c) continue;
    seen.add(h);
    stack.push(...c.parents);
  }
  return seen;
}

/** Files a change touched: its branch commits' files, or the squash commit's. */
export function changeFiles(change: GitChange): Set<string> {
  const out = new Set<string>();
  for (const c of change.commits) for (const f of c.files) out.add(f.path);
  return out;
}
