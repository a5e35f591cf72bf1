/** Where a repository lives on GitHub (github.com or an Enterprise host). */
export interface GitHubRemote {
  host: string;
  owner: string;
  name: string;
}

/**
 * Reads owner/name from an origin URL in any of the forms git accepts:
 * https://host/o/r(.git), http://, ssh://git@host(:port)/o/r.git, git@host:o/r.git, git://host/o/r.
 * Returns null for anything else (local paths, file://, URLs without owner/name).
 */
export function parseGitHubRemote(url: string): GitHubRemote | null {
  const trimmed = url.trim();
  // scp-like syntax has no scheme: [user@]host:owner/name(.git)
  const scp = /^(?:[^@/\s]+@)?([^:/\s]+):(?!\/)([^\s]+)$/.exec(trimmed);
  let host: string;
  let pathPart: string;
  if (scp?.[1] && scp[2] && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed)) {
    host = scp[1];
    pathPart = scp[2];
  } else {
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return null;
    }
    if (!['https:', 'http:', 'ssh:', 'git:', 'git+ssh:', 'ssh+git:'].includes(parsed.protocol)) return null;
    host = parsed.hostname;
    pathPart = decodeURIComponent(parsed.pathname);
  }
  const segments = pathPart.replace(/^\/+|\/+$/g, '').replace(/\.git$/i, '').split('/');
  const [owner, name] = segments;
  if (segments.length !== 2 || !owner || !name) return null;
  return { host: host.toLowerCase(), owner, name };
}

export const GITHUB_COM_API = 'https://api.github.com';

/** The hosts github.com's remotes use; their API is GITHUB_COM_API. */
export function isGitHubCom(host: string): boolean {
  const h = host.toLowerCase();
  return h === 'github.com' || h === 'www.github.com' || h === 'ssh.github.com';
}
