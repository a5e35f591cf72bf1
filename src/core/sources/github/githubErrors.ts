import type { SourceStatus } from '../../model/dataset';
import { MalformedGitHubData } from './extractGraphql';
import { findHttpLimitError } from '../http/httpLimits';

interface ErrorLike {
  name?: string;
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | number | undefined>; data?: unknown };
  headers?: Record<string, string | number | undefined>;
  errors?: Array<{ type?: string; message?: string }>;
}

function header(e: ErrorLike, name: string): string | undefined {
  const v = e.response?.headers?.[name] ?? e.headers?.[name];
  return v == null ? undefined : String(v);
}

function graphqlErrors(e: ErrorLike): Array<{ type?: string; message?: string }> {
  if (Array.isArray(e.errors)) return e.errors;
  const data = e.response?.data;
  if (data && typeof data === 'object' && 'errors' in data && Array.isArray(data.errors)) return data.errors as Array<{ type?: string }>;
  return [];
}

/** HH:MM in the user's local time, as the status bar and CLI show it. */
export function clock(epochSeconds: number): string {
  const d = new Date(epochSeconds * 1000);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/**
 * Turns anything the client threw into the status shown to the user. Messages name the fix and
 * never quote request headers (the token lives there).
 */
export function statusFromError(err: unknown, repo: string): SourceStatus {
  const limit = findHttpLimitError(err);
  if (limit) return { status: 'error', message: `GitHub: ${limit.message}` };
  const e = (err ?? {}) as ErrorLike;
  const types = graphqlErrors(e).map((x) => x.type);
  const remaining = header(e, 'x-ratelimit-remaining');
  if (types.includes('RATE_LIMITED') || ((e.status === 403 || e.status === 429) && remaining === '0')) {
    const reset = Number(header(e, 'x-ratelimit-reset'));
    if (Number.isFinite(reset) && reset > 0) {
      const until = new Date(reset * 1000).toISOString();
      return { status: 'rate-limited', message: `GitHub: rate-limited until ${clock(reset)}`, until };
    }
    return { status: 'rate-limited', message: 'GitHub: rate-limited; try again later' };
  }
  if (e.status === 403 || e.status === 429) {
    return { status: 'rate-limited', message: `GitHub: secondary rate limit (${e.status}); try again in a few minutes` };
  }
  if (e.status === 401) return { status: 'error', message: 'GitHub token rejected (401): set GITHUB_TOKEN to a valid token', fault: { kind: 'auth', httpStatus: 401 } };
  if (e.status === 404 || types.includes('NOT_FOUND')) {
    return { status: 'error', message: `GitHub repository ${repo} not found (404): it was renamed, or the token has no access to it` };
  }
  if (err instanceof MalformedGitHubData) return { status: 'error', message: `GitHub returned a malformed response: ${err.message}` };
  if (e.status != null && e.status >= 500) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    const network = /fetch failed|ECONNRESET|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|socket|network|other side closed/i.test(`${e.message ?? ''} ${cause?.code ?? ''} ${cause?.message ?? ''}`);
    return {
      status: 'error',
      message: network ? `GitHub: connection failed after retries (${firstLine(e.message)})` : `GitHub: server error ${e.status} after retries; try again later`,
    };
  }
  if (types.length > 0) return { status: 'error', message: `GitHub GraphQL error: ${firstLine(graphqlErrors(e)[0]?.message)}` };
  return { status: 'error', message: `GitHub: ${firstLine(e.message) || 'unknown error'}` };
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0]?.slice(0, 200) ?? '';
}
