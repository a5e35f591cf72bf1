import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { git, gitEnv, GitError, safeArgs, type GitCallOptions } from './gitRunner';
import { listPrHeads } from './prHeads';

/**
 * (v2, spec §1 "Pull request heads") The one git call of the product that reaches the network,
 * and only when the user asks (`--fetch-pr-heads`, "Fetch Pull Request Heads"): fetches GitHub's
 * pull request heads so squash changes get their real start from git alone.
 *
 * The refspec writes `refs/pull/N/head`, GitHub's own name (the spec's shorter
 * `+refs/pull/*\/head:refs/pull/*` writes `refs/pull/N`; both are read).
 */
export const PR_HEADS_REFSPEC = '+refs/pull/*/head:refs/pull/*/head';

export class FetchError extends Error {}


export interface FetchProgress {
  /** git's own progress line, e.g. "Receiving objects:  45% (450/1000)". */
  message: string;
  /** 0..1 within git's current phase, when the line has a percentage. */
  fraction?: number;
}

export interface FetchResult {
  remote: string;
  url: string;
  /** Pull request heads the repository has after the fetch. */
  heads: number;
}

/** The remote to fetch from: origin, else the repository's only remote. */
async function chooseRemote(top: string): Promise<string> {
  const remotes = (await git(top, ['remote'])).split('\n').filter(Boolean);
  if (remotes.includes('origin')) return 'origin';
  if (remotes.length === 1) return remotes[0]!;
  throw new FetchError(remotes.length === 0
    ? 'the repository has no remote to fetch pull request heads from: add the GitHub remote as origin'
    : `the repository has several remotes and none is called origin (${remotes.join(', ')}): name the GitHub one origin`);
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The transports this one fetch may use, by the remote's URL: https and ssh; plain http only to
 * a loopback host (the product's rule for any credential-bearing request); file only when the
 * remote is a folder on this machine (a local mirror, and the tests). Every other transport
 * (git://, ext::, remote helpers) stays refused.
 */
type Protocol = NonNullable<GitCallOptions['allowProtocols']>[number];

export function protocolsFor(url: string): Protocol[] {
  const allowed: Protocol[] = ['https', 'ssh'];
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http') {
    try {
      if (LOOPBACK.has(new URL(url).hostname)) allowed.push('http');
    } catch {
      // not a URL git could use either
    }
  } else if (scheme === 'file' || (!scheme && (path.isAbsolute(url) || url.startsWith('.')))) {
    allowed.push('file');
  }
  return allowed;
}

/**
 * The user's own credential helpers: the system's and the global config's (including helpers for
 * one URL, such as `gh auth setup-git` writes), in the order git reads them. The repository's
 * own `credential.helper` is a program the repository chose, so it never runs: the fetch resets
 * the list and adds back only these.
 */
async function userCredentialHelpers(top: string): Promise<string[]> {
  const scopes = process.env.GIT_CONFIG_NOSYSTEM ? ['--global'] : ['--system', '--global'];
  const out: string[] = [];
  for (const scope of scopes) {
    let text = '';
    try {
      text = await git(top, ['config', scope, '--null', '--get-regexp', '^credential\\..*helper$']);
    } catch {
      continue; // no such file, or no helper in it
    }
    // --null: "key\nvalue\0" per entry, so a value cannot be split wrongly.
    for (const entry of text.split('\0')) {
      const nl = entry.indexOf('\n');
      if (nl > 0) out.push(`${entry.slice(0, nl)}=${entry.slice(nl + 1)}`);
    }
  }
  return out;
}

/**
 * Runs `git fetch <remote> +refs/pull/*\/head:refs/pull/*\/head` with the user's credentials and
 * none of the repository's programs: the safe options of every git call, plus `upload-pack` and
 * `core.sshCommand` pinned to git's own, the repository's credential helpers
 * replaced by the user's, no tags, no submodules, no automatic gc. Then packs the refs (as
 * `git gc` would): git reads 10,000 loose refs one file each, and every later report lists them.
 */
export async function fetchPrHeads(top: string, opts: { signal?: AbortSignal; onProgress?: (p: FetchProgress) => void } = {}): Promise<FetchResult> {
  const remote = await chooseRemote(top);
  const url = (await git(top, ['remote', 'get-url', remote])).trim();
  // Every git call already pins core.sshCommand to ssh, empties core.askPass and resets
  // credential.helper (gitRunner's SAFE_CONFIG); these come after it, so the user's helpers return.
  const config = await userCredentialHelpers(top);
  // By URL, not by remote name, so that no remote.<name>.* setting applies; and --upload-pack on
  // the command line, because git keeps the *first* remote.<name>.uploadpack it reads (the
  // repository's), so a -c override would lose.
  const args = [
    ...config.flatMap((c) => ['-c', c]),
    'fetch', '--progress', '--no-tags', '--no-recurse-submodules', '--no-auto-gc', '--no-write-fetch-head', '--upload-pack=git-upload-pack',
    '--', url, PR_HEADS_REFSPEC,
  ];
  await runFetch(top, args, protocolsFor(url), opts);
  await git(top, ['pack-refs', '--all']);
  return { remote, url, heads: (await listPrHeads(top)).byPr.size };
}

function runFetch(top: string, args: string[], allowProtocols: Protocol[], opts: { signal?: AbortSignal; onProgress?: (p: FetchProgress) => void }): Promise<void> {
  // ssh finds the user's keys through their agent; nothing else of the environment is passed on.
  const env = { ...gitEnv(), ...(process.env.SSH_AUTH_SOCK ? { SSH_AUTH_SOCK: process.env.SSH_AUTH_SOCK } : {}) };
  return new Promise((resolve, reject) => {
    const child = spawn('git', safeArgs(args, { allowProtocols }), { cwd: top, env, stdio: ['ignore', 'ignore', 'pipe'], signal: opts.signal });
    let rest = '';
    let last = '';
    child.stderr.on('data', (c: Buffer) => {
      // Progress lines end in \r while they update and in \n when a phase is done.
      const parts = (rest + c.toString('utf8')).split(/[\r\n]/);
      rest = parts.pop() ?? '';
      for (const line of parts.map((l) => l.trim()).filter(Boolean)) {
        last = line;
        const pct = /(\d{1,3})% \(/.exec(line);
        opts.onProgress?.({ message: line, ...(pct ? { fraction: Number(pct[1]) / 100 } : {}) });
      }
    });
    child.on('error', (e) => reject(e.name === 'AbortError' ? e : new GitError(`could not run git: ${e.message}`)));
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new FetchError(`git fetch failed: ${(rest.trim() || last || `exit ${code}`).replace(/^fatal: /, '')}`));
    });
  });
}
