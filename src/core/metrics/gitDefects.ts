import type { Commit } from '../model/commit';
import { fileClassifier } from '../kloc/fileClassifier';
import type { KpiOptions } from '../options';
import type { MetricContext } from './metricContext';

/** The default branch's bug-fix commits split by spec §4 (v2): defects change a source file, the rest do not. */
export interface GitDefectFixes {
  defects: Commit[];
  /** Bug-fix commits that changed no source file ("Fix typo in the guide", "fix lint", a test-only fix). */
  notSource: Commit[];
}

const memo = new WeakMap<object, { options: KpiOptions; leftOut: string[]; fixes: GitDefectFixes }>();

/**
 * Spec §4 (v2): a bug-fix commit is a defect only if it changes at least one source file, by the
 * same classification KLOC uses, applied to the commit's paths. A test file is not a source file
 * (KLOC leaves tests out too), so a fix that only touches tests, docs or config is no defect, and
 * §6's "also change a test file" is asked of the defects alone. A path that is at HEAD but left out
 * of KLOC (generated, vendored, minified, over 1 MiB) is not source either; a path gone from HEAD
 * is judged by its name alone. Split once per history, options and line count: the sprint review
 * asks for many windows of the same commits.
 */
export function gitDefectFixes(ctx: Pick<MetricContext, 'history' | 'options' | 'dataset'>): GitDefectFixes {
  const { leftOut } = ctx.dataset.kloc;
  const hit = memo.get(ctx.history);
  if (hit && hit.options === ctx.options && hit.leftOut === leftOut) return hit.fixes;
  const classify = fileClassifier(ctx.options);
  const notCounted = new Set(leftOut);
  const isSource = (p: string) => classify(p)?.kind === 'source' && !notCounted.has(p);
  const fixes: GitDefectFixes = { defects: [], notSource: [] };
  for (const c of ctx.history.bugFixes) (c.files.some((f) => isSource(f.path)) ? fixes.defects : fixes.notSource).push(c);
  memo.set(ctx.history, { options: ctx.options, leftOut, fixes });
  return fixes;
}
