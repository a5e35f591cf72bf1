import type { Dataset } from '../../model/dataset';
import type { PipelineInput } from '../../pipelineTypes';
import { git } from '../git/gitRunner';
import { defaultApiUrl, parseGitHubRemote } from './remote';
import { syncGitHub } from './syncGitHub';

type GitHubPart = Pick<Dataset, 'pullRequests' | 'githubIssues' | 'releases'> & { status: Dataset['sources']['github'] };

/** A host we take for GitHub without being told: github.com or an Enterprise host named like one. */
function looksLikeGitHub(host: string): boolean {
  return host === 'github.com' || host.includes('github');
}

/**
 * Decides whether GitHub applies to this run and syncs it. The repository comes from
 * `input.github.repo`, else from `origin`; the API URL from `input.github.apiUrl`, else from the
 * remote's host. Returns null when GitHub does not apply (no config, origin not on GitHub).
 */
export async function loadGitHubForPipeline(repoTop: string, cacheDir: string, input: PipelineInput): Promise<GitHubPart | null> {
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
  if (!owner || !name) return { status: { status: 'error', message: `GitHub: repository must be OWNER/NAME (got "${cfg.repo ?? ''}")` } };
  const data = await syncGitHub(
    { owner, name, apiUrl: cfg.apiUrl || defaultApiUrl(host), token: cfg.token, offline: input.offline },
    cacheDir,
    { signal: input.signal, onProgress: input.onProgress, bugLabelPattern: input.options.bugLabelPattern },
  );
  if (data.status.status === 'off') return { status: data.status };
  return { status: data.status, pullRequests: data.pullRequests, githubIssues: data.issues, releases: data.releases };
}
