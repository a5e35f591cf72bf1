import type { SourceStatus } from '../../model/dataset';
import { git } from '../git/gitRunner';
import { checkCredentialUrl, CLI_URL_ROLES } from '../http/credentialUrl';
import type { GitHubConfig } from './githubConfig';
import { GITHUB_COM_API, isGitHubCom, parseGitHubRemote } from './remote';

/** The repository a run syncs from GitHub, or the status to report instead of syncing. */
export type GitHubTarget = { owner: string; name: string; apiUrl: string } | { status: SourceStatus };

/** A host worth a hint: the user may have meant an Enterprise server. Never a reason to send the token. */
function looksLikeGitHub(host: string): boolean {
  return host.includes('github');
}

/**
 * Decides where GITHUB_TOKEN goes, before any of the GitHub client is loaded (a repository whose
 * origin is elsewhere never pays for loading octokit). The origin URL is the repository's to
 * choose, so it is trusted only to name github.com, whose API is api.github.com. Any other API
 * host is used only when the user names it (`--github-api-url`, the apiUrl setting), and it must
 * pass the credential URL rule. Null when GitHub does not apply (no config, origin elsewhere).
 */
export async function resolveGitHubTarget(repoTop: string, cfg: GitHubConfig | undefined): Promise<GitHubTarget | null> {
  if (!cfg) return null;
  const role = cfg.apiUrlRole ?? CLI_URL_ROLES.github;
  let named: string | undefined;
  if (cfg.apiUrl.trim() !== '') {
    const checked = checkCredentialUrl(cfg.apiUrl, role);
    if ('problem' in checked) return { status: { status: 'error', message: `GitHub: ${checked.problem}` } };
    // github.com's own API (the editor's default) names no other host: origin must still be github.com.
    if (checked.url.replace(/\/+$/, '') !== GITHUB_COM_API) named = checked.url;
  }
  let owner: string | undefined;
  let name: string | undefined;
  if (cfg.repo) {
    [owner, name] = cfg.repo.split('/');
  } else {
    const origin = (await git(repoTop, ['remote', 'get-url', 'origin']).catch(() => '')).trim();
    const remote = origin ? parseGitHubRemote(origin) : null;
    if (!remote) return null;
    if (!named && !isGitHubCom(remote.host)) {
      if (!looksLikeGitHub(remote.host)) return null;
      return { status: { status: 'off', message: `GitHub: off (origin is on ${remote.host}; set ${role.name} to use it)` } };
    }
    ({ owner, name } = remote);
  }
  if (!owner || !name) return { status: { status: 'error', message: `GitHub: repository must be OWNER/NAME (got "${cfg.repo ?? ''}")` } };
  return { owner, name, apiUrl: named ?? GITHUB_COM_API };
}
