import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { git, GitError } from './gitRunner';
import type { RepositoryInfo } from '../../model/commit';

/** A problem with the folder the user pointed at: the message says what to do. */
export class RepoError extends Error {}

async function checkFolder(repoPath: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(repoPath);
  } catch {
    throw new RepoError(`${repoPath} does not exist: pass --repo with the path of a git repository`);
  }
  if (!stat.isDirectory()) throw new RepoError(`${repoPath} is not a folder: pass --repo with the path of a git repository`);
}

/** Resolves and validates the folder; returns the work tree's top level. */
export async function resolveRepository(repoPath: string): Promise<string> {
  await checkFolder(repoPath);
  try {
    const top = (await git(repoPath, ['rev-parse', '--show-toplevel'])).trim();
    return top || repoPath;
  } catch (e) {
    const msg = (e as GitError).stderr || (e as Error).message;
    if (/dubious ownership/.test(msg)) {
      // git accepts only the absolute path of the repository's top level: the one it names.
      const at = /dubious ownership in repository at '([^']+)'/.exec(msg)?.[1] ?? path.resolve(repoPath);
      throw new RepoError(`git refuses ${repoPath} (owned by another user): run git config --global --add safe.directory ${at}`);
    }
    if (/not a git repository/i.test(msg)) throw new RepoError(`${repoPath} is not a git repository: run git init there, or pass --repo with a repository's path`);
    if (/must be run in a work tree/.test(msg) && (await tryGit(repoPath, ['rev-parse', '--is-bare-repository'])) === 'true') {
      throw new RepoError(`${repoPath} is a bare repository (no work tree): clone it (git clone ${path.resolve(repoPath)} FOLDER) and pass --repo FOLDER`);
    }
    throw new RepoError(`git could not read ${repoPath}: ${(e as Error).message}`);
  }
}

/** stdout trimmed, or null when git failed or printed nothing (e.g. `rev-parse -q --verify` of a missing ref). */
async function tryGit(repo: string, args: string[]): Promise<string | null> {
  try {
    return (await git(repo, args)).trim() || null;
  } catch {
    return null;
  }
}

const CANDIDATES = ['main', 'master', 'trunk', 'develop'];

/** The refs that name the default branch, by full name. */
export type CandidateRefs = Map<string, { sha: string; symref: string }>;

/** origin's HEAD and the usual default branches: the for-each-ref patterns that list them. */
export const CANDIDATE_PATTERNS = ['refs/remotes/origin/HEAD', ...CANDIDATES.map((c) => `refs/heads/${c}`)];

/** The for-each-ref format the candidates are read in (refListing.ts reads them with the other refs). */
export const CANDIDATE_FORMAT = '--format=%(refname)%00%(objectname)%00%(symref)';

/** origin's HEAD and the usual default branches, as far as the repository has them. */
async function readCandidates(repo: string): Promise<CandidateRefs> {
  const out = await tryGit(repo, ['for-each-ref', CANDIDATE_FORMAT, ...CANDIDATE_PATTERNS]);
  const refs: CandidateRefs = new Map();
  for (const line of (out ?? '').split('\n')) {
    const [ref, sha, symref] = line.split('\0') as [string, string, string];
    if (ref) refs.set(ref, { sha, symref });
  }
  return refs;
}

/**
 * The default branch: origin's HEAD if the clone knows it, else main/master/trunk/develop if
 * present, else the current branch. One for-each-ref answers all the candidates at once.
 */
async function defaultBranch(repo: string, currentRef: string | null, head: string, refs: CandidateRefs): Promise<{ name: string; tip: string } | null> {
  const originHead = refs.get('refs/remotes/origin/HEAD');
  if (originHead?.symref) {
    const name = originHead.symref.replace(/^refs\/remotes\/origin\//, '');
    const local = refs.get(`refs/heads/${name}`)?.sha ?? (await tryGit(repo, ['rev-parse', '-q', '--verify', `refs/heads/${name}^{commit}`]));
    const remote = await tryGit(repo, ['rev-parse', '-q', '--verify', `${originHead.symref}^{commit}`]);
    const tip = local ?? remote;
    if (tip) return { name, tip };
  }
  for (const name of CANDIDATES) {
    const hit = refs.get(`refs/heads/${name}`);
    if (hit) return { name, tip: hit.sha };
  }
  if (currentRef?.startsWith('refs/heads/')) return { name: currentRef.slice('refs/heads/'.length), tip: head };
  return null;
}

/** Why HEAD has no commit: an empty repository, or a new branch checked out beside ones that have commits. */
async function unbornMessage(top: string): Promise<string> {
  const unborn = (await tryGit(top, ['symbolic-ref', '-q', '--short', 'HEAD'])) ?? 'HEAD';
  const others = ((await tryGit(top, ['for-each-ref', '--count=3', '--format=%(refname:short)', 'refs/heads'])) ?? '').split('\n').filter(Boolean);
  if (others.length === 0) return `${top} has no commits yet: commit something first, then run the report again`;
  return `${top}: the checked-out branch "${unborn}" has no commits yet, but other branches do (${others.join(', ')}): check one of them out (git switch ${others[0]}) or commit on "${unborn}"`;
}

export interface RepoState {
  info: RepositoryInfo;
  /** The commit the history is read from (default branch tip, or HEAD when detached with no branch). */
  tip: string;
  /**
   * HEAD's tree, the lines at HEAD are counted from it; absent when git could not name it with the
   * rest (a partial clone without trees: the count then says why).
   */
  headTree?: string;
}

// Shallowness, HEAD's commit (git fails on an unborn HEAD) and the branch HEAD names ("HEAD" when
// detached). "--" keeps a file named HEAD in the work tree from making the revisions ambiguous.
const STATE_ARGS = ['--is-shallow-repository', 'HEAD^{commit}', '--symbolic-full-name', 'HEAD', '--'];
const HASH = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/** Reads HEAD, the default branch and shallowness. Throws RepoError for an empty repository. */
export async function readRepoState(top: string): Promise<RepoState> {
  // One git process answers all three, with the default branch's candidates read beside it.
  const candidates = readCandidates(top);
  candidates.catch(() => undefined);
  const [shallowOut, head, symbolic] = ((await tryGit(top, ['rev-parse', ...STATE_ARGS])) ?? '').split('\n');
  if (!head || !HASH.test(head)) throw new RepoError(await unbornMessage(top));
  return stateOf(top, shallowOut === 'true', { head }, symbolic, await candidates);
}

/**
 * The folder's top level and its state, as resolveRepository then readRepoState would give them,
 * with one git process on the way where those take three one after the other: every run, warm
 * ones most, waits for each process it starts. Any failure is explained by the two steps' own checks.
 */
export async function openRepository(repoPath: string, listed?: Promise<CandidateRefs>): Promise<{ top: string; state: RepoState }> {
  await checkFolder(repoPath);
  // The candidates are refs: they read the same from any folder of the work tree (and a caller
  // that lists refs anyway passes them in).
  const candidates = listed ?? readCandidates(repoPath);
  candidates.catch(() => undefined);
  // With HEAD's tree as well (the line count's first question); a partial clone without trees
  // fails it, and the two steps then answer without it.
  const out = await tryGit(repoPath, ['rev-parse', '--show-toplevel', 'HEAD^{tree}', ...STATE_ARGS]);
  const [top, tree, shallowOut, head, symbolic] = (out ?? '').split('\n');
  if (!top || !head || !HASH.test(head) || !tree) {
    const resolved = await resolveRepository(repoPath);
    return { top: resolved, state: await readRepoState(resolved) };
  }
  return { top, state: await stateOf(top, shallowOut === 'true', { head, tree }, symbolic, await candidates) };
}

async function stateOf(top: string, shallow: boolean, { head, tree }: { head: string; tree?: string }, symbolic: string | undefined, candidates: CandidateRefs): Promise<RepoState> {
  const detached = !symbolic?.startsWith('refs/');
  const branch = await defaultBranch(top, detached ? null : symbolic ?? null, head, candidates);
  return {
    info: { path: top, defaultBranch: branch?.name ?? 'HEAD', head, shallow, detached },
    tip: branch?.tip ?? head,
    ...(tree ? { headTree: tree } : {}),
  };
}

