/**
 * Runs the real CLI (`node dist/cli.js report ... --format json`) as a child process and
 * measures what a user would wait for: wall time and peak memory.
 *
 * Peak RSS comes from the report process itself (process.resourceUsage().maxRSS, written at exit
 * by a preload script): polling /proc misses short peaks, and /usr/bin/time is not on every
 * machine. When GNU time is there it also gives the largest RSS of the whole process tree (node
 * and the git processes it waited for), shown for information.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { childCpuSeconds } from './machine';

export const CLI = resolve(import.meta.dirname, '..', '..', 'dist', 'cli.js');
const PRELOAD = resolve(import.meta.dirname, 'rssPreload.cjs');
export const GNU_TIME = '/usr/bin/time';

export interface ReportRun {
  seconds: number;
  /** CPU seconds (user + system) of the report process and its git children. */
  cpuSeconds: number;
  /** KiB, the node process alone. */
  maxRssKb?: number;
  /** KiB, the largest process of the tree (GNU time), when available. */
  treeMaxRssKb?: number;
  ok: boolean;
  error?: string;
  /** A few values from the report, to show the run did real work. */
  summary?: string;
  /** The report JSON with its generatedAt normalized, to check that cold, warm and incremental runs agree byte for byte. */
  json?: string;
}

export const cliBuilt = (): boolean => existsSync(CLI);

export interface ReportWindow {
  since: string;
  until: string;
}

export async function runReport(repo: string, cacheDir: string, window: ReportWindow, extraNodeArgs: string[] = []): Promise<ReportRun> {
  const scratch = mkdtempSync(join(tmpdir(), 'ekpi-bench-rss-'));
  const rssFile = join(scratch, 'node');
  const treeFile = join(scratch, 'tree');
  const nodeArgs = [...extraNodeArgs, '--require', PRELOAD, CLI, 'report', '--repo', repo, '--format', 'json', '--cache-dir', cacheDir, '--since', window.since, '--until', window.until];
  const useTime = existsSync(GNU_TIME);
  const [cmd, args] = useTime ? [GNU_TIME, ['-f', '%M', '-o', treeFile, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  try {
    const started = performance.now();
    const cpuBefore = childCpuSeconds();
    const { code, stdout, stderr } = await run(cmd, args, { ...process.env, BENCH_RSS_FILE: rssFile });
    const seconds = (performance.now() - started) / 1000;
    const cpuSeconds = childCpuSeconds() - cpuBefore;
    const maxRssKb = readNumber(rssFile);
    const treeMaxRssKb = useTime ? readNumber(treeFile) : undefined;
    if (code !== 0) return { seconds, cpuSeconds, maxRssKb, treeMaxRssKb, ok: false, error: `exit ${code}: ${lastLine(stderr)}` };
    return { seconds, cpuSeconds, maxRssKb, treeMaxRssKb, ok: true, summary: summarize(stdout), json: stdout.replace(/"generatedAt": ?"[^"]*"/g, '"generatedAt":"<T>"') };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? 1, stdout: Buffer.concat(out).toString('utf8'), stderr }));
  });
}

function readNumber(file: string): number | undefined {
  if (!existsSync(file)) return undefined;
  // GNU time writes "Command exited with non-zero status N" above the figure on failure.
  const n = Number(readFileSync(file, 'utf8').trim().split('\n').pop());
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

const lastLine = (s: string): string => s.trim().split('\n').filter(Boolean).pop() ?? '(no output)';

interface KpiLike {
  value?: unknown;
  sampleSize?: unknown;
}

function summarize(stdout: string): string {
  try {
    const report = JSON.parse(stdout) as { kpis?: Record<string, KpiLike> };
    const kpis = report.kpis ?? {};
    return Object.entries(kpis)
      .map(([k, v]) => `${k}=${typeof v.value === 'number' ? +v.value.toFixed(2) : 'null'}${typeof v.sampleSize === 'number' ? `(n=${v.sampleSize})` : ''}`)
      .join(' ');
  } catch {
    return 'stdout was not JSON';
  }
}
