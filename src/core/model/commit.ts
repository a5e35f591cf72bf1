import type { EpochSeconds } from './time';

/** One path a commit changed, as git's --raw lists it (renames keep their old path). */
export interface FileChange {
  path: string;
  /** git's status letter: A, M, D, R, C, T. */
  status: string;
  oldPath?: string;
}

export interface Commit {
  hash: string;
  parents: string[];
  /** Mailmap-aware (%aN / %aE). */
  authorName: string;
  authorEmail: string;
  authorDate: EpochSeconds;
  committerDate: EpochSeconds;
  subject: string;
  /** Paths changed against the first parent; empty for merges (git lists none without -m). */
  files: FileChange[];
}

/** A release tag: annotated tags are dated by their tagger, lightweight ones by their commit. */
export interface Tag {
  name: string;
  commit: string;
  date: EpochSeconds;
}

export interface RepositoryInfo {
  path: string;
  defaultBranch: string;
  head: string;
  shallow: boolean;
  detached: boolean;
}
