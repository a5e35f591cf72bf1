import type { Commit, Tag } from '../../model/commit';
import { inWindow, type Window } from '../../model/time';
import type { Release } from '../../model/pullRequest';
import type { CommitGraph } from '../../model/commitGraph';
import { subjectFactsOf } from '../../model/commitSubject';
import { safePattern } from '../../util/safePattern';

export interface ReleasePoint {
  name: string;
  commit: string;
  date: number;
}

/**
 * One delivered change in git alone (spec §1 git fallback): a merge, a squash commit "(#N)", or
 * (v2, a linear history with neither) a first-parent commit.
 */
export interface GitChange {
  readonly commit: Commit;
  kind: 'merge' | 'squash' | 'commit';
  /** Branch commits (merge) or the squash commit / the commit itself. */
  readonly commits: Commit[];
  /** How many `commits` there are, without making them. */
  readonly commitCount: number;
  /** For a squash commit with a pull request head (v2), the earliest author date of the PR's commits. */
  firstCommitAt: number | null;
  mergedAt: number;
  /** PR number from "(#N)" or "Merge pull request #N". */
  prNumber: number | null;
  /** The earliest release containing the change. */
  release: ReleasePoint | undefined;
}

/** Commit lookup by hash (a view over the index, not a second map). */
export interface CommitLookup {
  get(hash: string): Commit | undefined;
  has(hash: string): boolean;
}

/** Derived views of the history shared by several KPIs; built once per dataset (historyOf.ts). */
export interface HistoryIndex {
  byHash: CommitLookup;
  /** Hashes of every commit reachable from the default branch tip. */
  onBranch: Set<string>;
  /** The same commits, as a list (cheaper to scan). */
  branchCommits: Commit[];
  /** Non-merge commits on the branch whose subject marks a bug fix (spec §4, git fallback). */
  bugFixes: Commit[];
  /** The bug fixes committed inside the window, in `bugFixes` order (only those become commit objects). */
  bugFixesIn(w: Window): Commit[];
  releases: ReleasePoint[];
  /**
   * (v2) The earliest release of the history read. It starts the clock (spec §3): it contains
   * everything before it, so what it released first has no deploy time and no lead time.
   */
  firstRelease: ReleasePoint | undefined;
  /** (v2) Whether any release contains a commit of the default branch (spec §3: when none does, time to market is null). */
  releasesReachBranch: boolean;
  /** The earliest release (by date) whose commit contains the commit. */
  releaseOf(hash: string): ReleasePoint | undefined;
  /** Non-merge commits whose earliest release is dated inside the window, with that release. */
  releasedIn(w: Window): Array<{ commit: Commit; release: ReleasePoint }>;
  /** Non-merge commits on the branch in no release (what waits to ship). */
  unreleased: number;
  changes: GitChange[];
  /** The change a merge, squash or (linear history) commit delivers, by that commit's hash. */
  changeOf(hash: string): GitChange | undefined;
  /**
   * Whether every commit of a change has an author the test accepts (false for a change with no
   * commits). The test sees each author once per index, not once per commit: keep it pure.
   */
  authoredOnlyBy(change: GitChange, test: AuthorTest): boolean;
  /** (v2) Whether a commit of the default branch was committed inside the window (spec Conventions "No activity"). */
  committedIn(w: Window): boolean;
}

export type AuthorTest = (name: string, email: string) => boolean;

/**
 * A change as positions in the graph. Its commit objects are made only when a report looks at the
 * change (its drill-down item, its files): most of a long history's changes are only ever counted
 * and timed, from the graph's columns.
 */
class IndexedChange implements GitChange {
  private made?: Commit[];
  constructor(
    private readonly graph: CommitGraph,
    readonly position: number,
    readonly kind: GitChange['kind'],
    /** Branch commits of a merge, in walk order; null: the change is its own commit. */
    readonly branch: number[] | null,
    readonly firstCommitAt: number | null,
    readonly mergedAt: number,
    readonly prNumber: number | null,
    public release: ReleasePoint | undefined,
  ) {}

  get commit(): Commit {
    return this.graph.commitAt(this.position);
  }

  get commits(): Commit[] {
    return (this.made ??= this.branch ? this.branch.map((i) => this.graph.commitAt(i)) : [this.commit]);
  }

  get commitCount(): number {
    return this.branch ? this.branch.length : 1;
  }

  get positions(): readonly number[] {
    return this.branch ?? [this.position];
  }
}

/** Releases: tags matching releaseTagPattern; GitHub Releases only where the repository has no such tags. */
export function releasePoints(tags: Tag[], pattern: string, ghReleases: Release[] | undefined, byHash: CommitLookup): ReleasePoint[] {
  const re = safePattern(pattern, { setting: 'releaseTagPattern' });
  let points = tags.filter((t) => re.test(t.name) && byHash.has(t.commit)).map((t) => ({ name: t.name, commit: t.commit, date: t.date }));
  if (points.length === 0 && ghReleases) {
    points = ghReleases.filter((r) => r.commit && byHash.has(r.commit)).map((r) => ({ name: r.tagName, commit: r.commit!, date: r.publishedAt }));
  }
  return points.sort((a, b) => a.date - b.date || a.name.localeCompare(b.name));
}

/** The parent graph of a plain commit list (a dataset without one from the git cache). */
export function graphOf(commits: Commit[]): CommitGraph {
  const n = commits.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(commits[i]!.hash, i);
  const parentStart = new Int32Array(n + 1);
  let total = 0;
  for (let i = 0; i < n; i++) { parentStart[i] = total; total += commits[i]!.parents.length; }
  parentStart[n] = total;
  const parentList = new Int32Array(total);
  for (let i = 0; i < n; i++) {
    const ps = commits[i]!.parents;
    for (let k = 0; k < ps.length; k++) parentList[parentStart[i]! + k] = index.get(ps[k]!) ?? -1;
  }
  return { parentStart, parentList, indexOf: (h) => index.get(h) ?? -1, commitAt: (i) => commits[i]! };
}

/**
 * Works on integer indices and typed arrays (the parent graph as CSR) rather than string-keyed
 * sets: on a 100,000-commit history this is several times faster and leaves far less for the
 * garbage collector. With the git cache's graph it never looks at a parent's hash at all.
 */
export function buildHistoryIndex(
  graph: CommitGraph, tip: string, tags: Tag[], releasePattern: string, ghReleases?: Release[],
  prHeadStarts?: ReadonlyMap<string, number>,
): HistoryIndex {
  const { parentStart, parentList } = graph;
  const n = parentStart.length - 1;
  // Commits are touched through this view only where a list needs them: the git cache turns a
  // position into an object on first use, so most of a long history never becomes one.
  const commits = { at: (i: number) => graph.commitAt(i) };
  const facts = graph.subjectFacts ?? subjectFactsOf(Array.from({ length: n }, (_, i) => graph.commitAt(i).subject));
  const authorDates = graph.authorDates;
  const committerDates = graph.committerDates;
  const authorDateAt = authorDates ? (i: number) => authorDates[i]! : (i: number) => commits.at(i).authorDate;
  const committerDateAt = committerDates ? (i: number) => committerDates[i]! : (i: number) => commits.at(i).committerDate;
  const indexOf = (h: string): number | undefined => { const i = graph.indexOf(h); return i < 0 ? undefined : i; };
  const byHash: CommitLookup = { get: (h) => { const i = graph.indexOf(h); return i < 0 ? undefined : commits.at(i); }, has: (h) => graph.indexOf(h) >= 0 };
  const pushParents = (stack: number[], i: number, from = 0) => {
    for (let k = parentStart[i]! + from; k < parentStart[i + 1]!; k++) if (parentList[k]! >= 0) stack.push(parentList[k]!);
  };
  const releases = releasePoints(tags, releasePattern, ghReleases, byHash);

  const FIRST = 1;
  const CLAIMED = 2;
  const BRANCH = 4;
  const flags = new Uint8Array(n);
  const fpIdx: number[] = [];
  for (let i = indexOf(tip) ?? -1; i >= 0 && !(flags[i]! & FIRST); ) {
    flags[i]! |= FIRST;
    fpIdx.push(i);
    i = parentStart[i + 1]! > parentStart[i]! ? parentList[parentStart[i]!]! : -1;
  }

  // Branch commits of each merge, oldest merge first: a commit belongs to the first merge that
  // reaches it, and everything earlier merges claimed is already in the first parent's history.
  const changes: IndexedChange[] = [];
  const stack: number[] = [];
  for (let k = fpIdx.length - 1; k >= 0; k--) {
    const mi = fpIdx[k]!;
    if (parentStart[mi + 1]! - parentStart[mi]! >= 2) {
      const branch: number[] = [];
      let first: number | null = null;
      pushParents(stack, mi, 1);
      while (stack.length) {
        const i = stack.pop()!;
        if (flags[i]! & (CLAIMED | FIRST)) continue;
        flags[i]! |= CLAIMED;
        branch.push(i);
        const at = authorDateAt(i);
        if (first == null || at < first) first = at;
        pushParents(stack, i);
      }
      const pr = facts.mergePr[mi]!;
      changes.push(new IndexedChange(graph, mi, 'merge', branch, first, committerDateAt(mi), pr >= 0 ? pr : null, undefined));
    } else {
      const sq = facts.squashPr[mi]!;
      if (sq >= 0) {
        // (v2) A pull request head gives the squash its branch's real start (see prHeads.ts).
        const fromHead = prHeadStarts?.size ? prHeadStarts.get(commits.at(mi).hash) : undefined;
        changes.push(new IndexedChange(graph, mi, 'squash', null, fromHead ?? authorDateAt(mi), committerDateAt(mi), sq, undefined));
      }
    }
  }
  // (v2) Linear history: no merge and no "(#N)" on the first-parent line, so each first-parent
  // commit is one change (it has no branch, and the unknown-start rule decides whether it counts).
  if (changes.length === 0) {
    for (let k = fpIdx.length - 1; k >= 0; k--) {
      const i = fpIdx[k]!;
      changes.push(new IndexedChange(graph, i, 'commit', null, authorDateAt(i), committerDateAt(i), null, undefined));
    }
  }

  const isMerge = (i: number) => parentStart[i + 1]! - parentStart[i]! > 1;
  const branchIdx: number[] = [];
  const tipIdx = indexOf(tip);
  if (tipIdx !== undefined) stack.push(tipIdx);
  while (stack.length) {
    const i = stack.pop()!;
    if (flags[i]! & BRANCH) continue;
    flags[i]! |= BRANCH;
    branchIdx.push(i);
    pushParents(stack, i);
  }

  // Earliest release containing each commit: visit releases oldest first and stop at commits
  // already marked, since an earlier release containing a commit contains its ancestors too.
  const releaseIdx = new Int32Array(n).fill(-1);
  // Per release, the non-merge commits it released first (positions): lead time reads only the
  // releases of its window, so the rest of the history is never turned into objects.
  const firstReleased: number[][] = releases.map(() => []);
  let releasesReachBranch = false;
  releases.forEach((r, ri) => {
    const start = indexOf(r.commit);
    if (start !== undefined) stack.push(start);
    while (stack.length) {
      const i = stack.pop()!;
      if (releaseIdx[i] !== -1) continue;
      releaseIdx[i] = ri;
      if (flags[i]! & BRANCH) releasesReachBranch = true;
      if (!isMerge(i)) firstReleased[ri]!.push(i);
      pushParents(stack, i);
    }
  });
  // Position → 1 + the change's index (0: no change there): a typed array, where a map of tens of
  // thousands of entries would be garbage collected again on every run.
  const changeAt = new Int32Array(n);
  changes.forEach((ch, k) => {
    const ri = releaseIdx[ch.position]!;
    ch.release = ri === -1 ? undefined : releases[ri];
    changeAt[ch.position] = k + 1;
  });
  const authorIds = graph.authorIds;
  const authorTable = graph.authorTable;
  // Per test, each author's answer (0 unknown, 1 no, 2 yes): a history has far fewer people than commits.
  const answers = new WeakMap<AuthorTest, Uint8Array>();
  const authoredOnlyBy = (ch: GitChange, test: AuthorTest): boolean => {
    if (ch.commitCount === 0) return false;
    if (!(ch instanceof IndexedChange) || !authorIds || !authorTable) return ch.commits.every((c) => test(c.authorName, c.authorEmail));
    let known = answers.get(test);
    if (!known) answers.set(test, (known = new Uint8Array(authorTable.length)));
    for (const i of ch.positions) {
      const a = authorIds[i]!;
      if (known[a] === 0) known[a] = test(authorTable[a]![0], authorTable[a]![1]) ? 2 : 1;
      if (known[a] === 1) return false;
    }
    return true;
  };
  const releaseOf = (hash: string): ReleasePoint | undefined => {
    const i = indexOf(hash);
    return i === undefined || releaseIdx[i] === -1 ? undefined : releases[releaseIdx[i]!];
  };
  let unreleased = 0;
  const fixIdx: number[] = [];
  for (const i of branchIdx) {
    if (isMerge(i)) continue;
    if (releaseIdx[i] === -1) unreleased += 1;
    if (facts.fix[i]) fixIdx.push(i);
  }
  let bugFixes: Commit[] | undefined;
  let onBranch: Set<string> | undefined;
  let branchCommits: Commit[] | undefined;
  return {
    byHash, releases, releaseOf, changes, unreleased, releasesReachBranch, authoredOnlyBy,
    changeOf: (hash) => { const i = indexOf(hash); return i === undefined || changeAt[i] === 0 ? undefined : changes[changeAt[i]! - 1]; },
    get bugFixes() {
      return (bugFixes ??= fixIdx.map((i) => commits.at(i)));
    },
    // By the date column: a report's two windows turn their own fixes into objects, not the history's.
    bugFixesIn: (w) => fixIdx.filter((i) => inWindow(committerDateAt(i), w)).map((i) => commits.at(i)),
    firstRelease: releases[0],
    // Stops at the first hit; the walk starts at the tip, so a window of recent work is found at once.
    // With the cache's date column no commit object is made: a stale 100,000-commit history is one pass over numbers.
    committedIn: (w) => {
      const dates = graph.committerDates;
      if (!dates) return branchIdx.some((i) => inWindow(commits.at(i).committerDate, w));
      for (const i of branchIdx) if (dates[i]! >= w.since && dates[i]! < w.until) return true;
      return false;
    },
    releasedIn: (w) => releases.flatMap((release, ri) => (inWindow(release.date, w) ? firstReleased[ri]!.map((i) => ({ commit: commits.at(i), release })) : [])),
    // Built on first use only: most reports never ask for them.
    get branchCommits() {
      return (branchCommits ??= branchIdx.map((i) => commits.at(i)));
    },
    get onBranch() {
      return (onBranch ??= new Set(this.branchCommits.map((c) => c.hash)));
    },
  };
}

/** Files a change touched: its branch commits' files, or the squash commit's. */
export function changeFiles(change: GitChange): Set<string> {
  const out = new Set<string>();
  for (const c of change.commits) for (const f of c.files) out.add(f.path);
  return out;
}
