import { Octokit } from '@octokit/rest';
import { throttling } from '@octokit/plugin-throttling';
import { retry } from '@octokit/plugin-retry';
import Bottleneck from 'bottleneck';

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

const ThrottledOctokit = Octokit.plugin(throttling, retry);
export type GitHubClient = InstanceType<typeof ThrottledOctokit>;

export interface ClientHandle {
  octokit: GitHubClient;
  /** HTTP requests sent so far, retries included (what the request budgets count). */
  requests: () => number;
}

const silent = (): void => undefined;

export function createGitHubClient(apiUrl: string, token: string, tuning: GitHubTuning = {}): ClientHandle {
  let count = 0;
  const countingFetch: typeof fetch = (input, init) => {
    count++;
    return fetch(input, init);
  };
  const maxWait = tuning.maxWaitSeconds ?? 60;
  const decide = (reason: 'rate-limit' | 'secondary-limit') => (retryAfter: number, _options: unknown, _octokit: unknown, retryCount: number): boolean => {
    if (retryCount >= 2 || retryAfter > maxWait) return false;
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
    throttle: {
      onRateLimit: decide('rate-limit'),
      onSecondaryRateLimit: decide('secondary-limit'),
      retryAfterBaseValue: tuning.msPerWaitSecond ?? 1000,
      // The plugin spaces GraphQL like mutations (1 s apart). Our sync sends one read at a time,
      // which is what GitHub asks of integrations, so reads need no extra spacing.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
    },
    retry: {
      retries: tuning.retries ?? 3,
      retryAfterBaseValue: tuning.retryBaseMs ?? 1000,
      // 429 and 403 are the throttling plugin's to honour (retry-after / reset); retrying them
      // here too would ignore those headers.
      doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
    },
  });
  return { octokit, requests: () => count };
}
