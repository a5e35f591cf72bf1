import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KlocIndex } from '../../model/kloc';
import type { KlocConfig } from './fileClassifier';
import { countLinesAtHead, linesFromCache, type CountedTree } from './countLinesAtHead';

/**
 * Past this many changed paths since the cached tree, the count goes to the worker. A few files
 * (a refresh after a commit or two) cost less here than a thread takes to start; more would keep
 * this thread from reading the history meanwhile, while the worker counts them on the other core.
 * Measured on the 35k-commit JavaScript bench repository after 100 new commits (155 files,
 * 1 MB): counted here, they held the history read back by about 0.1 s.
 */
const INLINE_CHANGES = 40;

/**
 * Counts lines at HEAD (its tree, when the caller has it) in a worker thread when running from the bundle (dist/linesWorker.js
 * sits beside it), so it overlaps the history scan; from source (tests) it runs inline. What the
 * cache answers (an unchanged tree, or a few changed files) is not worth starting a thread for.
 */
export async function countLinesInWorker(top: string, at: CountedTree, options: KlocConfig, cacheDir: string, signal?: AbortSignal): Promise<KlocIndex> {
  const script = path.join(__dirname, 'linesWorker.js');
  if (!__filename.endsWith('.js') || !existsSync(script)) return countLinesAtHead(top, at, options, cacheDir, signal);
  const cached = await linesFromCache(top, at, options, cacheDir, INLINE_CHANGES, signal);
  if (cached) return cached;
  return new Promise<KlocIndex>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { top, at, options, cacheDir } });
    const abort = () => void worker.terminate().then(() => reject(signal?.reason ?? new Error('aborted')));
    signal?.addEventListener('abort', abort, { once: true });
    worker.once('message', (m: { ok: true; index: KlocIndex } | { ok: false; message: string }) => {
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      if (m.ok) resolve(m.index);
      else reject(new Error(m.message));
    });
    worker.once('error', (e) => {
      signal?.removeEventListener('abort', abort);
      reject(e);
    });
  });
}
