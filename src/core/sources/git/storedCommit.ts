import type { Commit, FileChange } from '../../model/commit';
import type { CommitStore } from './commitStore';

/**
 * A commit read from the cache. Its fields are decoded from the columns on first use and kept:
 * most reports look at the hash, parents or files of a small share of the history.
 */
export class StoredCommit implements Commit {
  private h?: string;
  private s?: string;
  private p?: string[];
  private f?: FileChange[];

  constructor(private readonly store: CommitStore, private readonly i: number) {}

  get hash(): string {
    return (this.h ??= this.store.hashAt(this.i));
  }
  get parents(): string[] {
    return (this.p ??= this.store.parentsAt(this.i));
  }
  get files(): FileChange[] {
    return (this.f ??= this.store.filesAt(this.i));
  }
  get authorName(): string {
    return this.store.authors[this.store.authorCol.at(this.i)]![0];
  }
  get authorEmail(): string {
    return this.store.authors[this.store.authorCol.at(this.i)]![1];
  }
  get authorDate(): number {
    return this.store.authorDateCol.at(this.i);
  }
  get committerDate(): number {
    return this.store.committerDateCol.at(this.i);
  }
  get subject(): string {
    return (this.s ??= this.store.subjectAt(this.i));
  }
  /** Plain data for JSON and for comparing with a parsed commit. */
  toJSON(): Commit {
    return { hash: this.hash, parents: this.parents, authorName: this.authorName, authorEmail: this.authorEmail, authorDate: this.authorDate, committerDate: this.committerDate, subject: this.subject, files: this.files };
  }
}
