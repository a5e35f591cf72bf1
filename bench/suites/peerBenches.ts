/**
 * Benchmarks other areas add beside this one (GitHub, Jira, editor, sprint review). Each is optional: a missing
 * file is skipped silently, a failing one is reported as a row, and the run goes on.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface BenchRow {
  name: string;
  value: string;
}

const PEERS = [
  { file: 'githubBench.ts', fn: 'benchGitHub' },
  { file: 'jiraBench.ts', fn: 'benchJira' },
  { file: 'editorBench.ts', fn: 'benchEditor' },
  { file: 'sprintReviewBench.ts', fn: 'benchSprintReview' },
  { file: 'hostileBench.ts', fn: 'benchHostile' },
];

export async function runPeerBenches(): Promise<Array<{ source: string; rows: BenchRow[] }>> {
  const results: Array<{ source: string; rows: BenchRow[] }> = [];
  for (const peer of PEERS) {
    const path = resolve(import.meta.dirname, peer.file);
    if (!existsSync(path)) continue;
    try {
      const mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
      const fn = mod[peer.fn];
      if (typeof fn !== 'function') throw new Error(`${peer.file} does not export ${peer.fn}()`);
      const rows: unknown = await (fn as () => unknown)();
      results.push({ source: peer.fn, rows: Array.isArray(rows) ? rows.filter(isRow) : [] });
    } catch (e) {
      results.push({ source: peer.fn, rows: [{ name: 'error', value: (e as Error).message.split('\n')[0] ?? 'failed' }] });
    }
  }
  return results;
}

function isRow(x: unknown): x is BenchRow {
  return typeof x === 'object' && x !== null && typeof (x as BenchRow).name === 'string' && typeof (x as BenchRow).value === 'string';
}
