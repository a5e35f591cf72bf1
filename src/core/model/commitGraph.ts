/**
 * The parent graph of a dataset's commits by position: commit i's parents are
 * parentList[parentStart[i] .. parentStart[i + 1]), −1 where a parent is not in the history.
 * The git cache keeps the history in this form, so the history views walk it without a hash lookup.
 */
import type { Commit } from './commit';
import type { SubjectFacts } from './commitSubject';

export interface CommitGraph {
  readonly parentStart: Int32Array;
  readonly parentList: Int32Array;
  /** The commit at a position (the git cache decodes it on first use). */
  commitAt(i: number): Commit;
  /** A commit's position by its full hash, or −1. */
  indexOf(hash: string): number;
  /** Committer dates by position, when the source keeps them as a column (the git cache does). */
  readonly committerDates?: Float64Array;
  /** Fix and PR facts of each commit's subject, when the source keeps them (the git cache does). */
  readonly subjectFacts?: SubjectFacts;
  /** Author dates by position, when the source keeps them as a column (the git cache does). */
  readonly authorDates?: Float64Array;
  /**
   * Each commit's author as a position in `authorTable` ([name, email] pairs), when the source keeps
   * them so (the git cache does): a rule about authors is then decided once per person, not per commit.
   */
  readonly authorIds?: Int32Array;
  readonly authorTable?: ReadonlyArray<readonly [string, string]>;
}
