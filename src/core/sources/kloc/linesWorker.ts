import { parentPort, workerData } from 'node:worker_threads';
import { countLinesAtHead, type CountedTree } from './countLinesAtHead';
import type { KlocConfig } from './fileClassifier';

/**
 * Worker entry: counts lines at HEAD on the second core while the main thread parses the git log
 * stream (which leaves it idle about half the time, waiting on git).
 */
interface Job {
  top: string;
  at: CountedTree;
  options: KlocConfig;
  cacheDir: string;
}

const job = workerData as Job;
countLinesAtHead(job.top, job.at, job.options, job.cacheDir).then(
  (index) => parentPort?.postMessage({ ok: true, index }),
  (e: unknown) => parentPort?.postMessage({ ok: false, message: (e as Error).message }),
);
