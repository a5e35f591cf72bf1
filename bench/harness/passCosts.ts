/**
 * What each pass of a cold report costs on its own (issue 14, goal 2), measured in this process
 * one after the other (in the report they overlap: the file-list pass runs beside the metadata
 * pass, the line counter in a worker beside both):
 *
 *   metadata pass   git log without file lists over the default branch + tags (git alone)
 *   file-list pass  git diff-tree --stdin over the commits the product reads files for (filesUpfront.ts: the
 *                   fixes of the report's window and its trend's)
 *   history read    both git passes as the product runs them, with its parsing and cache write
 *   lines           the line counter at HEAD (its worker, empty cache)
 *   metrics         computeReport on the loaded dataset
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadGitHistory } from '../../src/core/sources/git/loadGitHistory';
import { filesReadUpfront, reportedSpan } from '../../src/core/sources/git/filesUpfront';
import type { CommitStore } from '../../src/core/sources/git/commitStore';
import { countLinesInWorker } from '../../src/core/sources/kloc/countLinesInWorker';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import { computeReport, loadDataset } from '../../src/core/pipeline';
import { BENCH_DIR } from '../synth/generateRepo';
import { fileListPass, metadataPass } from './gitPasses';
import { childCpuSeconds } from './machine';
import type { ReportWindow } from './reportRuns';

export interface PassCost {
  name: string;
  seconds: number;
  /** CPU seconds: this process's and its children's (git). */
  nodeCpu: number;
  gitCpu: number;
  note?: string;
}

async function measure(name: string, f: () => Promise<string | undefined>): Promise<PassCost> {
  const cpu = process.cpuUsage();
  const child = childCpuSeconds();
  const started = performance.now();
  const note = await f();
  const used = process.cpuUsage(cpu);
  return { name, seconds: (performance.now() - started) / 1000, nodeCpu: (used.user + used.system) / 1e6, gitCpu: childCpuSeconds() - child, ...(note ? { note } : {}) };
}

export async function passCosts(repo: string, window: ReportWindow): Promise<PassCost[]> {
  const cache = mkdtempSync(join(BENCH_DIR, 'cache-passes-'));
  try {
    const out: PassCost[] = [];
    out.push(await measure('metadata pass (git log, no file lists)', async () => `${((await metadataPass(repo)).bytes / 2 ** 20).toFixed(0)} MB out`));
    const fixes: string[] = [];
    let total = 0;
    let head = '';
    const now = Math.floor(Date.parse(window.until) / 1000);
    // The report's window, as the CLI names it to the pipeline: the fixes read are its own and its trend's.
    const reportWindow = { since: Math.floor(Date.parse(window.since) / 1000), until: now };
    const span = reportedSpan(reportWindow);
    out.push(await measure('history read (both git passes + parsing + cache write)', async () => {
      const h = await loadGitHistory(repo, { cacheDir: cache, reportWindow });
      const store = h.graph as CommitStore;
      const fix = store.subjectFacts.fix;
      const starts = store.parentStart;
      const dates = store.committerDates;
      total = store.length;
      head = h.info.head;
      for (let i = 0; i < store.length; i++) if (filesReadUpfront(fix[i] === 1, starts[i + 1]! - starts[i]!, dates[i]!, span)) fixes.push(store.hashAt(i));
      return `${h.parsedCommits} commits, ${h.fileListsRead} file lists`;
    }));
    out.splice(1, 0, await measure('file-list pass (git diff-tree --stdin)', async () => {
      await fileListPass(repo, fixes);
      return `${fixes.length} of ${total} commits (${(100 * fixes.length / Math.max(1, total)).toFixed(0)}%)`;
    }));
    const { sourceGlobs, excludeGlobs, testGlobs } = DEFAULT_OPTIONS;
    out.push(await measure('lines at HEAD (worker, empty cache)', async () => {
      const k = await countLinesInWorker(repo, head, { sourceGlobs, excludeGlobs, testGlobs }, cache);
      return `${k.sourceLines + k.testLines} lines`;
    }));
    const dataset = await loadDataset({ repoPath: repo, cacheRoot: cache, options: DEFAULT_OPTIONS, reportWindow });
    out.push(await measure('metrics (computeReport, dataset in memory)', async () => {
      computeReport(dataset, { window: reportWindow, options: DEFAULT_OPTIONS, now });
      return undefined;
    }));
    return out;
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
}

export function passCostRows(costs: PassCost[]): Array<{ name: string; value: string }> {
  return costs.map((c) => ({
    name: c.name,
    value: `${c.seconds.toFixed(2)} s (cpu: node ${c.nodeCpu.toFixed(2)} s, git ${c.gitCpu.toFixed(2)} s)${c.note ? `; ${c.note}` : ''}`,
  }));
}
