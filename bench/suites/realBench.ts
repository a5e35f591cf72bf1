/**
 * Issue 14's measures on one realistic repository (bench/synth/realRepos.ts), all in the same run:
 *
 *   floor        the product's own `git log -z … --name-status --no-renames` over the default
 *                branch + tags (what a cold report reads today), output counted and dropped
 *   metadata     the same format without --name-status (graph, dates, subjects only)
 *   cold / warm / incremental (+100 commits) report, peak RSS of the report process
 *   lines per second of the line counter per language at HEAD, beside cloc
 *
 * Floor, metadata and cold runs alternate; the best of `runs` is used (load only adds time).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendCommits } from '../synth/appendCommits';
import { BENCH_DIR } from '../synth/generateRepo';
import { gitPeakRss, metadataPass, productFloorPass, type PassResult } from '../harness/gitPasses';
import { clocInstalled, lineCounterBar, lineCounterBench, printLineCounter, type LanguageSpeed } from './linesSpeed';
import type { LinesEquality } from './linesEquality';
import { loadAverage } from '../harness/machine';
import { ensureRealRepo, type RealRepo, type RealRepoSpec } from '../synth/realRepos';
import { GNU_TIME, cliBuilt, runReport, type ReportRun, type ReportWindow } from '../harness/reportRuns';
import { printBars, printRows, type Bar } from '../harness/table';
import { passCostRows, passCosts, type PassCost } from '../harness/passCosts';
import { compareReports, sameReportBar, sameReportRows, type SameReportCheck } from '../harness/sameReports';

const APPENDED = 100;

export interface RealBenchResult {
  name: string;
  title: string;
  repository: Omit<RealRepo, 'spec'>;
  loadBefore: string;
  seconds: { floor: number[]; metadata: number[]; cold: number[]; warm: number[]; incremental: number[] };
  floorBytes: number;
  metadataBytes: number;
  peakRssMb: number | null;
  gitPeakRssMb: { floor: number | null; metadata: number | null };
  errors: string[];
  passes: PassCost[];
  sameReports: SameReportCheck[];
  bars: Array<Bar & { pass: boolean | null }>;
  lines: LanguageSpeed[];
  /** The line counter against the old one and typescript-estree, file by file (the JS repository). */
  linesEquality?: LinesEquality;
}

const best = (xs: number[]): number | undefined => (xs.length ? Math.min(...xs) : undefined);
const sec = (s: number | undefined): string => (s === undefined ? 'n/a' : `${s.toFixed(2)} s`);
const ratio = (a: number | undefined, b: number | undefined): number | undefined => (a === undefined || b === undefined ? undefined : a / b);

export async function realRepoBench(spec: RealRepoSpec, runs: number, window: ReportWindow, log: (s: string) => void): Promise<RealBenchResult> {
  const repo = await ensureRealRepo(spec, log);
  const s = repo.stats;
  const c = repo.content;
  const parts = [
    [s.squashCommits, 'squash "(#N)" with author = committer instant'], [s.mergeCommits, 'merges'], [s.directCommits, 'direct'],
    [s.branchCommits, 'on topic branches'], [s.backportCommits, `backports on ${s.stableBranches} stable branches`], [s.fixCommits, 'fixes'],
  ] as const;
  console.log(`\nRepository ${spec.name} (${spec.title}): ${s.commits} commits (${parts.filter(([n]) => n > 0).map(([n, what]) => `${n} ${what}`).join(', ')}), ` +
    `${s.tags} tags${s.stableTags ? ` (${s.stableTags} on stable branches)` : ''}, ${s.filesAtHead} files at HEAD; .git ${(repo.gitBytes / 2 ** 20).toFixed(0)} MB; ` +
    `generated in ${repo.generateSeconds.toFixed(1)} s${repo.reused ? ' (cached, reused)' : ''}`);
  console.log(`  HEAD: ${c.lines} lines (${c.testLines} in test files) of real code from node_modules: ` +
    c.packages.map((p) => `${p.name}@${p.version} (${p.files} files, ${p.lines} lines)`).join(', '));

  const loadBefore = loadAverage();
  const work = join(BENCH_DIR, `work-${spec.name}`);
  rmSync(work, { recursive: true, force: true });
  execFileSync('cp', ['-a', repo.dir, work]);
  const haveCli = cliBuilt();
  const floors: PassResult[] = [];
  const metas: PassResult[] = [];
  const colds: ReportRun[] = [];
  const warms: ReportRun[] = [];
  const incrementals: ReportRun[] = [];
  const caches: string[] = [];
  const same: SameReportCheck[] = [];
  let passes: PassCost[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      log(`${spec.name}: floor, metadata pass, cold report ${i + 1}/${runs}`);
      floors.push(await productFloorPass(work));
      metas.push(await metadataPass(work));
      if (!haveCli) continue;
      mkdirSync(BENCH_DIR, { recursive: true });
      const cache = mkdtempSync(join(BENCH_DIR, 'cache-'));
      caches.push(cache);
      colds.push(await runReport(work, cache, window));
    }
    const lastCache = caches[caches.length - 1];
    colds.slice(1).forEach((c, i) => same.push(compareReports(`cold run ${i + 2} = cold run 1`, colds[0], c)));
    if (lastCache && colds.some((r) => r.ok)) {
      for (let i = 0; i < runs; i++) {
        log(`${spec.name}: warm report ${i + 1}/${runs}`);
        warms.push(await runReport(work, lastCache, window));
        same.push(compareReports(`warm run ${i + 1} = cold`, colds[colds.length - 1], warms[i]));
      }
      log(`${spec.name}: what each pass costs`);
      passes = await passCosts(work, window);
      for (let i = 0; i < runs; i++) {
        log(`${spec.name}: appending ${APPENDED} commits, incremental report ${i + 1}/${runs}, and a cold one to compare`);
        await appendCommits(work, APPENDED, i + 1);
        incrementals.push(await runReport(work, lastCache, window));
        const fresh = mkdtempSync(join(BENCH_DIR, 'cache-'));
        caches.push(fresh);
        same.push(compareReports(`incremental run ${i + 1} (+${APPENDED * (i + 1)} commits) = cold on the same commits`, await runReport(work, fresh, window), incrementals[i]));
      }
    }
  } finally {
    for (const cache of caches) rmSync(cache, { recursive: true, force: true });
  }
  const gitRss = gitPeakRss(repo.dir);
  log(`${spec.name}: lines per second at HEAD${clocInstalled() ? ', ours and cloc' : ''}${spec.name === 'js' ? ', exactness' : ''}`);
  const counter = lineCounterBench(repo.dir, runs, spec.name === 'js');

  const okSeconds = (xs: ReportRun[]): number[] => xs.filter((r) => r.ok).map((r) => r.seconds);
  const floor = best(floors.map((f) => f.seconds));
  const meta = best(metas.map((m) => m.seconds));
  const cold = best(okSeconds(colds));
  const warm = best(okSeconds(warms));
  const incr = best(okSeconds(incrementals));
  const floorCpu = best(floors.map((f) => f.cpuSeconds));
  const coldCpu = best(colds.filter((r) => r.ok).map((r) => r.cpuSeconds));
  const all = [...colds, ...warms, ...incrementals];
  const rss = all.some((r) => r.maxRssKb !== undefined) ? Math.max(...all.map((r) => r.maxRssKb ?? 0)) / 1024 : undefined;
  const treeRss = all.some((r) => r.treeMaxRssKb !== undefined) ? Math.max(...all.map((r) => r.treeMaxRssKb ?? 0)) / 1024 : undefined;
  const errors = all.filter((r) => !r.ok).map((r) => r.error ?? 'failed');
  const report = (xs: ReportRun[], base?: number): string => {
    if (!haveCli) return 'CLI not built';
    if (xs.length === 0) return 'not run (no successful cold run)';
    const failed = xs.find((r) => !r.ok);
    if (failed) return `failed: ${failed.error ?? ''}`;
    const b = best(xs.map((r) => r.seconds));
    const cpu = best(xs.map((r) => r.cpuSeconds));
    return `${sec(b)} best of ${xs.length}${base !== undefined && b !== undefined ? ` = ${(b / base).toFixed(2)}× the floor` : ''}` +
      ` (cpu ${sec(cpu)}${floorCpu !== undefined && base !== undefined && cpu !== undefined ? ` = ${(cpu / floorCpu).toFixed(2)}× the floor's` : ''}${coldCpu !== undefined && base === undefined && cpu !== undefined ? ` = ${(cpu / coldCpu).toFixed(3)}× the cold run's` : ''})`;
  };
  const mb = (x: number | undefined): string => (x === undefined ? 'n/a' : `${x.toFixed(0)} MB`);
  console.log('');
  printRows(`Measurements, ${spec.name} (load average before ${loadBefore})`, [
    { name: 'floor: product\'s git log --name-status, default branch + tags', value: `${sec(floor)} best of ${floors.length} (cpu ${sec(floorCpu)}, ${((floors[0]?.bytes ?? 0) / 2 ** 20).toFixed(0)} MB out)` },
    { name: 'metadata-only git log (same format, no --name-status)', value: `${sec(meta)} best of ${metas.length} = ${(ratio(meta, floor) ?? NaN).toFixed(2)}× the floor (${((metas[0]?.bytes ?? 0) / 2 ** 20).toFixed(0)} MB out)` },
    { name: 'git\'s own peak RSS: floor / metadata pass', value: `${mb(gitRss.floorMb)} / ${mb(gitRss.metadataMb)}${existsSync(GNU_TIME) ? '' : ' (no /usr/bin/time)'}` },
    { name: 'cold report (empty cache)', value: report(colds, floor) },
    { name: 'warm report (cache, no new commits)', value: report(warms) },
    { name: `incremental report (+${APPENDED} commits)`, value: report(incrementals) },
    { name: 'peak RSS of the report process', value: haveCli ? `${mb(rss)} (largest process incl. git children: ${mb(treeRss)})` : 'CLI not built' },
    { name: 'KPIs (last cold run)', value: colds.filter((r) => r.ok).pop()?.summary ?? 'n/a' },
  ]);
  if (passes.length) {
    console.log('');
    printRows(`What each pass of a cold report costs on its own, ${spec.name} (in the report they overlap)`, passCostRows(passes));
  }
  console.log('');
  printRows(`Reports cold, warm and incremental, ${spec.name} (report JSON, generatedAt aside)`, sameReportRows(same));
  const missing = haveCli ? 'report failed' : 'report: CLI not built yet';
  const bars: Bar[] = [
    { name: `${spec.name}: cold / floor`, value: ratio(cold, floor), limit: 1.0, unit: '×' },
    { name: `${spec.name}: cold / floor (stretch)`, value: ratio(cold, floor), limit: 0.6, unit: '×' },
    { name: `${spec.name}: warm / cold`, value: ratio(warm, cold), limit: 0.1, unit: '×' },
    { name: `${spec.name}: incremental / cold`, value: ratio(incr, cold), limit: 0.15, unit: '×' },
    { name: `${spec.name}: peak RSS (report process)`, value: rss, limit: 300, unit: 'MB' },
    lineCounterBar(spec.name, counter.lines),
    sameReportBar(`${spec.name}: reports differing cold / warm / incremental`, same),
  ];
  printBars(bars, missing);

  console.log('');
  printLineCounter(spec.name, counter);

  return {
    name: spec.name, title: spec.title, loadBefore,
    repository: { dir: repo.dir, stats: repo.stats, content: repo.content, generateSeconds: repo.generateSeconds, gitBytes: repo.gitBytes, reused: repo.reused },
    seconds: { floor: floors.map((f) => f.seconds), metadata: metas.map((m) => m.seconds), cold: colds.map((r) => r.seconds), warm: warms.map((r) => r.seconds), incremental: incrementals.map((r) => r.seconds) },
    floorBytes: floors[0]?.bytes ?? 0, metadataBytes: metas[0]?.bytes ?? 0,
    peakRssMb: rss ?? null, gitPeakRssMb: { floor: gitRss.floorMb ?? null, metadata: gitRss.metadataMb ?? null }, errors, passes, sameReports: same,
    bars: bars.map((b) => ({ ...b, pass: b.value === undefined ? null : b.value <= b.limit })),
    lines: counter.lines,
    ...(counter.equality ? { linesEquality: counter.equality } : {}),
  };
}
