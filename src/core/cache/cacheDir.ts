import * as os from 'node:os';
import * as path from 'node:path';
import { createHash } from 'node:crypto';

/** The user's cache folder (XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows). */
export function defaultCacheRoot(): string {
  if (process.env.XDG_CACHE_HOME) return path.join(process.env.XDG_CACHE_HOME, 'engineering-kpis');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'engineering-kpis');
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return path.join(process.env.LOCALAPPDATA, 'engineering-kpis', 'cache');
  return path.join(os.homedir(), '.cache', 'engineering-kpis');
}

/** One folder per repository, named by a hash of its real path so two clones never share a cache. */
export function repoCacheDir(root: string, repoRealPath: string): string {
  const id = createHash('sha256').update(repoRealPath).digest('hex').slice(0, 16);
  return path.join(root, `${path.basename(repoRealPath).replace(/[^\w.-]/g, '_')}-${id}`);
}
