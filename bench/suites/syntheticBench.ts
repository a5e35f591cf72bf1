/**
 * The 100k-commit synthetic repository's measures (issue 2's bars), run by bench/run.ts:
 *
 *   floor        one `git log --all --name-only` in the product's --format, output counted and dropped
 *   cold         `node dist/cli.js report --format json` with an empty cache
 *   warm         the same with that cache and no new commits
 *   incremental  the same after 100 new commits
 *
 * Floor and cold runs alternate and the best of `runs` is used: background load only ever adds time.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { appendCommits } from '../synth/appendCommits';
import { BENCH_DIR, DEFAULT_PARAMS, ensureBenchRepo, type BenchRepo } from '../synth/generateRepo';
import { PRODUCT_LISTING, floorPass, numstatPass, parallelFloorPass, productListingPass, type PassResult } from '../harness/gitPasses';
import { childCpuSeconds } from '../harness/machine';
import { cliBuilt, runReport, type ReportRun, type ReportWindow } from '../harness/reportRuns';
import { summarizeProfile } from '../harness/profileSummary';
import { printBars, printRows, verdictFor, type Bar } from '../harness/table';
import { prHeadsBench, prHeadsRows, type PrHeadsBenchResult } from './prHeadsBench';
import { passCostRows, passCosts, type PassCost } from '../harness/passCosts';
import { compareReports, sameReportBar, sameReportRows, type SameReportCheck } from '../harness/sameReports';

const APPENDED = 100;

interface Timed<T> {
  result: T;
  cpu: number;
}

async function withCpu<T>(f: () => Promise<T>): Promise<Timed<T>> {
  const before = childCpuSeconds();
  const result = await f();
  return { result, cpu: childCpuSeconds() - before };
}

const best = (xs: number[]): number => Math.min(...xs);
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? (s[(s.length - 1) / 2] ?? NaN) : ((s[s.length / 2 - 1] ?? NaN) + (s[s.length / 2] ?? NaN)) / 2;
};
const sec = (s: number): string => `${s.toFixed(2)} s`;
const mb = (kb: number | undefined): string => (kb === undefined ? 'n/a' : `${(kb / 1024).toFixed(0)} MB`);

function freshWorkCopy(repo: BenchRepo): string {
  // The incremental run appends commits: work on a copy so the cached repository stays as built.
  const work = join(BENCH_DIR, 'work');
  rmSync(work, { recursive: true, force: true });
  execFileSync('cp', ['-a', repo.dir, work]);
  return work;
}

function newCacheDir(): string {
  mkdirSync(BENCH_DIR, { recursive: true });
  return mkdtempSync(join(BENCH_DIR, 'cache-'));
}

/** The 100k-commit synthetic repository (issue 2's bars); returns its part of results.json. */
export async function syntheticBench(runs: number, window: ReportWindow, log: (s: string) => void): Promise<Record<string, unknown>> {
  const repo = await ensureBenchRepo(DEFAULT_PARAMS, log);
  const s = repo.stats;
  console.log(`Repository: ${s.commits} commits (${s.mergeCommits} merges, ${s.squashCommits} squash "(#N)", ${s.fixCommits} fixes), ` +
    `${s.filesBorn} files, ${s.tags} tags, .git ${(repo.gitBytes / 2 ** 20).toFixed(0)} MB; ` +
    `generated in ${repo.generateSeconds.toFixed(1)} s${repo.reused ? ' (cached, reused)' : ''}`);
  const work = freshWorkCopy(repo);
  const haveCli = cliBuilt();
  const caches: string[] = [];

  const floors: Array<Timed<PassResult>> = [];
  const colds: Array<Timed<ReportRun>> = [];
  for (let i = 0; i < runs; i++) {
    log(`floor ${i + 1}/${runs}`);
    floors.push(await withCpu(() => floorPass(work)));
    if (!haveCli) continue;
    log(`cold report ${i + 1}/${runs}`);
    const cache = newCacheDir();
    caches.push(cache);
    colds.push(await withCpu(() => runReport(work, cache, window)));
  }
  log(`${PRODUCT_LISTING} and --numstat passes`);
  const listing = await withCpu(() => productListingPass(work));
  const numstat = await withCpu(() => numstatPass(work));
  const parallels: Array<Timed<Awaited<ReturnType<typeof parallelFloorPass>>>> = [];
  for (let i = 0; i < runs; i++) {
    log(`parallel floor ${i + 1}/${runs}`);
    parallels.push(await withCpu(() => parallelFloorPass(work)));
  }

  const warms: Array<Timed<ReportRun>> = [];
  const incrementals: Array<Timed<ReportRun>> = [];
  const lastCache = caches[caches.length - 1];
  const okCold = colds.filter((c) => c.result.ok);
  const same: SameReportCheck[] = colds.slice(1).map((c, i) => compareReports(`cold run ${i + 2} = cold run 1`, colds[0]?.result, c.result));
  let passes: PassCost[] = [];
  if (haveCli && lastCache && okCold.length > 0) {
    for (let i = 0; i < runs; i++) {
      log(`warm report ${i + 1}/${runs}`);
      warms.push(await withCpu(() => runReport(work, lastCache, window)));
      same.push(compareReports(`warm run ${i + 1} = cold`, colds[colds.length - 1]?.result, warms[i]?.result));
    }
    log('what each pass costs');
    passes = await passCosts(work, window);
    // Each round adds 100 commits on top of the cache the previous round brought up to date,
    // so every incremental run parses exactly 100 new commits.
    for (let i = 0; i < runs; i++) {
      log(`appending ${APPENDED} commits, incremental report ${i + 1}/${runs}, and a cold one to compare`);
      await appendCommits(work, APPENDED, i + 1);
      incrementals.push(await withCpu(() => runReport(work, lastCache, window)));
      const fresh = newCacheDir();
      caches.push(fresh);
      same.push(compareReports(`incremental run ${i + 1} (+${APPENDED * (i + 1)} commits) = cold on the same commits`, await runReport(work, fresh, window), incrementals[i]?.result));
    }
  }

  let prHeads: PrHeadsBenchResult | undefined;
  if (haveCli && lastCache && okCold.length > 0 && process.env.BENCH_PR_HEADS !== '0') prHeads = await prHeadsBench(work, window, runs, log);

  const floor = best(floors.map((f) => f.result.seconds));
  const floorCpu = median(floors.map((f) => f.cpu));
  const parallel = best(parallels.map((p) => p.result.seconds));
  const bestPar = parallels.reduce((a, b) => (b.result.seconds < a.result.seconds ? b : a));
  const cold = okCold.length ? best(okCold.map((c) => c.result.seconds)) : undefined;
  const warm = warms.some((w) => w.result.ok) ? best(warms.filter((w) => w.result.ok).map((w) => w.result.seconds)) : undefined;
  const incr = incrementals.some((r) => r.result.ok) ? best(incrementals.filter((r) => r.result.ok).map((r) => r.result.seconds)) : undefined;
  const allRuns = [...colds, ...warms, ...incrementals].map((r) => r.result);
  const peakRss = allRuns.some((r) => r.maxRssKb !== undefined) ? Math.max(...allRuns.map((r) => r.maxRssKb ?? 0)) : undefined;
  const treeRss = allRuns.some((r) => r.treeMaxRssKb !== undefined) ? Math.max(...allRuns.map((r) => r.treeMaxRssKb ?? 0)) : undefined;

  const report = (measured: Array<Timed<ReportRun>>, label: string): string => {
    if (!haveCli) return 'report: CLI not built yet';
    const failed = measured.find((r) => !r.result.ok);
    if (measured.length === 0) return 'not run (no successful cold run)';
    if (failed) return `failed: ${failed.result.error ?? ''}`;
    const xs = measured.map((r) => r.result.seconds);
    return `${sec(best(xs))} best of ${xs.length} (median ${sec(median(xs))}, cpu ${median(measured.map((r) => r.cpu)).toFixed(2)} s)${label}`;
  };
  console.log('');
  printRows('Measurements', [
    { name: 'floor: git log --all --name-only', value: `${sec(floor)} best of ${floors.length} (median ${sec(median(floors.map((f) => f.result.seconds)))}, git cpu ${floorCpu.toFixed(2)} s, ${(floors[0]?.result.bytes ?? 0) / 2 ** 20 | 0} MB out)` },
    { name: `git log --all ${PRODUCT_LISTING} (the product's listing)`, value: `${sec(listing.result.seconds)} (cpu ${listing.cpu.toFixed(2)} s, ${(listing.result.bytes / 2 ** 20) | 0} MB out)` },
    { name: 'git log --all --numstat', value: `${sec(numstat.result.seconds)} (cpu ${numstat.cpu.toFixed(2)} s) = ${(numstat.result.seconds / floor).toFixed(1)}× the floor` },
    { name: 'floor split in 2 parallel git processes', value: `${sec(parallel)} best of ${parallels.length} (split point ${sec(bestPar.result.splitSeconds)}, halves ${bestPar.result.halves.map(sec).join(' / ')}, cpu ${bestPar.cpu.toFixed(2)} s)` },
    { name: 'cold report (empty cache)', value: report(colds, '') },
    { name: 'warm report (cache, no new commits)', value: report(warms, '') },
    { name: `incremental report (+${APPENDED} commits)`, value: report(incrementals, '') },
    { name: 'peak RSS of the report process', value: haveCli ? `${mb(peakRss)} (largest process incl. git children: ${mb(treeRss)})` : 'report: CLI not built yet' },
    { name: 'KPIs (last cold run)', value: okCold[okCold.length - 1]?.result.summary ?? 'n/a' },
  ]);
  if (passes.length) {
    console.log('');
    printRows('What each pass of a cold report costs on its own (in the report they overlap)', passCostRows(passes));
  }
  console.log('');
  printRows('Reports cold, warm and incremental (report JSON, generatedAt aside)', sameReportRows(same));

  const bars: Bar[] = [
    { name: 'cold / floor', value: cold === undefined ? undefined : cold / floor, limit: 1.5, unit: '×' },
    { name: 'warm / cold', value: warm === undefined || cold === undefined ? undefined : warm / cold, limit: 0.1, unit: '×' },
    { name: 'incremental / cold', value: incr === undefined || cold === undefined ? undefined : incr / cold, limit: 0.15, unit: '×' },
    { name: 'peak RSS', value: peakRss === undefined ? undefined : peakRss / 1024, limit: 300, unit: 'MB' },
    sameReportBar('reports differing cold / warm / incremental', same),
  ];
  printBars(bars, haveCli ? 'report failed' : 'report: CLI not built yet');
  if (prHeads) {
    console.log('');
    printRows('Pull request heads (BENCH_PR_HEADS=0 skips)', prHeadsRows(prHeads));
  }

  const gain = floor / parallel;
  // git log is one thread: CPU over wall of the same run says how much of a core it kept busy.
  const gitCores = median(floors.map((f) => f.cpu / f.result.seconds));
  const conclusion = verdictFor(gain, gitCores, floor, cold);
  console.log(`\nParallel git: 1 process ${sec(floor)}, 2 processes ${sec(parallel)} (${gain.toFixed(2)}×). ${conclusion}`);

  if (process.env.BENCH_PROFILE === '1' && haveCli) {
    // A cold run then a warm one on its cache, each under --cpu-prof, on the appended repository.
    const cache = newCacheDir();
    for (const kind of ['cold', 'warm']) {
      log(`profiled ${kind} report`);
      const profDir = newCacheDir();
      await runReport(work, cache, window, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
      console.log('');
      printRows(`Where a ${kind} report spends its time (BENCH_PROFILE=1; idle = waiting on git or disk)`, summarizeProfile(profDir));
      rmSync(profDir, { recursive: true, force: true });
    }
    rmSync(cache, { recursive: true, force: true });
  }

  const results = {
    repository: { key: repo.dir, stats: repo.stats, generateSeconds: repo.generateSeconds, gitBytes: repo.gitBytes, reused: repo.reused },
    window,
    seconds: {
      floor: floors.map((f) => f.result.seconds), productListing: { listing: PRODUCT_LISTING, seconds: listing.result.seconds }, numstat: numstat.result.seconds,
      parallelFloor: parallels.map((p) => p.result.seconds), splitPoint: bestPar.result.splitSeconds,
      cold: colds.map((c) => c.result.seconds), warm: warms.map((w) => w.result.seconds), incremental: incrementals.map((r) => r.result.seconds),
    },
    cpuSeconds: { floor: floorCpu, numstat: numstat.cpu, parallelFloor: bestPar.cpu, cold: colds.map((c) => c.cpu) },
    peakRssMb: peakRss === undefined ? null : peakRss / 1024,
    treePeakRssMb: treeRss === undefined ? null : treeRss / 1024,
    passes, sameReports: same,
    cli: haveCli ? { errors: allRuns.filter((r) => !r.ok).map((r) => r.error) } : 'not built',
    bars: bars.map((b) => ({ ...b, value: b.value ?? null, pass: b.value === undefined ? null : b.value <= b.limit })),
    parallel: { gain, conclusion },
    prHeads: prHeads && {
      refs: prHeads.refs, squashHeads: prHeads.squashHeads, cycleTime: prHeads.cycleTime,
      seconds: { warmWithout: prHeads.warmWithout.map((r) => r.seconds), firstWith: prHeads.firstWith.seconds, warmWith: prHeads.warmWith.map((r) => r.seconds), warmPacked: prHeads.warmPacked.map((r) => r.seconds) },
    },
  };
  for (const c of caches) rmSync(c, { recursive: true, force: true });
  return results;
}
