/**
 * What one server may cost a run. A response body is read into memory (octokit and jira.js both
 * parse whole JSON documents), so it is capped; a request has a total deadline, not an idle one,
 * so a server trickling a byte at a time cannot hold it; a sync has a budget that its retries and
 * rate-limit waits must fit in. The defaults are documented in the README's Security section.
 */
export interface HttpLimits {
  /** Per response, after decompression. */
  maxBodyBytes: number;
  /** Per request, from sending it to the last byte of its body. */
  requestTimeoutMs: number;
  /** Per sync of one source (GitHub or Jira), retries and waits included. */
  syncBudgetMs: number;
}

const MiB = 1024 * 1024;

/**
 * 32 MiB is many times a page the syncs ask for (100 PRs with their first reviews: a few hundred
 * KiB; 100 Jira issues with embedded changelogs, capped by Jira at 100 entries each: a few MiB on
 * busy projects) and small enough that parsing it cannot exhaust the heap. 60 s per request is the old Jira idle timeout, now total. Ten
 * minutes per sync covers a first Jira sync of tens of thousands of issues; GitHub saves every
 * page, so a sync cut short resumes where it stopped.
 */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxBodyBytes: 32 * MiB, requestTimeoutMs: 60_000, syncBudgetMs: 600_000 };

export function httpLimits(overrides: Partial<HttpLimits> = {}): HttpLimits {
  return { ...DEFAULT_HTTP_LIMITS, ...overrides };
}

export type HttpLimitKind = 'too-large' | 'request-timeout' | 'budget';

/** A limit was reached; the message is phrased for the source status ("GitHub: <message>"). */
export class HttpLimitError extends Error {
  constructor(
    readonly kind: HttpLimitKind,
    message: string,
  ) {
    super(message);
    this.name = 'HttpLimitError';
  }
}

/** The HttpLimitError behind whatever a client library wrapped it in (octokit, axios use `cause`). */
export function findHttpLimitError(e: unknown): HttpLimitError | undefined {
  for (let cur = e, depth = 0; cur != null && depth < 8; cur = (cur as { cause?: unknown }).cause, depth++) {
    if (cur instanceof HttpLimitError) return cur;
  }
  return undefined;
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

function mib(bytes: number): string {
  return `${Number((bytes / MiB).toFixed(1))} MiB`;
}

/** The time one sync may take, shared by its requests, retries and waits. */
export class SyncBudget {
  readonly signal: AbortSignal;
  private readonly endsAt: number;

  constructor(readonly ms: number) {
    this.endsAt = Date.now() + ms;
    this.signal = AbortSignal.timeout(ms);
  }

  remainingMs(): number {
    return Math.max(0, this.endsAt - Date.now());
  }

  /** A wait is worth starting only if the budget still has time after it. */
  allows(waitMs: number): boolean {
    return waitMs < this.remainingMs();
  }

  error(): HttpLimitError {
    return new HttpLimitError('budget', `the sync timed out after ${seconds(this.ms)}`);
  }
}

/** Null-body statuses: a Response with a body for these cannot be built. */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/** Reads the whole body, stopping (and closing the connection) as soon as it passes `max`. */
async function readCapped(res: Response, max: number): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!res.body) return null;
  const tooLarge = () => new HttpLimitError('too-large', `a response was larger than ${mib(max)}, the limit for one response`);
  if (Number(res.headers.get('content-length')) > max) {
    await res.body.cancel();
    throw tooLarge();
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/**
 * The one HTTP layer of both sources: octokit takes it as `request.fetch`, jira.js (axios) as the
 * fetch adapter's `env.fetch`. It reads the body itself, so the deadline covers the whole answer
 * and the cap holds however the server sends it. A caller's abort stays an abort.
 */
export function limitedFetch(limits: HttpLimits, budget: SyncBudget): typeof fetch {
  return async (input, init) => {
    if (budget.signal.aborted) throw budget.error();
    const deadline = AbortSignal.timeout(limits.requestTimeoutMs);
    const callers = [init?.signal, input instanceof Request ? input.signal : undefined].filter((s): s is AbortSignal => s != null);
    const signal = AbortSignal.any([deadline, budget.signal, ...callers]);
    try {
      // Looked up per call, not captured: tests watch what leaves the process by replacing it.
      const res = await globalThis.fetch(input, { ...init, signal });
      const body = await readCapped(res, limits.maxBodyBytes);
      const copy = new Response(NO_BODY.has(res.status) ? null : body, { status: res.status, statusText: res.statusText, headers: res.headers });
      Object.defineProperty(copy, 'url', { value: res.url });
      return copy;
    } catch (e) {
      if (callers.some((s) => s.aborted) || e instanceof HttpLimitError) throw e;
      if (budget.signal.aborted) throw budget.error();
      if (deadline.aborted) throw new HttpLimitError('request-timeout', `a request timed out after ${seconds(limits.requestTimeoutMs)}`);
      throw e;
    }
  };
}
