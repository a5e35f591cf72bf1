/**
 * The benchmark's repository: 100,000 commits over 5,000 files, streamed through
 * `git fast-import`. It is built once and cached under .bench/, keyed by GENERATOR_VERSION, so
 * reruns compare against the very same history. Bump the version whenever the output changes.
 *
 *   node --import tsx bench/synth/generateRepo.ts          build (or reuse) and print its statistics
 *   node --import tsx bench/synth/generateRepo.ts --dry    statistics only, no git (for tuning)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FastImport } from './fastImport';
import { HistoryWriter, type HistoryParams, type HistoryStats } from './synthHistory';

export const GENERATOR_VERSION = 2;

export const BENCH_DIR = resolve(import.meta.dirname, '..', '..', '.bench');

/** 2026-11-01T00:00:00Z: the history ends here, whatever day the bench runs. */
export const HISTORY_END = Date.UTC(2026, 10, 1) / 1000;

export const DEFAULT_PARAMS: HistoryParams = { seed: 20260501, commits: 100_000, files: 5_000, end: HISTORY_END, years: 4 };

export interface BenchRepo {
  dir: string;
  stats: HistoryStats;
  /** Seconds the generator took when it built this repository (from its record if cached). */
  generateSeconds: number;
  /** Bytes of .git on disk. */
  gitBytes: number;
  reused: boolean;
}

interface Record {
  version: number;
  params: HistoryParams;
  stats: HistoryStats;
  generateSeconds: number;
  gitBytes: number;
}

export function repoKey(p: HistoryParams): string {
  return `repo-v${GENERATOR_VERSION}-s${p.seed}-c${p.commits}-f${p.files}`;
}

/** Returns the cached repository, building it first when absent. */
export async function ensureBenchRepo(p: HistoryParams = DEFAULT_PARAMS, log: (s: string) => void = () => {}): Promise<BenchRepo> {
  const dir = join(BENCH_DIR, repoKey(p));
  const recordPath = `${dir}.json`;
  if (existsSync(dir) && existsSync(recordPath)) {
    const rec = JSON.parse(readFileSync(recordPath, 'utf8')) as Record;
    if (rec.version === GENERATOR_VERSION) return { dir, stats: rec.stats, generateSeconds: rec.generateSeconds, gitBytes: rec.gitBytes, reused: true };
  }
  log(`generating ${p.commits} commits over ${p.files} files into ${dir} ...`);
  const built = await buildWithFastImport(dir, (out) => new HistoryWriter(out, p).write());
  const rec: Record = { version: GENERATOR_VERSION, params: p, ...built };
  writeFileSync(recordPath, JSON.stringify(rec, null, 2));
  return { dir, ...built, reused: false };
}

/**
 * Streams `write`'s history into a new repository at `dir`, checked out on main. Built beside its
 * final place and renamed, so an interrupted build is never mistaken for a cache hit.
 */
export async function buildWithFastImport<S>(dir: string, write: (out: FastImport) => Promise<S>): Promise<{ stats: S; generateSeconds: number; gitBytes: number }> {
  const tmp = `${dir}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  const started = performance.now();
  git(tmp, ['init', '-q', '-b', 'main']);
  // No automatic gc in the middle of a timed run.
  git(tmp, ['config', 'gc.auto', '0']);
  const out = new FastImport(tmp);
  const stats = await write(out);
  await out.finish();
  git(tmp, ['checkout', '-f', '-q', 'main']);
  const generateSeconds = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { stats, generateSeconds, gitBytes: duBytes(join(dir, '.git')) };
}

export function git(cwd: string, args: string[]): string {
  return execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
}

export function duBytes(path: string): number {
  const out = execFileSync('du', ['-sb', path], { encoding: 'utf8' });
  return Number(out.split('\t')[0]);
}

async function main(): Promise<void> {
  if (process.argv.includes('--dry')) {
    const started = performance.now();
    const stats = await new HistoryWriter(new FastImport(undefined), DEFAULT_PARAMS).write();
    console.log(JSON.stringify(stats, null, 2), `\n${((performance.now() - started) / 1000).toFixed(1)} s`);
    return;
  }
  const repo = await ensureBenchRepo(DEFAULT_PARAMS, (s) => console.error(s));
  console.log(JSON.stringify(repo, null, 2));
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
