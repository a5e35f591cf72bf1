import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';

/**
 * An exclusive lock between runs that share a cache folder (two editor windows, a CLI in CI): a
 * directory, because mkdir either creates it or fails, atomically, on every file system. It is
 * held only while a writer changes files (well under a second) and its time stamp is refreshed
 * meanwhile, so a lock older than `staleMs` was left by a run that died: it is renamed away
 * (only one taker can win the rename) and taken. Written out rather than taken from a lock
 * library: those patch the global `fs` and install signal handlers, which the editor's
 * extension host shares with every other extension.
 */
export async function withDirLock<T>(lockDir: string, f: () => Promise<T>, opts: { staleMs?: number; waitMs?: number } = {}): Promise<T> {
  const staleMs = opts.staleMs ?? 15_000;
  const deadline = Date.now() + (opts.waitMs ?? 30_000);
  for (let delay = 10; ; delay = Math.min(delay * 2, 400)) {
    try {
      await fs.mkdir(lockDir);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const held = await fs.stat(lockDir).catch(() => null);
    if (held && Date.now() - held.mtimeMs > staleMs) {
      const away = `${lockDir}.stale-${randomBytes(4).toString('hex')}`;
      if (await fs.rename(lockDir, away).then(() => true, () => false)) await fs.rm(away, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`another run has held the cache lock ${lockDir} for too long`);
    await new Promise((resolve) => setTimeout(resolve, delay + Math.random() * delay));
  }
  const refresh = setInterval(() => {
    const now = new Date();
    void fs.utimes(lockDir, now, now).catch(() => undefined);
  }, staleMs / 3);
  refresh.unref();
  try {
    return await f();
  } finally {
    clearInterval(refresh);
    await fs.rm(lockDir, { recursive: true, force: true }).catch(() => undefined);
  }
}
