/**
 * Watches every request the process sends through `fetch` (both sources' HTTP layer uses it).
 * Requests to loopback go through to the test's fakes; anything else is recorded and fails as an
 * unreachable host would, so a test never touches the network and can still see what *would*
 * have left the machine, and with which Authorization header.
 */
export interface Outbound {
  url: string;
  host: string;
  authorization: string | null;
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export interface OutboundSpy {
  sent: Outbound[];
  /** Requests that would have left this machine. */
  external: () => Outbound[];
  restore: () => void;
}

export function spyOnOutbound(): OutboundSpy {
  const original = globalThis.fetch;
  const sent: Outbound[] = [];
  globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    sent.push({ url: request.url, host: url.hostname, authorization: request.headers.get('authorization') });
    if (LOOPBACK.has(url.hostname)) return original(input, init);
    throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(`getaddrinfo ENOTFOUND ${url.hostname}`), { code: 'ENOTFOUND' }) });
  }) as typeof fetch;
  return {
    sent,
    external: () => sent.filter((o) => !LOOPBACK.has(o.host)),
    restore: () => {
      globalThis.fetch = original;
    },
  };
}
