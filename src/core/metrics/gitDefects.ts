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

const memo = new WeakMap<object, { options: KpiOptions; fixes: GitDefectFixes }>();

/**
 * Spec §4 (v2): a bug-fix commit is a defect only if it changes at least one source file, by the
 * same classification KLOC uses, applied to the commit's paths. A path that is a test file is not
 * a source file (KLOC leaves tests out too), so a fix that only touches tests, docs or config is
 * not a defect; §6's "also change a test file" is asked of the defects alone. Split once per
 * history and options: the sprint review asks for many windows of the same commits.
 */
export function gitDefectFixes(ctx: Pick<MetricContext, 'history' | 'options' | 'dataset'>): GitDefectFixes {
  const hit = memo.get(ctx.history);
  if (hit && hit.options === ctx.options) return hit.fixes;
  const classify = fileClassifier(ctx.options);
  const isSource = (p: string) => classify(p)?.kind === 'source';
  const fixes: GitDefectFixes = { defects: [], notSource: [] };
  for (const c of ctx.history.bugFixes) (c.files.some((f) => isSource(f.path)) ? fixes.defects : fixes.notSource).push(c);
  memo.set(ctx.history, { options: ctx.options, fixes });
  return fixes;
}
