import type { PipelineInput } from '../../pipelineTypes';
import { git } from '../git/gitRunner';
import { defaultApiUrl, parseGitHubRemote } from './remote';

/** The repository a run syncs from GitHub, or an error to report instead. */
export type GitHubTarget = { owner: string; name: string; apiUrl: string } | { error: string };

/** A host we take for GitHub without being told: github.com or an Enterprise host named like one. */
function looksLikeGitHub(host: string): boolean {
  return host === 'github.com' || host.includes('github');
}

/**
 * Decides whether GitHub applies to this run, before any of the GitHub client is loaded: a
 * repository whose origin is elsewhere never pays for loading octokit. The repository comes from
 * `input.github.repo`, else from `origin`; the API URL from `input.github.apiUrl`, else from the
 * remote's host. Null when GitHub does not apply (no config, origin not on GitHub).
 */
export async function resolveGitHubTarget(repoTop: string, input: PipelineInput): Promise<GitHubTarget | null> {
  const cfg = input.github;
  if (!cfg) return null;
  let owner: string | undefined;
  let name: string | undefined;
  let host = 'github.com';
  if (cfg.repo) {
    [owner, name] = cfg.repo.split('/');
  } else {
    const origin = (await git(repoTop, ['remote', 'get-url', 'origin']).catch(() => '')).trim();
    const remote = origin ? parseGitHubRemote(origin) : null;
    if (!remote || (!looksLikeGitHub(remote.host) && !cfg.apiUrl)) return null;
    ({ owner, name, host } = remote);
  }
  if (!owner || !name) return { error: `GitHub: repository must be OWNER/NAME (got "${cfg.repo ?? ''}")` };
  return { owner, name, apiUrl: cfg.apiUrl || defaultApiUrl(host) };
}
