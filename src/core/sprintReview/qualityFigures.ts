import { inWindow } from '../model/time';
import { collectDefects, defectSource } from '../metrics/defectDensity/defectDensity';
import { computeDefectRemovalEfficiency, escapeReason } from '../metrics/testEffectiveness/defectRemovalEfficiency';
import { regressionTestRate } from '../metrics/testEffectiveness/regressionTestRate';
import { compareHotspots, hotspotDensity } from '../metrics/defectDensity/hotspots';
import { DAY } from '../metrics/shared/stats';
import { metricContext, type ReviewContext } from './reviewContext';
import type { ReviewPeriod } from './reviewPeriods';
import type { ExcludedItems, HotspotFile, PeriodValue, QualityKey } from './reviewTypes';
import { gitDefectFixes, isDefectIssue } from '../metrics/shared/defectRule';
import { countsOf } from './exclusions';

export interface QualityPeriod {
  values: Record<QualityKey, PeriodValue>;
  source: 'jira' | 'github' | 'git';
  hotspots: HotspotFile[];
  /** The period's bug-fix commits that changed no source file (spec §4 v2), for the data-quality list. */
  excluded: ExcludedItems;
}

/** The look-back that makes a file a hotspot: the report's default window (spec Conventions). */
export const HOTSPOT_DAYS = 90;

/**
 * Files changed in the period that are defect hotspots: source files at HEAD touched by the fix of
 * at least one defect (spec §4) in the 90 days ending with the period, ranked as the report's
 * hotspots are (by defects, then density; no density under 50 source lines).
 */
function hotspotsChanged(rc: ReviewContext, p: ReviewPeriod): HotspotFile[] {
  const ctx = metricContext(rc, { since: p.until - HOTSPOT_DAYS * DAY, until: p.until });
  const lines = new Map(rc.dataset.kloc.files.filter((f) => f.kind === 'source').map((f) => [f.path, f.lines]));
  const defectsPerFile = new Map<string, number>();
  for (const d of collectDefects(ctx, ctx.window).defects) {
    for (const f of d.files) if (lines.has(f)) defectsPerFile.set(f, (defectsPerFile.get(f) ?? 0) + 1);
  }
  if (defectsPerFile.size === 0) return [];
  const commitsPerFile = new Map<string, number>();
  for (const h of rc.history.onBranch) {
    const c = rc.history.byHash.get(h)!;
    if (!inWindow(c.committerDate, p)) continue;
    for (const f of new Set(c.files.map((x) => x.path))) if (defectsPerFile.has(f)) commitsPerFile.set(f, (commitsPerFile.get(f) ?? 0) + 1);
  }
  return [...commitsPerFile].map(([path, commits]) => {
    const n = defectsPerFile.get(path)!;
    const l = lines.get(path)!;
    return { path, defects: n, density: hotspotDensity('file', n, l), commitsInPeriod: commits };
  }).sort((a, b) => compareHotspots(a, b) || a.path.localeCompare(b.path));
}

/** Defects created, fixed and escaped (spec §4, §6), removal efficiency, regression-test rate, hotspots. */
export function qualityPeriod(rc: ReviewContext, p: ReviewPeriod): QualityPeriod {
  const ctx = metricContext(rc, p);
  const { source, issues } = defectSource(ctx);
  const rtr = regressionTestRate(ctx).kpi;
  const hotspots = hotspotsChanged(rc, p);
  // The regression-test rate is over git's defects whatever the defect source; so is this count.
  const notSource = gitDefectFixes(ctx, p).notSource.map((c) => c.hash.slice(0, 10));
  const excluded: ExcludedItems = notSource.length ? { notSource } : {};
  const counts = countsOf(excluded);
  const withCounts = (v: PeriodValue): PeriodValue => (counts ? { ...v, excluded: counts } : v);
  const common = {
    regressionTestRate: withCounts(rtr.value == null ? { value: null, reason: rtr.reason ?? 'no bug-fix commits in period' } : { value: rtr.value }),
    hotspotFilesChanged: { value: hotspots.length },
  };
  if (source === 'git') {
    const fixes = collectDefects(ctx, p).defects.length;
    const missing = { value: null, reason: 'needs Jira or GitHub issues (git alone has no defect reports)', needs: rc.missingTrackers };
    return {
      source,
      hotspots,
      excluded,
      values: {
        defectsCreated: missing,
        defectsFixed: withCounts({ value: fixes }),
        defectsEscaped: missing,
        defectRemovalEfficiency: missing,
        ...common,
      },
    };
  }
  const defects = issues.filter((i) => isDefectIssue(i, rc.options));
  const created = defects.filter((i) => inWindow(i.createdAt, p));
  const dre = computeDefectRemovalEfficiency(issues, p, rc.options, rc.now).kpi;
  return {
    source,
    hotspots,
    excluded,
    values: {
      defectsCreated: { value: created.length },
      defectsFixed: { value: defects.filter((i) => inWindow(i.resolvedAt, p)).length },
      defectsEscaped: { value: created.filter((i) => escapeReason(i, rc.options) != null).length },
      defectRemovalEfficiency: dre.value == null ? { value: null, reason: dre.reason ?? 'no defects created in period' } : { value: dre.value },
      ...common,
    },
  };
}
