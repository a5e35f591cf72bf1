import { spawn, spawnSync } from 'node:child_process';
import { setPriority } from 'node:os';
import type { Readable } from 'node:stream';

/**
 * git must never run a program the repository controls: fsmonitor hooks, pagers, external diff
 * drivers, textconv filters, hooks, ssh commands, askpass or credential helpers. These -c flags
 * override whatever .git/config says.
 *
 * `protocol.allow=never` is the network switch: in a partial clone (`--filter=blob:none`, or any
 * config with `extensions.partialClone`) git fetches a missing object from the promisor remote on
 * its own, which runs `remote.<name>.uploadpack` / `core.sshCommand` from the repository's config
 * and can hang on a remote that never answers. With every transport refused, that lazy fetch
 * fails at once and the object reads as missing (git >= 2.44 also honours GIT_NO_LAZY_FETCH).
 */
export const SAFE_CONFIG = [
  'core.fsmonitor=',
  'core.hooksPath=/dev/null',
  'core.pager=cat',
  'diff.external=',
  'core.untrackedCache=false',
  'core.sshCommand=ssh',
  'core.askPass=',
  // An empty value resets the list of helpers, the repository's included.
  'credential.helper=',
];

/** The niceness of a lowPriority call (os.setPriority's lowest). */
export const LOWEST_PRIORITY = 19;

/** Refuses every transport: no lazy fetch, no network (see SAFE_CONFIG). */
const NO_NETWORK = 'protocol.allow=never';

/** Options for log/diff that keep repository-configured drivers out. */
export const SAFE_DIFF_FLAGS = ['--no-ext-diff', '--no-textconv'];

export const SAFE_ENV: NodeJS.ProcessEnv = {
  GIT_TERMINAL_PROMPT: '0',
  // Read-only commands must not take the index lock or refresh the index (which could trigger fsmonitor).
  GIT_OPTIONAL_LOCKS: '0',
  GIT_PAGER: 'cat',
  PAGER: 'cat',
  LC_ALL: 'C',
  // git >= 2.44: a missing object in a partial clone is reported missing, never fetched.
  GIT_NO_LAZY_FETCH: '1',
  // Into a pipe, git log, rev-list and diff-tree --stdin flush after every commit: one write per
  // commit (35,000 on a 35,000-commit log) and as many chunks for Node to take in. Buffered,
  // they write 4 KB at a time. No call here waits on one answer before it asks the next.
  GIT_FLUSH: '0',
};

/**
 * The environment git runs with: only what it needs to find itself and the user's config.
 * Variables that make git run programs (EDITOR, GIT_SSH_COMMAND, GIT_ASKPASS, GIT_EXTERNAL_DIFF…)
 * are never passed on. GIT_CONFIG_GLOBAL / GIT_CONFIG_NOSYSTEM are the user's own choice of config
 * (CI sets GIT_CONFIG_GLOBAL=/dev/null) and pass through: SAFE_CONFIG overrides any of it.
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

  /** git needed an object a partial clone lacks and was not allowed to fetch it (see NO_NETWORK). */
  get missingObjects(): boolean {
    return LAZY_FETCH_REFUSED.test(this.stderr);
  }
}

/** What git says when a partial clone wanted to fetch a missing object and every transport is refused. */
const LAZY_FETCH_REFUSED = /from promisor remote|lazy fetching disabled/;

function failure(repoPath: string, code: number | null, stderr: string): GitError {
  const e = new GitError(stderr.trim().split('\n')[0] || `git exited with ${code}`, stderr);
  if (!e.missingObjects) return e;
  return new GitError(`${repoPath} is a partial clone that lacks objects the report needs, and the report never fetches: fetch them yourself (git -C ${repoPath} fetch --refetch origin) or use a clone without --filter`, stderr);
}

/** A value the user typed (branch, path, glob) must never be read by git as an option. */
export function assertNotOption(value: string, what: string): string {
  if (value.startsWith('-')) throw new GitError(`${what} "${value}" may not start with "-"`);
  return value;
}

export interface GitCallOptions {
  /** Written to git's stdin and closed (for --stdin lists); a stream is piped as it produces (git reads while it arrives). */
  stdin?: string | Readable;
  signal?: AbortSignal;
  /**
   * The one way to let a call reach a remote: the transports named here are allowed for this
   * call only (e.g. ['https'] for an explicit, user-requested `git fetch`); everything else stays
   * refused, and the program-running settings of SAFE_CONFIG stay off (so no credential helper or
   * ssh command from the repository runs; give credentials another way, e.g. -c http.extraHeader).
   * Lazy fetching stays off (GIT_NO_LAZY_FETCH) whatever this says. Never set it for reads.
   * (fetchPrHeads.ts, the one caller, allows http only to loopback and file only for local folders.)
   */
  allowProtocols?: Array<'https' | 'ssh' | 'git' | 'file' | 'http'>;
  /**
   * Run git at the lowest CPU priority: for work nobody waits on (the progress total), so that it
   * only takes a core the report's own processes leave idle.
   */
  lowPriority?: boolean;
}

/** The argument list of a git process, with the safety flags in front. */
export function safeArgs(args: string[], opts: Pick<GitCallOptions, 'allowProtocols'> = {}): string[] {
  const config = [...SAFE_CONFIG, NO_NETWORK, ...(opts.allowProtocols ?? []).map((p) => `protocol.${p}.allow=always`)];
  return [...config.flatMap((c) => ['-c', c]), '--no-pager', ...args];
}

/**
 * Spawns git for a long stream (a full-history log must not sit in memory as one string). Calls
 * onChunk for every stdout chunk; rejects with git's first stderr line on a non-zero exit.
 */
export function streamGit(repoPath: string, args: string[], onChunk: (chunk: Buffer) => void, opts: GitCallOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', safeArgs(args, opts), {
      cwd: repoPath,
      env: gitEnv(),
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: opts.signal,
    });
    if (opts.lowPriority && child.pid !== undefined) {
      try {
        setPriority(child.pid, LOWEST_PRIORITY);
      } catch {
        // Not allowed or already gone: it runs at normal priority, which is only slower.
      }
    }
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => onChunk(c));
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < 10_000) stderr += c.toString('utf8');
    });
    child.on('error', (e) => reject(e.name === 'AbortError' ? e : new GitError(`could not run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(failure(repoPath, code, stderr));
    });
    child.stdin.on('error', () => undefined); // git may exit before reading all of stdin
    if (typeof opts.stdin === 'object') opts.stdin.pipe(child.stdin);
    else child.stdin.end(opts.stdin ?? '');
  });
}

/** Runs one short git command and returns its stdout; rejects (GitError) on a non-zero exit. */
export async function git(repoPath: string, args: string[], opts: GitCallOptions = {}): Promise<string> {
  const chunks: Buffer[] = [];
  await streamGit(repoPath, args, (c) => chunks.push(c), opts);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The same safe git, synchronously: only for a last-resort read of a few bytes where the caller
 * cannot wait (a pure report touching data no one loaded ahead); rejects like `git`.
 */
export function gitSync(repoPath: string, args: string[], stdin = ''): Buffer {
  const r = spawnSync('git', safeArgs(args), { cwd: repoPath, env: gitEnv(), input: stdin, maxBuffer: 1 << 28 });
  if (r.error) throw new GitError(`could not run git: ${r.error.message}`);
  if (r.status !== 0) throw failure(repoPath, r.status, r.stderr.toString('utf8'));
  return r.stdout;
}
