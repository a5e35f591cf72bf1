import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Where failed cache writes go. A cache only saves the next run work, so a write that fails (a
 * read-only or full cache folder) must not fail this one: AtomicStore reports it here and the run
 * goes on. The pipeline collects the reports of everything it awaits (git, lines, GitHub, Jira)
 * into the report's warnings; one line per cache file, however often it was tried.
 */
const sink = new AsyncLocalStorage<Map<string, string>>();

const REASONS: Record<string, string> = {
  ENOSPC: 'disk full',
  EFBIG: 'file too large',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EEXIST: 'a file is where a folder should be',
  ENOTDIR: 'a file is where a folder should be',
};

export function reportCacheProblem(file: string, error: unknown): void {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code ? `${code}${REASONS[code] ? `, ${REASONS[code]}` : ''}` : (error as Error).message;
  sink.getStore()?.set(file, `could not write the cache file ${file} (${why}): the report is complete, the next run redoes the work`);
}

/** Runs `f`, returning what it returned and the cache problems reported while it ran. */
export async function collectCacheProblems<T>(f: () => Promise<T>): Promise<{ result: T; problems: string[] }> {
  const problems = new Map<string, string>();
  const result = await sink.run(problems, f);
  return { result, problems: [...problems.values()] };
}
