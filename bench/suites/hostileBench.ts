/**
 * Sizes a hostile repository can choose (issue 10, items 8 and 9), each against its bound:
 *
 *   50k tags     a 50,000-commit repository with a tag on every commit, against the same repository
 *                without tags: cold and warm reports must cost < 2× (warm took 29.8 s when the
 *                cached tips were a list)
 *   40 MB file   git cat-file --batch read through the product's blob reader: 40 MB must take
 *                < 2 × 4× a 10 MB blob (linear; it was quadratic), and a report over a HEAD with a
 *                40 MB .ts file (> 1 MiB: never read) < 2× the same HEAD without it
 *
 * Runs from run.ts with the other suites (skipped with BENCH_PEERS=0, or BENCH_HOSTILE=0 alone).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CatFileBatchParser } from '../../src/core/sources/kloc/catFileBatch';
import { streamGit } from '../../src/core/sources/git/gitRunner';
import { BENCH_DIR } from '../synth/generateRepo';
import { cliBuilt, runReport } from '../harness/reportRuns';
import type { BenchRow } from './peerBenches';

const TAGS = 50_000;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);
const START = Date.UTC(2026, 0, 1) / 1000;
const WINDOW = { since: '2026-01-01T00:00:00Z', until: '2026-12-31T00:00:00Z' };

const git = (cwd: string, args: string[], input?: string | Buffer): string =>
  execFileSync('git', ['-C', cwd, '-c', 'core.hooksPath=/dev/null', ...args], { input, encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });

/** `commits` linear commits, each changing one of 200 small .ts files. */
function linearRepo(dir: string, commits: number): void {
  git(dir, ['init', '-q', '-b', 'main']);
  const out: string[] = [];
  for (let i = 1; i <= commits; i++) {
    const msg = i % 9 === 0 ? `fix: bug ${i}` : `change ${i}`;
    const body = `export const v${i % 200} = ${i};\n`;
    out.push('commit refs/heads/main', `mark :${i}`, `committer Bench <bench@example.com> ${START + i * 300} +0000`, `data ${msg.length}`, msg);
    if (i > 1) out.push(`from :${i - 1}`);
    out.push(`M 644 inline src/f${i % 200}.ts`, `data ${body.length}`, body, '');
  }
  git(dir, ['fast-import', '--quiet'], out.join('\n') + '\n');
  git(dir, ['reset', '-q', '--hard']);
}

const best = (xs: number[]): number => Math.min(...xs);
const sec = (s: number): string => `${s.toFixed(2)} s`;
const bar = (name: string, value: number, limit: number): BenchRow => ({ name, value: `${value.toFixed(2)}× (bar < ${limit}×) ${value < limit ? 'PASS' : 'FAIL'}` });

async function coldAndWarm(repo: string): Promise<{ cold: number; warm: number; error?: string }> {
  const colds: number[] = [];
  const warms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cache = mkdtempSync(join(BENCH_DIR, 'cache-'));
    const cold = await runReport(repo, cache, WINDOW);
    if (!cold.ok) return { cold: NaN, warm: NaN, error: cold.error };
    colds.push(cold.seconds);
    const warm = await runReport(repo, cache, WINDOW);
    if (!warm.ok) return { cold: NaN, warm: NaN, error: warm.error };
    warms.push(warm.seconds);
    rmSync(cache, { recursive: true, force: true });
  }
  return { cold: best(colds), warm: best(warms) };
}

async function tagRows(root: string): Promise<BenchRow[]> {
  const repo = join(root, 'tags');
  mkdirSync(repo);
  linearRepo(repo, TAGS);
  const plain = await coldAndWarm(repo);
  const commits = git(repo, ['rev-list', 'main']).trim().split('\n');
  git(repo, ['update-ref', '--stdin'], commits.map((c, i) => `create refs/tags/v1.${commits.length - i}.0 ${c}`).join('\n') + '\n');
  git(repo, ['pack-refs', '--all']);
  const tagged = await coldAndWarm(repo);
  if (plain.error || tagged.error) return [{ name: '50k tags', value: `failed: ${plain.error ?? tagged.error ?? ''}` }];
  return [
    { name: `${TAGS} commits, no tags`, value: `cold ${sec(plain.cold)}, warm ${sec(plain.warm)} (best of ${RUNS})` },
    { name: `${TAGS} commits, a tag on each`, value: `cold ${sec(tagged.cold)}, warm ${sec(tagged.warm)} (best of ${RUNS})` },
    bar('50k tags: cold / cold without tags', tagged.cold / plain.cold, 2),
    bar('50k tags: warm / warm without tags', tagged.warm / plain.warm, 2),
  ];
}

/** Seconds to stream one blob out of git through the product's cat-file reader. */
async function readSeconds(repo: string, blob: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let bytes = 0;
    const parser = new CatFileBatchParser((_sha, body) => (bytes += body.length), () => undefined);
    const started = performance.now();
    await streamGit(repo, ['cat-file', '--batch'], (c) => parser.push(c), { stdin: `${blob}\n` });
    if (bytes === 0) throw new Error('the blob was not read');
    times.push((performance.now() - started) / 1000);
  }
  return best(times);
}

async function bigFileRows(root: string): Promise<BenchRow[]> {
  const repo = join(root, 'big');
  mkdirSync(repo);
  linearRepo(repo, 200);
  const text = (mb: number) => 'export const x = "0123456789";\n'.repeat(Math.ceil((mb << 20) / 31)).slice(0, mb << 20);
  const [ten, forty] = [10, 40].map((mb) => git(repo, ['hash-object', '-w', '--stdin'], text(mb)).trim()) as [string, string];
  const t10 = await readSeconds(repo, ten);
  const t40 = await readSeconds(repo, forty);
  const rows: BenchRow[] = [
    { name: 'blob reader: 10 MB / 40 MB', value: `${sec(t10)} / ${sec(t40)} (best of ${RUNS})` },
    bar('40 MB / (4 × 10 MB)', t40 / (4 * t10), 2),
  ];
  const without = await coldAndWarm(repo);
  git(repo, ['update-index', '--add', '--cacheinfo', `100644,${forty},src/bundle.ts`]);
  git(repo, ['-c', 'user.name=Bench', '-c', 'user.email=bench@example.com', 'commit', '-q', '-m', 'add a 40 MB bundle']);
  const withBig = await coldAndWarm(repo);
  if (without.error || withBig.error) return [...rows, { name: '40 MB file in a report', value: `failed: ${without.error ?? withBig.error ?? ''}` }];
  rows.push(
    { name: 'cold report, HEAD without / with a 40 MB .ts', value: `${sec(without.cold)} / ${sec(withBig.cold)} (over 1 MiB: never read)` },
    bar('40 MB file: cold / cold without it', withBig.cold / without.cold, 2),
  );
  return rows;
}

export async function benchHostile(): Promise<BenchRow[]> {
  if (process.env.BENCH_HOSTILE === '0') return [{ name: 'skipped', value: 'BENCH_HOSTILE=0' }];
  if (!cliBuilt()) return [{ name: 'skipped', value: 'CLI not built (npm run build)' }];
  mkdirSync(BENCH_DIR, { recursive: true });
  const root = mkdtempSync(join(BENCH_DIR, 'hostile-'));
  try {
    console.error('· hostile inputs: 50k tags, 40 MB file');
    return [...(await tagRows(root)), ...(await bigFileRows(root))];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
