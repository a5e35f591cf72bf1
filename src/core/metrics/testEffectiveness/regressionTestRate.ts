import type { Commit } from '../../model/commit';
import { toIso } from '../../model/time';
import { round4 } from '../shared/stats';
import { byIsoWeek } from '../shared/isoWeek';
import { testMatcher } from '../../sources/kloc/fileClassifier';
import { gitDefectFixes } from '../shared/defectRule';
import { excludedCounts } from '../../model/kpi';
import type { MetricContext, MetricOutput } from '../metricContext';

/** test KLOC / source KLOC at HEAD (spec §6); null when there is no source. */
export function testToCodeRatio(ctx: MetricContext): number | null {
  const { sourceLines, testLines } = ctx.dataset.kloc;
  return sourceLines > 0 ? round4(testLines / sourceLines) : null;
}

/**
 * Spec §6 git fallback: the share of the window's defects (bug-fix commits that change a source
 * file, §4 v2) that also change a test file.
 */
export function regressionTestRate(ctx: MetricContext): MetricOutput {
  const isTest = testMatcher(ctx.options.testGlobs);
  const fixItem = (c: Commit) => ({ hash: c.hash, subject: c.subject, at: c.committerDate, withTest: c.files.some((f) => isTest(f.path)) });
  const rate = (xs: Array<ReturnType<typeof fixItem>>) => (xs.length ? round4(xs.filter((x) => x.withTest).length / xs.length) : null);
  const now = gitDefectFixes(ctx, ctx.window);
  const cur = now.defects.map(fixItem);
  const value = rate(cur);
  const excludedNow = now.notSource.length;
  return {
    kpi: {
      value,
      unit: 'ratio',
      source: 'git',
      kind: 'regressionTestRate',
      ...(value == null ? { reason: excludedNow > 0 ? 'no bug-fix commits in window changed a source file' : 'no bug-fix commits in window' } : {}),
      sampleSize: cur.length,
      excluded: excludedCounts({ notSource: excludedNow }),
      withTests: cur.filter((x) => x.withTest).length,
      testToCodeRatio: testToCodeRatio(ctx),
      previous: undefined,
    },
    details: {
      items: cur.sort((a, b) => b.at - a.at).map((x) => ({ kind: 'commit', id: x.hash.slice(0, 10), title: x.subject, at: toIso(x.at), extra: { changesTests: x.withTest } })),
      // The chart under the card reads the same fixes, week by week (one source for both).
      series: byIsoWeek(ctx.window.since, ctx.window.until, cur, (x) => x.at).map((w) => ({ period: w.label, start: toIso(w.start), values: { rate: rate(w.items) } })),
    },
  };
}
