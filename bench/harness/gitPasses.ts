/**
 * The floor: git's own cost of listing the history in the product's format, read through a pipe
 * the way the product reads it (bytes counted, nothing kept). The format is imported from the
 * git source so the floor follows it if it changes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { FILES_ARGS, LOG_ARGS } from '../../src/core/sources/git/logParser';
import { gitEnv, safeArgs } from '../../src/core/sources/git/gitRunner';
import { git } from '../synth/generateRepo';
import { GNU_TIME } from './reportRuns';
import { childCpuSeconds } from './machine';

export interface PassResult {
  seconds: number;
  bytes: number;
  /** git's CPU seconds (user + system). */
  cpuSeconds: number;
}

const LISTINGS = ['--raw', '--name-status', '--name-only', '--numstat', '--stat', '--shortstat', '--patch', '-p'];

/** How the product lists each commit's files (--name-status, --raw, ...), read from its file-list pass's arguments. */
export const PRODUCT_LISTING = FILES_ARGS.find((a) => LISTINGS.includes(a)) ?? '(none)';

/** The product's log arguments (its metadata pass) with `listing` added: a history pass that lists every commit's files. */
export function logArgs(listing: string): string[] {
  return [...LOG_ARGS.filter((a) => !LISTINGS.includes(a)), listing, '--no-renames'];
}

/** Runs one git process to the end, counting its output bytes; rejects on a non-zero exit. */
export function timeGit(repo: string, args: string[], stdin?: string): Promise<PassResult> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childCpuSeconds();
    const child = spawn('git', ['-C', repo, ...safeArgs(args)], { env: gitEnv(), stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.on('error', () => undefined);
    child.stdin.end(stdin ?? '');
    let bytes = 0;
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (bytes += c.length));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve({ seconds: (performance.now() - started) / 1000, bytes, cpuSeconds: childCpuSeconds() - cpuBefore });
      else reject(new Error(`git ${args[0] ?? ''} exited with ${code}: ${stderr.trim()}`));
    });
  });
}

/** The floor: the product's format, --name-only, every ref. */
export const floorPass = (repo: string): Promise<PassResult> => timeGit(repo, [...logArgs('--name-only'), '--all']);
/** The product's own listing, when it differs from the floor's. */
export const productListingPass = (repo: string): Promise<PassResult> => timeGit(repo, [...logArgs(PRODUCT_LISTING), '--all']);
export const numstatPass = (repo: string): Promise<PassResult> => timeGit(repo, [...logArgs('--numstat'), '--all']);

/**
 * Issue 14's floor: one history pass that lists every commit's files, as the product read it
 * before its metadata pass (its format, --name-status --no-renames), over what a report reads:
 * the default branch and the tags (the product passes those tips on stdin; the revisions are the same).
 */
const FLOOR_ARGS = [...logArgs(PRODUCT_LISTING), 'HEAD', '--tags', '--'];
const METADATA_ARGS = [...LOG_ARGS.filter((a) => !LISTINGS.includes(a)), 'HEAD', '--tags', '--'];
/** The product's file-list pass alone, over the commits given (one hash a line). */
export const fileListPass = (repo: string, hashes: string[]): Promise<PassResult> => timeGit(repo, FILES_ARGS, hashes.map((h) => `${h}\n`).join(''));
export const productFloorPass = (repo: string): Promise<PassResult> => timeGit(repo, FLOOR_ARGS);
/** The same walk and format without the file lists: what graph, dates and subjects cost. */
export const metadataPass = (repo: string): Promise<PassResult> => timeGit(repo, METADATA_ARGS);

/** git's own peak RSS (MB) for the floor and the metadata pass, from GNU time; undefined without it. */
export function gitPeakRss(repo: string): { floorMb?: number; metadataMb?: number } {
  const measure = (args: string[]): number | undefined => {
    if (!existsSync(GNU_TIME)) return undefined;
    const run = spawnSync(GNU_TIME, ['-f', '%M', 'git', '-C', repo, ...safeArgs(args)], { env: gitEnv(), stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 20 });
    const kb = run.status === 0 ? Number(run.stderr.toString().trim().split('\n').pop()) : NaN;
    return Number.isFinite(kb) && kb > 0 ? kb / 1024 : undefined;
  };
  return { floorMb: measure(FLOOR_ARGS), metadataMb: measure(METADATA_ARGS) };
}

/**
 * Where the split falls, as a share of the first-parent line counted from the tip. Not 0.5:
 * newer commits cost more to diff (the tree has grown), so the newer range gets fewer of them.
 */
const SPLIT_FROM_TIP = Number(process.env.BENCH_SPLIT ?? 0.42);

export interface ParallelResult extends PassResult {
  /** Time to find the split point (a first-parent walk), included in `seconds`. */
  splitSeconds: number;
  /** Wall time of each half on its own, while both ran. */
  halves: [number, number];
}

/**
 * The same floor as two git processes over disjoint ranges: everything reachable from the
 * a commit on the default branch's first-parent line (see SPLIT_FROM_TIP), and everything reachable from any ref but not from it.
 * A cold run has no cache to tell it where the middle is, so finding it is part of the cost.
 */
export async function parallelFloorPass(repo: string): Promise<ParallelResult> {
  const started = performance.now();
  const count = Number(git(repo, ['rev-list', '--first-parent', '--count', 'HEAD']).trim());
  const mid = git(repo, ['rev-list', '--first-parent', `--skip=${Math.floor(count * SPLIT_FROM_TIP)}`, '--max-count=1', 'HEAD']).trim();
  const splitSeconds = (performance.now() - started) / 1000;
  const cpuBefore = childCpuSeconds();
  const [older, newer] = await Promise.all([
    timeGit(repo, [...logArgs('--name-only'), mid]),
    timeGit(repo, [...logArgs('--name-only'), '--all', `^${mid}`]),
  ]);
  return {
    seconds: (performance.now() - started) / 1000,
    bytes: older.bytes + newer.bytes,
    cpuSeconds: childCpuSeconds() - cpuBefore,
    splitSeconds,
    halves: [older.seconds, newer.seconds],
  };
}
