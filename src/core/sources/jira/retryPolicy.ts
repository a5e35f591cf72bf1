/**
 * How long to wait before retrying a throttled or failing Jira call. Injectable so tests run
 * with tiny delays and can observe what the real delays would have been.
 */
export interface RetryPolicy {
  maxRetries: number;
  /** Base of the exponential backoff when Jira gives no Retry-After. */
  baseDelayMs: number;
  /** A Retry-After longer than this is not waited out: the sync reports 'rate-limited' instead. */
  maxDelayMs: number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** 0..1, for jitter. */
  random: () => number;
}

export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxRetries: 4,
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  sleep: abortableSleep,
  random: Math.random,
};

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (value == null || value.trim() === '') return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * Delay before retry number `attempt` (0-based). With Retry-After we wait at least that long plus
 * a little jitter so parallel clients do not return in lockstep; without it, exponential backoff
 * with "equal jitter" (half fixed, half random).
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number, retryAfterMs: number | undefined): number {
  if (retryAfterMs != null) return retryAfterMs + Math.floor(policy.random() * policy.baseDelayMs);
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.floor(exp / 2 + policy.random() * (exp / 2));
}
