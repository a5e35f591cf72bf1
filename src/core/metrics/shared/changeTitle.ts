import type { GitChange } from './historyIndex';

/**
 * A git change as a person names it. A merge's own subject ("Merge pull request #57226 from
 * org/branch", "Merge branch 'x'") names only the branch; the merged branch's last commit (the
 * merge's second parent) says what the work was. Squashes and plain commits are their subject.
 */
export function changeTitle(ch: GitChange): string {
  if (ch.kind !== 'merge') return ch.commit.subject;
  const tip = ch.commit.parents[1];
  // The tip is among the branch's commits unless an earlier merge already claimed it.
  const merged = tip === undefined ? undefined : ch.commits.find((c) => c.hash === tip);
  return merged?.subject || ch.commit.subject;
}
