import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { KlocIndex } from '../../model/kloc';
import type { KlocConfig } from './fileClassifier';
import { cachedLinesAtHead, countLinesAtHead } from './countLinesAtHead';

/**
 * Counts lines at HEAD in a worker thread when running from the bundle (dist/linesWorker.js sits
 * beside it), so it overlaps the history scan; from source (tests) it runs inline.
 */
export async function countLinesInWorker(top: string, commit: string, options: KlocConfig, cacheDir: string, signal?: AbortSignal): Promise<KlocIndex> {
  const script = path.join(__dirname, 'linesWorker.js');
  if (!__filename.endsWith('.js') || !existsSync(script)) return countLinesAtHead(top, commit, options, cacheDir, signal);
  // An unchanged tree is a cache hit: not worth starting a thread for.
  const hit = await cachedLinesAtHead(top, commit, options, cacheDir);
  if (hit) return hit;
  return new Promise<KlocIndex>((resolve, reject) => {
    const worker = new Worker(script, { workerData: { top, commit, options, cacheDir } });
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
