import type { SourceFault } from '../../model/dataset';

/** What went wrong talking to Jira, already phrased for the user; never carries a token. */
export type JiraFailureKind = 'auth' | 'forbidden' | 'not-found' | 'rate-limited' | 'server' | 'network' | 'malformed' | 'gone' | 'limit' | 'other';

/** Where a failure happened, for hosts that word their own advice (SourceFault). */
export interface JiraFailureDetail {
  endpoint?: string;
  host?: string;
  /** Network error code (ENOTFOUND, ECONNREFUSED, ETIMEDOUT…). */
  code?: string;
  /** A more precise fault than `kind` says (no-project, no-board, no-credentials). */
  fault?: SourceFault['kind'];
  project?: string;
  boardId?: number;
}

export class JiraError extends Error {
  constructor(
    readonly kind: JiraFailureKind,
    message: string,
    readonly status: number | null = null,
    /** For rate limits: epoch seconds when Jira said the budget returns. */
    readonly until?: number,
    readonly detail: JiraFailureDetail = {},
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
  const detail = { endpoint };
  if (status === 401) return new JiraError('auth', `Jira rejected the credentials (401): check ${creds}`, status, undefined, detail);
  if (status === 403) {
    return new JiraError('forbidden', `Jira refused access (403) to ${endpoint}: the account behind ${creds} lacks permission (or Jira wants a CAPTCHA login in the browser)`, status, undefined, detail);
  }
  if (status === 404) return new JiraError('not-found', `Jira answered 404 for ${endpoint}: check --jira-url, --jira-project and --jira-board`, status, undefined, detail);
  if (status === 410) return new JiraError('gone', `Jira answered 410 (endpoint removed) for ${endpoint}`, status, undefined, detail);
  if (status === 429) return new JiraError('rate-limited', `Jira rate limit reached (429) on ${endpoint}; try again later`, status, until, detail);
  if (status >= 500) return new JiraError('server', `Jira server error (${status}) on ${endpoint}; try again later`, status, undefined, detail);
  return new JiraError('other', `Jira answered ${status} for ${endpoint}`, status, undefined, detail);
}

/** Node's and axios's codes for a request that never got an answer, by what the user can do about it. */
function networkFault(code: string | undefined): SourceFault['kind'] {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host-not-found';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ESOCKETTIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'timeout';
  if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) return 'tls';
  return 'network';
}

/** The failure as data, for hosts that word their own advice. */
export function faultOf(e: JiraError): SourceFault {
  const d = e.detail;
  const kind: SourceFault['kind'] = d.fault ?? (e.kind === 'network' ? networkFault(d.code) : e.kind === 'gone' ? 'other' : e.kind);
  const out: SourceFault = { kind };
  if (e.status != null) out.httpStatus = e.status;
  if (d.host) out.host = d.host;
  if (d.endpoint) out.endpoint = d.endpoint;
  if (d.code) out.code = d.code;
  if (d.project) out.project = d.project;
  if (d.boardId != null) out.boardId = d.boardId;
  return out;
}
