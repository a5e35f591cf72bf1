import { AgileClient, Version2Client, Version3Client } from 'jira.js';
import { findHttpLimitError, httpLimits, limitedFetch, SyncBudget, type HttpLimits } from '../http/httpLimits';
import { JiraError, httpFailure } from './jiraErrors';
import { DEFAULT_RETRY, parseRetryAfterMs, retryDelayMs, type RetryPolicy } from './retryPolicy';
import { obj, type Json } from './rawJson';

export interface JiraAuth {
  /** Cloud: email + API token (Basic). */
  email?: string;
  /** Empty: no credentials at all (serverInfo answers anonymously, which checks the URL first). */
  token: string;
}

/**
 * Every Jira call the sync makes, behind one retry/count/translate layer. Calls go through jira.js;
 * the greenhopper velocity chart has no jira.js method, so it uses jira.js's generic sendRequest.
 * Results are `unknown`: callers validate shapes themselves (a proxy may answer HTML). One JiraApi
 * is one sync: its budget starts when it is made.
 */
export class JiraApi {
  private readonly v2: Version2Client;
  private readonly v3: Version3Client;
  private readonly agile: AgileClient;
  private count = 0;
  private readonly basic: boolean;
  private readonly budget: SyncBudget;

  constructor(
    readonly baseUrl: string,
    auth: JiraAuth,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly signal?: AbortSignal,
    limits: HttpLimits = httpLimits(),
  ) {
    this.basic = auth.email != null && auth.email !== '' && auth.token !== '';
    this.budget = new SyncBudget(limits.syncBudgetMs);
    const common = {
      host: baseUrl,
      baseRequestConfig: {
        // axios's fetch adapter over the HTTP layer GitHub uses too: one body cap, one total
        // deadline per request (axios's own timeout is per socket idle period).
        adapter: 'fetch' as const,
        env: { fetch: limitedFetch(limits, this.budget) },
        signal,
        // Server/DC personal access tokens are Bearer tokens; jira.js only knows Basic/OAuth/JWT.
        headers: this.basic || auth.token === '' ? {} : { Authorization: `Bearer ${auth.token}` },
      },
      ...(this.basic ? { authentication: { basic: { email: auth.email ?? '', apiToken: auth.token } } } : {}),
    };
    this.v2 = new Version2Client(common);
    this.v3 = new Version3Client(common);
    this.agile = new AgileClient(common);
  }

  get requests(): number {
    return this.count;
  }

  get usesBasicAuth(): boolean {
    return this.basic;
  }

  serverInfo(): Promise<unknown> {
    return this.call('/rest/api/2/serverInfo', () => this.v2.serverInfo.getServerInfo());
  }

  myself(): Promise<unknown> {
    return this.call('/rest/api/2/myself', () => this.v2.myself.getCurrentUser());
  }

  fields(): Promise<unknown> {
    return this.call('/rest/api/2/field', () => this.v2.issueFields.getFields());
  }

  statuses(): Promise<unknown> {
    return this.call('/rest/api/2/status', () => this.v2.workflowStatuses.getStatuses());
  }

  /** Cloud: the enhanced search. The old /rest/api/3/search answers 410 on Cloud and is never called. */
  searchCloud(jql: string, fields: string[], nextPageToken: string | undefined, maxResults: number, withChangelog: boolean): Promise<unknown> {
    const expand = withChangelog ? 'changelog' : undefined;
    return this.call('/rest/api/3/search/jql', () =>
      this.v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, fields, expand, maxResults, nextPageToken }),
    );
  }

  /** Server/Data Center: offset paging. */
  searchServer(jql: string, fields: string[], startAt: number, maxResults: number, withChangelog: boolean): Promise<unknown> {
    const expand = withChangelog ? 'changelog' : undefined;
    return this.call('/rest/api/2/search', () =>
      this.v2.issueSearch.searchForIssuesUsingJql({ jql, fields, expand, startAt, maxResults }),
    );
  }

  changelog(cloud: boolean, key: string, startAt: number, maxResults: number): Promise<unknown> {
    const label = `/rest/api/${cloud ? 3 : 2}/issue/${key}/changelog`;
    return cloud
      ? this.call(label, () => this.v3.issues.getChangeLogs({ issueIdOrKey: key, startAt, maxResults }))
      : this.call(label, () => this.v2.issues.getChangeLogs({ issueIdOrKey: key, startAt, maxResults }));
  }

  boards(projectKey: string, startAt = 0): Promise<unknown> {
    return this.call('/rest/agile/1.0/board', () => this.agile.board.getAllBoards({ projectKeyOrId: projectKey, type: 'scrum', startAt, maxResults: 50 }));
  }

  project(projectKey: string): Promise<unknown> {
    return this.call(`/rest/api/2/project/${projectKey}`, () => this.v2.projects.getProject({ projectIdOrKey: projectKey }));
  }

  board(boardId: number): Promise<unknown> {
    return this.call(`/rest/agile/1.0/board/${boardId}`, () => this.agile.board.getBoard({ boardId }));
  }

  sprints(boardId: number, startAt: number): Promise<unknown> {
    return this.call(`/rest/agile/1.0/board/${boardId}/sprint`, () => this.agile.board.getAllSprints({ boardId, startAt, maxResults: 50 }));
  }

  /** Committed/completed points per sprint as Jira's own velocity chart reports them (one call for all sprints). */
  velocityChart(boardId: number): Promise<unknown> {
    const url = '/rest/greenhopper/1.0/rapid/charts/velocity';
    return this.call(url, () => this.agile.sendRequest<unknown>({ url, method: 'GET', params: { rapidViewId: boardId } }, undefined as never));
  }

  /** One logical call: retries 429/502/503/504 (honouring Retry-After), counts every HTTP request, translates failures. */
  private async call(endpoint: string, fn: () => Promise<unknown>): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      this.signal?.throwIfAborted();
      this.count++;
      try {
        return await fn();
      } catch (e) {
        if (this.signal?.aborted) throw this.signal.reason;
        const limit = findHttpLimitError(e);
        if (limit) throw new JiraError('limit', `Jira: ${limit.message} (on ${endpoint})`);
        const failure = describe(e);
        if (failure.status == null) {
          throw new JiraError('network', `Could not reach Jira at ${this.baseUrl} (${failure.code ?? 'network error'})`, null, undefined, { code: failure.code, host: hostOf(this.baseUrl), endpoint });
        }
        const retryable = failure.status === 429 || failure.status === 502 || failure.status === 503 || failure.status === 504;
        const afterMs = parseRetryAfterMs(failure.retryAfter, Date.now());
        const tooLong = afterMs != null && afterMs > this.retry.maxDelayMs;
        const delay = retryDelayMs(this.retry, attempt, afterMs);
        if (!retryable || attempt >= this.retry.maxRetries || tooLong || !this.budget.allows(delay)) {
          const until = failure.status === 429 ? Math.ceil((Date.now() + (afterMs ?? 0)) / 1000) : undefined;
          throw httpFailure(failure.status, endpoint, this.basic, until);
        }
        await this.retry.sleep(delay, this.signal);
      }
    }
  }
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/** Pulls status, Retry-After and error code out of what jira.js throws (HttpException wrapping an AxiosError). */
function describe(e: unknown): { status: number | null; retryAfter?: string; code?: string } {
  const err = obj(e) as Json | undefined;
  const cause = obj(err?.cause);
  const response = obj(cause?.response) ?? obj(err?.response);
  const headers = obj(response?.headers);
  const status = typeof response?.status === 'number' ? response.status : null;
  const rawRetry = headers?.['retry-after'];
  const code = typeof cause?.code === 'string' ? cause.code : typeof err?.code === 'string' ? err.code : undefined;
  return { status, retryAfter: typeof rawRetry === 'string' ? rawRetry : undefined, code };
}
