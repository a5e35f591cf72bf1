import { spawn } from 'node:child_process';
import { simpleGit, type SimpleGit } from 'simple-git';

/**
 * git must never run a program the repository controls: fsmonitor hooks, pagers, external diff
 * drivers, textconv filters or hooks. These -c flags override whatever .git/config says.
 * (simple-git refuses to set fsmonitor/hooksPath/pager at all unless told it may; here we set
 * them only to switch them off.)
 */
export const SAFE_CONFIG = [
  'core.fsmonitor=',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'diff.external=',
  'core.untrackedCache=false',
];

/** Options for log/diff that keep repository-configured drivers out. */
export const SAFE_DIFF_FLAGS = ['--no-ext-diff', '--no-textconv'];

export const SAFE_ENV: NodeJS.ProcessEnv = {
  GIT_TERMINAL_PROMPT: '0',
  // Read-only commands must not take the index lock or refresh the index (which could trigger fsmonitor).
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  LC_ALL: 'C',
};

/**
 * The environment git runs with: only what it needs to find itself and the user's config.
 * Variables that make git run programs (EDITOR, GIT_SSH_COMMAND, GIT_ASKPASS, GIT_EXTERNAL_DIFF…)
 * are never passed on.
 */
export function gitEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'HOME', 'USERPROFILE', 'SystemRoot', 'TMPDIR', 'TEMP', 'TMP', 'XDG_CONFIG_HOME', 'GIT_CONFIG_NOSYSTEM', 'GIT_CONFIG_GLOBAL'];
  const env: NodeJS.ProcessEnv = {};
  for (const k of keep) if (process.env[k] !== undefined) env[k] = process.env[k];
  return { ...env, ...SAFE_ENV };
}

export class GitError extends Error {
  constructor(message: string, readonly stderr = '') {
    super(message);
  }
}

/** A value the user typed (branch, path, glob) must never be read by git as an option. */
export function assertNotOption(value: string, what: string): string {
  if (value.startsWith('-')) throw new GitError(`${what} "${value}" may not start with "-"`);
  return value;
}

export function gitClient(repoPath: string): SimpleGit {
  return simpleGit({
    baseDir: repoPath,
    config: SAFE_CONFIG,
    unsafe: { allowUnsafeFsMonitor: true, allowUnsafeHooksPath: true, allowUnsafePager: true, allowUnsafeDiffExternal: true },
    trimmed: false,
  }).env(gitEnv());
}

/** Runs one short git command and returns stdout. */
export async function git(repoPath: string, args: string[]): Promise<string> {
  try {
    return await gitClient(repoPath).raw(['--no-pager', ...args]);
  } catch (e) {
    throw new GitError((e as Error).message.split('\n')[0] ?? 'git failed', (e as Error).message);
  }
}

/** The argument list of a streaming git process, with the safety flags in front. */
export function safeArgs(args: string[]): string[] {
  return [...SAFE_CONFIG.flatMap((c) => ['-c', c]), '--no-pager', ...args];
}

/**
 * Spawns git for a long stream (simple-git's raw() buffers all output; a full-history log must
 * not sit in memory as one string). Calls onChunk for every stdout chunk; rejects with git's
 * stderr on a non-zero exit. `stdin` is written and closed (for --stdin revision lists).
 */
export function streamGit(
  repoPath: string,
  args: string[],
  onChunk: (chunk: Buffer) => void,
  opts: { stdin?: string; signal?: AbortSignal } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', safeArgs(args), {
      cwd: repoPath,
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: opts.signal,
    });
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => onChunk(c));
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 10_000) stderr += c.toString('utf8');
    });
    child.on('error', (e) => reject(e.name === 'AbortError' ? e : new GitError(`could not run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new GitError(stderr.trim().split('\n')[0] || `git exited with ${code}`, stderr));
    });
    child.stdin.on('error', () => undefined); // git may exit before reading all of stdin
    child.stdin.end(opts.stdin ?? '');
  });
}
