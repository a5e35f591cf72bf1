/**
 * `npm run bench`: the speed and memory bars of issue 2 on the synthetic repository, and issue 14's
 * on two realistic ones (real code from node_modules, real-shaped histories: bench/realBench.ts).
 *
 *   floor        one `git log --all --name-only` in the product's --format, output counted and dropped
 *   cold         `node dist/cli.js report --format json` with an empty cache
 *   warm         the same with that cache and no new commits
 *   incremental  the same after 100 new commits
 *
 * The machine is shared, so floor and cold runs alternate and the best of BENCH_RUNS (default 3)
 * is used: background load only ever adds time. It is a benchmark, not a test: it exits 0 and
 * prints FAIL for a missed bar. Results also go to .bench/results.json.
 *
 * Knobs: BENCH_RUNS=n (repetitions), BENCH_PROFILE=1 (one more cold run under --cpu-prof,
 * summarized), BENCH_SPLIT=0.42 (where the parallel floor splits the first-parent line),
 * BENCH_PEERS=0 (skip the GitHub, Jira, editor, sprint-review and hostile-input benches), BENCH_PR_HEADS=0
 * (skip the warm report with 10,000 pull request head refs, bench/prHeadsBench.ts), BENCH_HOSTILE=0 (skip
 * only the 50k-tag and 40 MB-file measures, bench/hostileBench.ts), BENCH_REPOS=synthetic,js,ruby (which
 * repositories; all by default), BENCH_JS_COMMITS / BENCH_RUBY_COMMITS (their sizes; 35,000 and 110,000).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { appendCommits } from './appendCommits';
import { BENCH_DIR, DEFAULT_PARAMS, HISTORY_END, ensureBenchRepo, type BenchRepo } from './generateRepo';
import { PRODUCT_LISTING, floorPass, numstatPass, parallelFloorPass, productListingPass, type PassResult } from './gitPasses';
import { childCpuSeconds, loadAverage, machine } from './machine';
import { runPeerBenches } from './peerBenches';
import { cliBuilt, runReport, type ReportRun, type ReportWindow } from './reportRuns';
import { summarizeProfile } from './profileSummary';
import { printBars, printRows, verdictFor, type Bar } from './table';
import { prHeadsBench, prHeadsRows, type PrHeadsBenchResult } from './prHeadsBench';
import { realRepoBench, type RealBenchResult } from './realBench';
import { REAL_SPECS } from './realRepos';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const APPENDED = 100;
const DAY = 86_400;
// The synthetic history ends at a fixed date; the window is its last 90 days, not "now".
const WINDOW: ReportWindow = {
  since: new Date((HISTORY_END - 90 * DAY) * 1000).toISOString(),
  until: new Date((HISTORY_END + 7 * DAY) * 1000).toISOString(),
};

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
const log = (s: string): void => console.error(`· ${s}`);

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

/** BENCH_REPOS: which repositories to measure, comma-separated; all three by default. */
function selectedRepos(): Set<string> {
  const known = ['synthetic', ...REAL_SPECS.map((r) => r.name)];
  const asked = (process.env.BENCH_REPOS ?? known.join(',')).split(',').map((x) => x.trim()).filter(Boolean);
  const unknown = asked.filter((x) => !known.includes(x));
  if (unknown.length > 0 || asked.length === 0) {
    console.error(`BENCH_REPOS: unknown repository ${unknown.join(', ') || '(none given)'}; known: ${known.join(', ')}`);
    process.exit(2);
  }
  return new Set(asked);
}

async function main(): Promise<void> {
  const repos = selectedRepos();
  const m = machine();
  const loadBefore = loadAverage();
  console.log(`Machine: ${m.cpu}, ${m.cores} cores, ${m.memory} RAM, ${m.os}, node ${m.node}, ${m.git}; load average ${loadBefore}`);
  const synthetic = repos.has('synthetic') ? await syntheticBench() : undefined;
  const realistic: RealBenchResult[] = [];
  for (const spec of REAL_SPECS) if (repos.has(spec.name)) realistic.push(await realRepoBench(spec, RUNS, WINDOW, log));

  const peers = process.env.BENCH_PEERS === '0' ? [] : await runPeerBenches();
  for (const p of peers) printRows(p.source, p.rows);

  const loadAfter = loadAverage();
  console.log(`\nLoad average before ${loadBefore}, after ${loadAfter} (other work on the machine inflates every figure).`);
  const results = { generatedAt: new Date().toISOString(), machine: m, load: { before: loadBefore, after: loadAfter }, runsPerMeasure: RUNS, ...synthetic, realistic, peers };
  writeFileSync(join(BENCH_DIR, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`Results written to ${join(BENCH_DIR, 'results.json')}`);
}

/** The 100k-commit synthetic repository (issue 2's bars); returns its part of results.json. */
async function syntheticBench(): Promise<Record<string, unknown>> {
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
  for (let i = 0; i < RUNS; i++) {
    log(`floor ${i + 1}/${RUNS}`);
    floors.push(await withCpu(() => floorPass(work)));
    if (!haveCli) continue;
    log(`cold report ${i + 1}/${RUNS}`);
    const cache = newCacheDir();
    caches.push(cache);
    colds.push(await withCpu(() => runReport(work, cache, WINDOW)));
  }
  log(`${PRODUCT_LISTING} and --numstat passes`);
  const listing = await withCpu(() => productListingPass(work));
  const numstat = await withCpu(() => numstatPass(work));
  const parallels: Array<Timed<Awaited<ReturnType<typeof parallelFloorPass>>>> = [];
  for (let i = 0; i < RUNS; i++) {
    log(`parallel floor ${i + 1}/${RUNS}`);
    parallels.push(await withCpu(() => parallelFloorPass(work)));
  }

  const warms: Array<Timed<ReportRun>> = [];
  const incrementals: Array<Timed<ReportRun>> = [];
  const lastCache = caches[caches.length - 1];
  const okCold = colds.filter((c) => c.result.ok);
  if (haveCli && lastCache && okCold.length > 0) {
    for (let i = 0; i < RUNS; i++) {
      log(`warm report ${i + 1}/${RUNS}`);
      warms.push(await withCpu(() => runReport(work, lastCache, WINDOW)));
    }
    // Each round adds 100 commits on top of the cache the previous round brought up to date,
    // so every incremental run parses exactly 100 new commits.
    for (let i = 0; i < RUNS; i++) {
      log(`appending ${APPENDED} commits, incremental report ${i + 1}/${RUNS}`);
      await appendCommits(work, APPENDED, i + 1);
      incrementals.push(await withCpu(() => runReport(work, lastCache, WINDOW)));
    }
  }

  let prHeads: PrHeadsBenchResult | undefined;
  if (haveCli && lastCache && okCold.length > 0 && process.env.BENCH_PR_HEADS !== '0') prHeads = await prHeadsBench(work, WINDOW, RUNS, log);

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

  const report = (runs: Array<Timed<ReportRun>>, label: string): string => {
    if (!haveCli) return 'report: CLI not built yet';
    const failed = runs.find((r) => !r.result.ok);
    if (runs.length === 0) return 'not run (no successful cold run)';
    if (failed) return `failed: ${failed.result.error ?? ''}`;
    const xs = runs.map((r) => r.result.seconds);
    return `${sec(best(xs))} best of ${xs.length} (median ${sec(median(xs))}, cpu ${median(runs.map((r) => r.cpu)).toFixed(2)} s)${label}`;
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

  const bars: Bar[] = [
    { name: 'cold / floor', value: cold === undefined ? undefined : cold / floor, limit: 1.5, unit: '×' },
    { name: 'warm / cold', value: warm === undefined || cold === undefined ? undefined : warm / cold, limit: 0.1, unit: '×' },
    { name: 'incremental / cold', value: incr === undefined || cold === undefined ? undefined : incr / cold, limit: 0.15, unit: '×' },
    { name: 'peak RSS', value: peakRss === undefined ? undefined : peakRss / 1024, limit: 300, unit: 'MB' },
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
      await runReport(work, cache, WINDOW, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
      console.log('');
      printRows(`Where a ${kind} report spends its time (BENCH_PROFILE=1; idle = waiting on git or disk)`, summarizeProfile(profDir));
      rmSync(profDir, { recursive: true, force: true });
    }
    rmSync(cache, { recursive: true, force: true });
  }

  const results = {
    repository: { key: repo.dir, stats: repo.stats, generateSeconds: repo.generateSeconds, gitBytes: repo.gitBytes, reused: repo.reused },
    window: WINDOW,
    seconds: {
      floor: floors.map((f) => f.result.seconds), productListing: { listing: PRODUCT_LISTING, seconds: listing.result.seconds }, numstat: numstat.result.seconds,
      parallelFloor: parallels.map((p) => p.result.seconds), splitPoint: bestPar.result.splitSeconds,
      cold: colds.map((c) => c.result.seconds), warm: warms.map((w) => w.result.seconds), incremental: incrementals.map((r) => r.result.seconds),
    },
    cpuSeconds: { floor: floorCpu, numstat: numstat.cpu, parallelFloor: bestPar.cpu, cold: colds.map((c) => c.cpu) },
    peakRssMb: peakRss === undefined ? null : peakRss / 1024,
    treePeakRssMb: treeRss === undefined ? null : treeRss / 1024,
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

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
