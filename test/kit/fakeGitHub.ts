import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import type { Connection, GqlIssue, GqlPullRequest } from '../../src/core/sources/github/graphqlQuery';
import type { RestRelease } from '../../src/core/sources/github/collectReleases';

/**
 * A local GitHub over real HTTP on 127.0.0.1: GraphQL (the SyncPage query, cursor paging ordered
 * by updatedAt desc), REST releases with Link pagination and ETag/304, x-ratelimit-* headers on
 * every response, token auth, and scripted faults.
 */

export type Fault =
  | { kind: 'status'; status: number; body?: unknown; headers?: Record<string, string> }
  | { kind: 'reset' }
  | { kind: 'malformed' }
  | { kind: 'graphqlErrors'; errors: Array<{ type: string; message: string }>; headers?: Record<string, string> };

export type Route = 'graphql' | 'releases' | 'any';

interface Scheduled {
  route: Route;
  skip: number;
  times: number;
  fault: Fault;
}

export interface LoggedRequest {
  route: Route | 'other';
  status: number;
  variables?: Record<string, unknown>;
}

export interface FakeGitHubOptions {
  owner?: string;
  name?: string;
  token?: string;
  prs?: GqlPullRequest[];
  issues?: GqlIssue[];
  releases?: RestRelease[];
  rateLimit?: number;
}

type SortableNode = { number: number; updatedAt: string };

function cursorOf(n: SortableNode): string {
  return Buffer.from(`${n.updatedAt}|${n.number}`).toString('base64');
}

/** Newest updated first, ties by number desc: the order GitHub's UPDATED_AT DESC gives. */
function byUpdatedDesc(a: SortableNode, b: SortableNode): number {
  return a.updatedAt === b.updatedAt ? b.number - a.number : a.updatedAt < b.updatedAt ? 1 : -1;
}

function page<T extends SortableNode>(all: T[], first: number, after: string | null): Connection<T> {
  const sorted = [...all].sort(byUpdatedDesc);
  let start = 0;
  if (after) {
    const [u, num] = Buffer.from(after, 'base64').toString('utf8').split('|');
    const key = { updatedAt: u ?? '', number: Number(num) };
    start = sorted.findIndex((n) => byUpdatedDesc(key, n) < 0);
    if (start < 0) start = sorted.length;
  }
  const nodes = sorted.slice(start, start + Math.min(first, 100));
  const last = nodes[nodes.length - 1];
  return {
    totalCount: all.length,
    pageInfo: { hasNextPage: start + nodes.length < sorted.length, endCursor: last ? cursorOf(last) : null },
    nodes,
  };
}

export class FakeGitHub {
  readonly owner: string;
  readonly name: string;
  token: string;
  prs: GqlPullRequest[];
  issues: GqlIssue[];
  releases: RestRelease[];
  readonly log: LoggedRequest[] = [];
  rateLimit: number;
  remaining: number;
  /** Epoch seconds when the budget comes back. */
  resetAt = Math.floor(Date.now() / 1000) + 3600;
  private readonly faults: Scheduled[] = [];
  private server?: http.Server;
  url = '';

  constructor(o: FakeGitHubOptions = {}) {
    this.owner = o.owner ?? 'o';
    this.name = o.name ?? 'r';
    this.token = o.token ?? 'test-token-123';
    this.prs = o.prs ?? [];
    this.issues = o.issues ?? [];
    this.releases = o.releases ?? [];
    this.rateLimit = o.rateLimit ?? 5000;
    this.remaining = this.rateLimit;
  }

  /** Answer the next `times` matching requests (after letting `skip` pass) with a fault. */
  inject(route: Route, fault: Fault, opts: { skip?: number; times?: number } = {}): void {
    this.faults.push({ route, fault, skip: opts.skip ?? 0, times: opts.times ?? 1 });
  }

  requests(route?: Route): number {
    return route ? this.log.filter((r) => r.route === route).length : this.log.length;
  }

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  private rateHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': String(this.rateLimit),
      'x-ratelimit-remaining': String(Math.max(0, this.remaining)),
      'x-ratelimit-reset': String(this.resetAt),
      'x-ratelimit-used': String(this.rateLimit - Math.max(0, this.remaining)),
    };
  }

  private send(res: http.ServerResponse, entry: LoggedRequest, status: number, body: unknown, headers: Record<string, string> = {}): void {
    entry.status = status;
    const text = body === undefined ? '' : JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...this.rateHeaders(), ...headers });
    res.end(text);
  }

  private takeFault(route: Route): Fault | null {
    for (const f of this.faults) {
      if (f.times <= 0 || (f.route !== 'any' && f.route !== route)) continue;
      if (f.skip > 0) {
        f.skip--;
        return null;
      }
      f.times--;
      return f.fault;
    }
    return null;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse, body: string): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    const pathname = url.pathname.replace(/^\/api\/v3(?=\/)/, '').replace(/^\/api\/graphql$/, '/graphql');
    const route: Route | 'other' =
      pathname === '/graphql' ? 'graphql' : /^\/repos\/[^/]+\/[^/]+\/releases$/.test(pathname) ? 'releases' : 'other';
    const entry: LoggedRequest = { route, status: 0 };
    this.log.push(entry);

    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${this.token}` && auth !== `bearer ${this.token}`) {
      this.send(res, entry, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
      return;
    }
    const fault = route === 'other' ? null : this.takeFault(route);
    if (fault) {
      if (fault.kind === 'reset') {
        entry.status = -1;
        req.socket.destroy();
        return;
      }
      if (fault.kind === 'malformed') {
        entry.status = 200;
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', ...this.rateHeaders() });
        res.end('{"data": {"repository": {"pullRequests": ');
        return;
      }
      if (fault.kind === 'status') {
        this.send(res, entry, fault.status, fault.body ?? { message: `fault ${fault.status}` }, fault.headers);
        return;
      }
      this.send(res, entry, 200, { data: null, errors: fault.errors }, fault.headers);
      return;
    }
    if (route === 'graphql') this.graphql(res, entry, body);
    else if (route === 'releases') this.releasesPage(req, res, entry, url, pathname);
    else this.send(res, entry, 404, { message: 'Not Found' });
  }

  private graphql(res: http.ServerResponse, entry: LoggedRequest, body: string): void {
    this.remaining--;
    let parsed: { query?: string; variables?: Record<string, unknown> };
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      this.send(res, entry, 400, { message: 'Problems parsing JSON' });
      return;
    }
    const v = parsed.variables ?? {};
    entry.variables = v;
    if (!parsed.query?.includes('query SyncPage')) {
      this.send(res, entry, 200, { errors: [{ message: 'fake only knows SyncPage' }] });
      return;
    }
    if (v.owner !== this.owner || v.name !== this.name) {
      this.send(res, entry, 200, {
        data: { repository: null },
        errors: [{ type: 'NOT_FOUND', path: ['repository'], message: `Could not resolve to a Repository with the name '${String(v.owner)}/${String(v.name)}'.` }],
      });
      return;
    }
    const first = Number(v.pageSize);
    const repository: Record<string, unknown> = {};
    if (v.withPrs) {
      const conn = page(this.prs, first, (v.prAfter as string | null) ?? null);
      // GitHub returns at most `first: 100` commits per PR.
      repository.pullRequests = { ...conn, nodes: conn.nodes.map((n) => ({ ...n, commits: { ...n.commits, nodes: n.commits.nodes.slice(0, 100) } })) };
    }
    if (v.withIssues) repository.issues = page(this.issues, first, (v.issueAfter as string | null) ?? null);
    this.send(res, entry, 200, {
      data: { rateLimit: { cost: 1, remaining: this.remaining, resetAt: new Date(this.resetAt * 1000).toISOString() }, repository },
    });
  }

  private releasesPage(req: http.IncomingMessage, res: http.ServerResponse, entry: LoggedRequest, url: URL, pathname: string): void {
    if (pathname !== `/repos/${this.owner}/${this.name}/releases`) {
      this.send(res, entry, 404, { message: 'Not Found' });
      return;
    }
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const pageNo = Number(url.searchParams.get('page') ?? 1);
    const sorted = [...this.releases].sort((a, b) => (a.created_at < b.created_at ? 1 : -1));
    const items = sorted.slice((pageNo - 1) * perPage, pageNo * perPage);
    const etag = `W/"${createHash('sha1').update(JSON.stringify(items)).digest('hex')}"`;
    if (req.headers['if-none-match'] === etag) {
      // A 304 does not count against the rate limit.
      entry.status = 304;
      res.writeHead(304, { etag, ...this.rateHeaders() });
      res.end();
      return;
    }
    this.remaining--;
    const lastPage = Math.max(1, Math.ceil(sorted.length / perPage));
    const base = `${this.url}${url.pathname}`;
    const links: string[] = [];
    if (pageNo < lastPage) links.push(`<${base}?per_page=${perPage}&page=${pageNo + 1}>; rel="next"`, `<${base}?per_page=${perPage}&page=${lastPage}>; rel="last"`);
    this.send(res, entry, 200, items, { etag, ...(links.length ? { link: links.join(', ') } : {}) });
  }
}
