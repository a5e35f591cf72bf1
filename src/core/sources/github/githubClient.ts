import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import { retry } from '@octokit/plugin-retry';
import Bottleneck from 'bottleneck';
import { findHttpLimitError, limitedFetch, type HttpLimits, type SyncBudget } from '../http/httpLimits';

/** Knobs the tests and the bench turn down; production uses the defaults. */
export interface GitHubTuning {
  /** Wait for a rate limit reset only when it comes back within this many seconds; else stop. */
  maxWaitSeconds?: number;
  /** Milliseconds per second of a rate-limit wait (tests make it tiny). */
  msPerWaitSecond?: number;
  /** Base of the 5xx / network retry backoff: waits 1x, 4x, 9x this (ms). */
  retryBaseMs?: number;
  retries?: number;
  /** PRs and issues per GraphQL page (≤ 100). */
  pageSize?: number;
  /** Told about every rate-limit wait the client decides to make (seconds), for tests and logs. */
  onWait?: (seconds: number, reason: 'rate-limit' | 'secondary-limit') => void;
}

interface BudgetGuardOptions {
  budget: SyncBudget;
  retryBaseMs: number;
}

/**
 * Registered before the retry plugin, so its error hook runs first: a body over the cap or a spent
 * budget is final (thrown without the request options the retry plugin needs to retry), and a
 * server error or a request timeout is not retried when the budget cannot pay for the retry
 * plugin's next wait ((retryCount + 1)² × base), so the user sees that error, on time.
 */
function budgetGuard(octokit: Pick<InstanceType<typeof Octokit>, 'hook'>, options: { [option: string]: unknown }): void {
  const guard = options.budgetGuard as BudgetGuardOptions | undefined;
  if (!guard) return;
  octokit.hook.error('request', (error: Error & { status?: number; request?: { request?: unknown } }, req) => {
    const limit = findHttpLimitError(error);
    if (limit && limit.kind !== 'request-timeout') throw limit;
    const retryCount = Number((req.request as { retryCount?: number } | undefined)?.retryCount ?? 0);
    const nextWait = (retryCount + 1) ** 2 * guard.retryBaseMs;
    if ((error.status ?? 0) >= 500 && error.request && !guard.budget.allows(nextWait)) {
      if (limit) throw limit;
      // The retry plugin retries only errors whose request options carry a `request` entry.
      error.request = { ...error.request, request: undefined };
    }
    throw error;
  });
}

const ThrottledOctokit = Octokit.plugin(budgetGuard, throttling, retry);
export type GitHubClient = InstanceType<typeof ThrottledOctokit>;

export interface ClientHandle {
  octokit: GitHubClient;
  /** HTTP requests sent so far, retries included (what the request budgets count). */
  requests: () => number;
}

const silent = (): void => undefined;

export function createGitHubClient(apiUrl: string, token: string, limits: HttpLimits, budget: SyncBudget, tuning: GitHubTuning = {}): ClientHandle {
  let count = 0;
  const guarded = limitedFetch(limits, budget);
  const countingFetch: typeof fetch = (input, init) => {
    count++;
    return guarded(input, init);
  };
  const maxWait = tuning.maxWaitSeconds ?? 60;
  const msPerWaitSecond = tuning.msPerWaitSecond ?? 1000;
  const retryBaseMs = tuning.retryBaseMs ?? 1000;
  const decide = (reason: 'rate-limit' | 'secondary-limit') => (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean => {
    if (retryCount >= 2 || retryAfter > maxWait || !budget.allows(retryAfter * msPerWaitSecond)) return false;
    tuning.onWait?.(retryAfter, reason);
    return true;
  };
  const octokit = new ThrottledOctokit({
    auth: token,
    baseUrl: apiUrl.replace(/\/+$/, ''),
    userAgent: 'engineering-kpis',
    // Octokit logs request details on warn; nothing of ours goes to the console.
    log: { debug: silent, info: silent, warn: silent, error: silent },
    request: { fetch: countingFetch },
    budgetGuard: { budget, retryBaseMs } satisfies BudgetGuardOptions,
    throttle: {
      onRateLimit: decide('rate-limit'),
      onSecondaryRateLimit: decide('secondary-limit'),
      retryAfterBaseValue: msPerWaitSecond,
      // The plugin spaces GraphQL like mutations (1 s apart). Our sync sends one read at a time,
      // which is what GitHub asks of integrations, so reads need no extra spacing.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    },
    retry: {
      retries: tuning.retries ?? 3,
      retryAfterBaseValue: retryBaseMs,
      // 429 and 403 are the throttling plugin's to honour (retry-after / reset); retrying them
      // here too would ignore those headers.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  });
  return { octokit, requests: () => count };
}
