import { inWindow, toIso, type Window } from '../../model/time';
import type { Commit } from '../../model/commit';
import type { Issue } from '../../model/issue';
import { emptyDetails, excludedCounts, type DrillItem } from '../../model/kpi';
import type { KlocIndex } from '../../model/kloc';
import { round4 } from '../shared/stats';
import { compareHotspots, hotspotDensity, noDensityNote, type HotspotKind } from './hotspots';
import { changeFiles, type HistoryIndex } from '../shared/historyIndex';
import { referencedJiraKeys, referencedNumbers } from '../shared/issueRefs';
import { gitDefectFixes, isDefectIssue } from '../shared/defectRule';
import { addTo } from '../../util/addTo';
import type { MetricContext, MetricOutput } from '../metricContext';
import type { Dataset } from '../../model/dataset';
import { trackerOf } from '../shared/sourceChoice';

/** A defect and the files its fix touched. */
export interface Defect {
  item: DrillItem;
  files: Set<string>;
}

export function defectSource(ctx: MetricContext): { source: 'jira' | 'github' | 'git'; issues: Issue[] } {
  return trackerOf(ctx.dataset) ?? { source: 'git', issues: [] };
}

/** Commits on the default branch, indexed by the Jira keys and #numbers their subjects name. */
function commitRefs(ctx: MetricContext): { byKey: Map<string, Commit[]>; byNumber: Map<number, Commit[]> } {
  const byKey = new Map<string, Commit[]>();
  const byNumber = new Map<number, Commit[]>();
  for (const c of ctx.history.branchCommits) {
    for (const k of referencedJiraKeys(c.subject)) addTo(byKey, k, c);
    for (const n of referencedNumbers(c.subject)) addTo(byNumber, n, c);
  }
  return { byKey, byNumber };
}

function filesOf(commits: Commit[], ctx: MetricContext): Set<string> {
  const out = new Set<string>();
  for (const c of commits) {
    if (c.parents.length > 1) {
      const ch = ctx.history.changeOf(c.hash);
      if (ch) for (const f of changeFiles(ch)) out.add(f);
    } else for (const f of c.files) out.add(f.path);
  }
  return out;
}

/**
 * Every commit whose files collectDefects may read for an issue-based source, in any window and
 * whatever the defect types or bug labels: the branch commits naming any Jira key or GitHub issue
 * number the dataset has, and the merges of pull requests that close an issue, with their change's
 * commits for merges. The pipeline reads their files ahead (the git fallback's fixes come with
 * the history).
 */
export function issueLinkedCommits(dataset: Dataset, history: HistoryIndex): Commit[] {
  const keys = new Set((dataset.jiraIssues ?? []).flatMap((i) => [i.key, ...i.previousKeys]));
  const numbers = new Set((dataset.githubIssues ?? []).map((i) => Number(i.key.replace('#', ''))));
  const out: Commit[] = [];
  if (keys.size === 0 && numbers.size === 0) return out;
  const add = (c: Commit) => {
    if (c.parents.length <= 1) out.push(c);
    else out.push(...(history.changeOf(c.hash)?.commits ?? []));
  };
  for (const c of history.branchCommits) {
    if (referencedJiraKeys(c.subject).some((k) => keys.has(k)) || referencedNumbers(c.subject).some((n) => numbers.has(n))) add(c);
  }
  for (const pr of dataset.pullRequests ?? []) {
    const merge = pr.mergeCommitSha && pr.closesIssues.length > 0 ? history.byHash.get(pr.mergeCommitSha) : undefined;
    if (merge) add(merge);
  }
  return out;
}

/**
 * The defects created (issues) or fixed (git fallback) in window `w`, with the files each fix
 * touched; `notSource`: the window's bug-fix commits that were no defect (git fallback only).
 */
export function collectDefects(ctx: MetricContext, w: Window): { source: 'jira' | 'github' | 'git'; defects: Defect[]; notSource: number } {
  const { source, issues } = defectSource(ctx);
  if (source === 'git') {
    const fixes = gitDefectFixes(ctx, w);
    const defects: Defect[] = [];
    for (const c of fixes.defects) {
      defects.push({
        item: { kind: 'commit', id: c.hash.slice(0, 10), title: c.subject, at: toIso(c.committerDate), extra: { author: c.authorName } },
        files: new Set(c.files.map((f) => f.path)),
      });
    }
    return { source, defects, notSource: fixes.notSource.length };
  }
  const refs = commitRefs(ctx);
  const defects: Defect[] = [];
  for (const issue of issues) {
    if (!inWindow(issue.createdAt, w) || !isDefectIssue(issue, ctx.options)) continue;
    let commits: Commit[] = [];
    if (source === 'jira') {
      for (const k of [issue.key, ...issue.previousKeys]) commits.push(...(refs.byKey.get(k) ?? []));
    } else {
      const n = Number(issue.key.replace('#', ''));
      commits = [...(refs.byNumber.get(n) ?? [])];
      for (const pr of ctx.dataset.pullRequests ?? []) {
        const merge = pr.mergeCommitSha ? ctx.history.byHash.get(pr.mergeCommitSha) : undefined;
        if (merge && pr.closesIssues.includes(n)) commits.push(merge);
      }
    }
    defects.push({
      item: { kind: 'issue', id: issue.key, title: issue.title, url: issue.url, at: toIso(issue.createdAt), extra: { type: issue.type, status: issue.status } },
      files: filesOf(commits, ctx),
    });
  }
  return { source, defects, notSource: 0 };
}

/** Lines per source file and per module at HEAD: the same for both windows of a report and every period of a review. */
const sizesMemo = new WeakMap<KlocIndex, { depth: number; fileLines: Map<string, number>; moduleLines: Map<string, number> }>();
function sourceSizes(kloc: KlocIndex, depth: number): { fileLines: Map<string, number>; moduleLines: Map<string, number> } {
  const hit = sizesMemo.get(kloc);
  if (hit && hit.depth === depth) return hit;
  const sourceFiles = kloc.files.filter((f) => f.kind === 'source');
  const fileLines = new Map(sourceFiles.map((f) => [f.path, f.lines]));
  const moduleLines = new Map<string, number>();
  for (const f of sourceFiles) {
    const m = moduleOf(f.path, depth);
    moduleLines.set(m, (moduleLines.get(m) ?? 0) + f.lines);
  }
  sizesMemo.set(kloc, { depth, fileLines, moduleLines });
  return { fileLines, moduleLines };
}

export function moduleOf(path: string, depth: number): string {
  const dirs = path.split('/').slice(0, -1);
  return dirs.length === 0 ? '(root)' : dirs.slice(0, depth).join('/');
}

/** Spec §4: defects per KLOC of source at HEAD, with per-module and per-file hotspots (ranked as compareHotspots says). */
export function defectDensity(ctx: MetricContext): MetricOutput {
  const { kloc } = ctx.dataset;
  const klocTotal = kloc.sourceLines / 1000;
  const { source, defects, notSource } = collectDefects(ctx, ctx.window);
  const density = (n: number) => (klocTotal > 0 ? round4(n / klocTotal) : null);
  const reason = klocTotal === 0 ? 'no source lines found at HEAD (check sourceGlobs/excludeGlobs)' : undefined;
  if (ctx.valueOnly) return { kpi: { value: reason ? null : density(defects.length), unit: 'defects/KLOC' }, details: emptyDetails() };

  const { fileLines, moduleLines } = sourceSizes(kloc, ctx.options.moduleDepth);
  const perFile = new Map<string, number>();
  const perModule = new Map<string, number>();
  for (const d of defects) {
    const modules = new Set<string>();
    for (const p of d.files) {
      if (!fileLines.has(p)) continue; // only source files that still exist at HEAD have a size
      perFile.set(p, (perFile.get(p) ?? 0) + 1);
      modules.add(moduleOf(p, ctx.options.moduleDepth));
    }
    for (const m of modules) perModule.set(m, (perModule.get(m) ?? 0) + 1);
  }
  const hot = (counts: Map<string, number>, lines: Map<string, number>, kind: HotspotKind): DrillItem[] =>
    [...counts].map(([k, defects]) => {
      const n = lines.get(k) ?? 0;
      return { k, defects, n, density: hotspotDensity(kind, defects, n) };
    }).sort((a, b) => compareHotspots(a, b) || a.k.localeCompare(b.k)).map(({ k, defects, n, density }) => ({
      kind, id: k, title: k, ...(kind === 'file' ? { path: k } : {}),
      value: density,
      extra: { defects, kloc: round4(n / 1000), ...(density == null ? { density: noDensityNote(kind) } : {}) },
    }));

  const hotModules = hot(perModule, moduleLines, 'module');
  const hotFiles = hot(perFile, fileLines, 'file');
  return {
    kpi: {
      value: reason ? null : density(defects.length),
      unit: 'defects/KLOC',
      source,
      ...(reason ? { reason } : {}),
      defects: defects.length,
      kloc: round4(klocTotal),
      sampleSize: defects.length,
      // Bug-fix commits that changed no source file (spec §4 v2): why "fix" commits may outnumber defects.
      excluded: excludedCounts({ notSource }),
      hotspots: {
        modules: hotModules.slice(0, 10).map((h) => ({ module: h.id, density: h.value, defects: h.extra?.defects })),
        files: hotFiles.slice(0, 10).map((h) => ({ file: h.id, density: h.value, defects: h.extra?.defects })),
      },
      previous: undefined,
    },
    details: {
      items: [...hotModules, ...hotFiles, ...defects.map((d) => d.item)],
      series: [],
    },
  };
}
