import { inWindow, previousWindow, type Window } from '../../model/time';

/**
 * The one rule for which commits' file lists are read with the history: the non-merge commits
 * whose subject marks a bug fix (model/commitSubject). Those are the git fallback's defects and
 * the only commits whose files a report reads for any window: defect density and its hotspots
 * (spec §4, and v2's "a fix changes a source file"), the regression-test rate (§6). It is the
 * same set as the history index's `bugFixes` (metrics/shared/historyIndex), which also asks "fix, not
 * a merge". Every other reader asks for the files it needs ahead (GitHistory.loadFiles): the
 * commits that Jira and GitHub defects name (pipeline), a sprint review's periods.
 *
 * A host that reports on one window it knows before the history is read (the CLI) names it
 * (`span`, from reportedSpan): a report over a window reads the fixes it commits by committer
 * date (gitDefectFixes), in that window and the previous one (the trend, computeKpis), so only
 * those are read; a 35,000-commit history then reads a few hundred file lists instead of 5,000.
 * A later run over another window reads the ones it lacks (the cache keeps every list read).
 *
 * A merge needs no read: like `git log --name-status`, it lists no files.
 */
export function filesReadUpfront(subjectMarksFix: boolean, parentCount: number, committerDate: number, span?: Window): boolean {
  return subjectMarksFix && parentCount <= 1 && (span === undefined || inWindow(committerDate, span));
}

/** What a report over `w` reads fixes from: `w` and, for its trend, the window before it. */
export function reportedSpan(w: Window): Window {
  return { since: previousWindow(w).since, until: w.until };
}
