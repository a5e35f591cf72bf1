/**
 * The one rule for which commits' file lists are read with the history: the non-merge commits
 * whose subject marks a bug fix (model/commitSubject). Those are the git fallback's defects and
 * the only commits whose files a report reads for any window: defect density and its hotspots
 * (spec §4, and v2's "a fix changes a source file"), the regression-test rate (§6). It is the
 * same set as the history index's `bugFixes` (metrics/shared/historyIndex), which also asks "fix, not
 * a merge". Every other reader asks for the files it needs ahead (GitHistory.loadFiles): the
 * commits that Jira and GitHub defects name (pipeline), a sprint review's periods.
 *
 * A merge needs no read: like `git log --name-status`, it lists no files.
 */
export function filesReadUpfront(subjectMarksFix: boolean, parentCount: number): boolean {
  return subjectMarksFix && parentCount <= 1;
}
