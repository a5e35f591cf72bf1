/**
 * Where a credential may be sent: the one rule for every URL the user gives (Jira site, GitHub
 * API), checked by the CLI (exit 2), the editor's settings (a problem) and the syncs (an error
 * status), so no path sends a token that the others would refuse.
 */

/** How the caller names the URL and where its credentials belong, for the message. */
export interface UrlRole {
  /** `--jira-url`, `engineeringKpis.jira.url`, ... */
  name: string;
  /** Where the credentials go instead, e.g. "the environment variables JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT". */
  credentials: string;
  /** A well-formed value, for the message about a malformed one. */
  example: string;
}

export type CheckedUrl = { url: string } | { problem: string };

/**
 * Plain http is for the machine itself only (test fakes, a local proxy): 127.0.0.0/8, localhost
 * and [::1]. The WHATWG parser has already turned 127.1 or 0x7f.0.0.1 into dotted form.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/** Replaces the user name and password of every URL in `text` with `***`, for messages and logs. */
export function redactUrls(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi, '$1***@');
}

/** Accepts an https URL, or http to loopback; refuses userinfo, other schemes and non-URLs. */
export function checkCredentialUrl(raw: string, role: UrlRole): CheckedUrl {
  const url = raw.trim();
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) {
    return { problem: `${role.name} must be an https:// address like ${role.example} (got "${redactUrls(url)}")` };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { problem: `${role.name} must not contain a user name or password: use ${role.credentials} instead` };
  }
  if (parsed.protocol === 'http:' && !isLoopbackHost(parsed.hostname)) {
    return {
      problem: `${role.name} uses plain http to ${parsed.hostname}, which would send the credentials unencrypted: use https:// (plain http is accepted only for localhost, 127.0.0.0/8 and [::1])`,
    };
  }
  return { url };
}

export const JIRA_EXAMPLE = 'https://example.atlassian.net';
export const GITHUB_EXAMPLE = 'https://github.example.com/api/v3';

/** The CLI's names; the editor passes its own (settings, SecretStorage, auth sessions). Also the core's default. */
export const CLI_URL_ROLES = {
  jira: {
    name: '--jira-url',
    credentials: 'the environment variables JIRA_EMAIL and JIRA_API_TOKEN (Cloud) or JIRA_PAT (Server/Data Center)',
    example: JIRA_EXAMPLE,
  },
  github: { name: '--github-api-url', credentials: 'the environment variable GITHUB_TOKEN', example: GITHUB_EXAMPLE },
} as const satisfies Record<string, UrlRole>;
