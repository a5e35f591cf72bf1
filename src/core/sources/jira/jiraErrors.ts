/** What went wrong talking to Jira, already phrased for the user; never carries a token. */
export type JiraFailureKind = 'auth' | 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'network' | 'malformed' | 'gone' | 'limit' | 'other';

export class JiraError extends Error {
  constructor(
    readonly kind: JiraFailureKind,
    message: string,
    readonly status: number | null = null,
    /** For rate limits: epoch seconds when Jira said the budget returns. */
    readonly until?: number,
  ) {
    super(message);
    this.name = 'JiraError';
  }
}

/** Which credential the user must fix: Cloud uses email + API token, Server/DC a personal access token. */
export function credentialNames(usesBasicAuth: boolean): string {
  return usesBasicAuth ? 'JIRA_EMAIL and JIRA_API_TOKEN' : 'JIRA_PAT';
}

export function httpFailure(status: number, endpoint: string, usesBasicAuth: boolean, until?: number): JiraError {
  const creds = credentialNames(usesBasicAuth);
  if (status === 401) return new JiraError('auth', `Jira rejected the credentials (401): check ${creds}`, status);
  if (status === 403) {
    return new JiraError('forbidden', `Jira refused access (403) to ${endpoint}: the account behind ${creds} lacks permission (or Jira wants a CAPTCHA login in the browser)`, status);
  }
  if (status === 404) return new JiraError('not-found', `Jira answered 404 for ${endpoint}: check --jira-url, --jira-project and --jira-board`, status);
  if (status === 410) return new JiraError('gone', `Jira answered 410 (endpoint removed) for ${endpoint}`, status);
  if (status === 429) return new JiraError('rate-limited', `Jira rate limit reached (429) on ${endpoint}; try again later`, status, until);
  if (status >= 500) return new JiraError('server', `Jira server error (${status}) on ${endpoint}; try again later`, status);
  return new JiraError('other', `Jira answered ${status} for ${endpoint}`, status);
}
