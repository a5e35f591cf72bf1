/**
 * `npm run bench`: the speed and memory bars of issue 2 on the synthetic repository, and issue 14's
 * on two realistic ones (real code from node_modules, real-shaped histories: bench/suites/realBench.ts).
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
 * (skip the warm report with 10,000 pull request head refs, bench/suites/prHeadsBench.ts), BENCH_HOSTILE=0 (skip
 * only the 50k-tag and 40 MB-file measures, bench/suites/hostileBench.ts), BENCH_REPOS=synthetic,js,ruby (which
 * repositories; all by default), BENCH_JS_COMMITS / BENCH_RUBY_COMMITS (their sizes; 35,000 and 110,000).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_DIR, HISTORY_END } from './synth/generateRepo';
import { loadAverage, machine } from './harness/machine';
import type { ReportWindow } from './harness/reportRuns';
import { printRows } from './harness/table';
import { runPeerBenches } from './suites/peerBenches';
import { realRepoBench, type RealBenchResult } from './suites/realBench';
import { syntheticBench } from './suites/syntheticBench';
import { REAL_SPECS } from './synth/realRepos';

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const DAY = 86_400;
// The synthetic history ends at a fixed date; the window is its last 90 days, not "now".
const WINDOW: ReportWindow = {
  since: new Date((HISTORY_END - 90 * DAY) * 1000).toISOString(),
  until: new Date((HISTORY_END + 7 * DAY) * 1000).toISOString(),
};
const log = (s: string): void => console.error(`· ${s}`);

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
  const synthetic = repos.has('synthetic') ? await syntheticBench(RUNS, WINDOW, log) : undefined;
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


main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
