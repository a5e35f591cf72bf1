import type { Commit } from '../../model/commit';
import { typeMatches, type Issue } from '../../model/issue';
import { isBugIssue } from '../../sources/github/bugLabels';
import type { Window } from '../../model/time';
import { fileClassifier } from '../../sources/kloc/fileClassifier';
import type { KpiOptions } from '../../options';
import type { MetricContext } from '../metricContext';

/** A window's bug-fix commits split by spec §4 (v2): defects change a source file, the rest do not. */
export interface GitDefectFixes {
  defects: Commit[];
  /** Bug-fix commits that changed no source file ("Fix typo in the guide", "fix lint", a test-only fix). */
  notSource: Commit[];
}

interface Verdicts {
  options: KpiOptions;
  leftOut: string[];
  isSource: (path: string) => boolean;
  /** Per commit: does it change a source file? Kept so that the sprint review's many windows ask once. */
  changesSource: WeakMap<Commit, boolean>;
}

const memo = new WeakMap<object, Verdicts>();

function verdicts(ctx: Pick<MetricContext, 'history' | 'options' | 'dataset'>): Verdicts {
  const { leftOut } = ctx.dataset.kloc;
  const hit = memo.get(ctx.history);
  if (hit && hit.options === ctx.options && hit.leftOut === leftOut) return hit;
  const classify = fileClassifier(ctx.options);
  const notCounted = new Set(leftOut);
  const v: Verdicts = { options: ctx.options, leftOut, isSource: (p) => classify(p)?.kind === 'source' && !notCounted.has(p), changesSource: new WeakMap() };
  memo.set(ctx.history, v);
  return v;
}

/**
 * Spec §4 (v2): a bug-fix commit is a defect only if it changes at least one source file, by the
 * same classification KLOC uses, applied to the commit's paths. A test file is not a source file
 * (KLOC leaves tests out too), so a fix that only touches tests, docs or config is no defect, and
 * §6's "also change a test file" is asked of the defects alone. A path that is at HEAD but left out
 * of KLOC (generated, vendored, minified, over 1 MiB) is not source either; a path gone from HEAD
 * is judged by its name alone. Only the window's commits are classified: a report reads two
 * windows of a long history, not all of it.
 */
export function gitDefectFixes(ctx: Pick<MetricContext, 'history' | 'options' | 'dataset'>, w: Window): GitDefectFixes {
  const v = verdicts(ctx);
  const fixes: GitDefectFixes = { defects: [], notSource: [] };
  for (const c of ctx.history.bugFixesIn(w)) {
    let source = v.changesSource.get(c);
    if (source === undefined) v.changesSource.set(c, (source = c.files.some((f) => v.isSource(f.path))));
    (source ? fixes.defects : fixes.notSource).push(c);
  }
  return fixes;
}

/** The settings that say what a defect issue is. */
export type DefectOptions = Pick<KpiOptions, 'defectTypes' | 'bugLabelPattern'>;

/** Spec §4: a Jira issue of a defect type (by id, untranslated or displayed name), or a GitHub issue with a bug label. */
export function isDefectIssue(issue: Issue, options: DefectOptions): boolean {
  if (issue.source === 'jira') return typeMatches(issue, options.defectTypes);
  return isBugIssue(issue, options.bugLabelPattern);
}
