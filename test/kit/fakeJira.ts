import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fieldListJson, statusListJson, type RawJson } from './fakeJiraData';

/** A canned failure: the next `times` requests whose path starts with `path` get this answer. */
export interface Fault {
  path: string;
  status: number;
  headers?: Record<string, string>;
  /** Raw body; default a Jira-style errorMessages JSON. */
  body?: string;
  times: number;
  /** Only requests whose query has these parameters (e.g. `{ fields: 'id' }`, the id listing). */
  query?: Record<string, string>;
}

export interface FakeJiraOptions {
  variant: 'cloud' | 'server';
  issues?: RawJson[];
  sprints?: RawJson[];
  /** Story-points field name in the field list, or null for a site without one. */
  storyPointsName?: string | null;
  /** Sprint id → committed/completed, served as the greenhopper velocity chart; absent = 404. */
  velocity?: Record<string, { committed: number; completed: number }>;
  /** The Jira user's time zone; JQL dates are read in it. */
  timeZone?: string;
  /** Cloud search answers the same nextPageToken forever. */
  tokenLoop?: boolean;
  email?: string;
  token?: string;
  /** Embedded changelog cap, as Jira's search does. */
  embeddedChangelogCap?: number;
  projectKey?: string;
  /** The site's boards (Agile API); default one scrum board, id 1, of `projectKey`. */
  boards?: FakeBoard[];
  /** The signed-in user's display name (myself). */
  displayName?: string;
}

export interface FakeBoard {
  id: number;
  name: string;
  type: 'scrum' | 'kanban';
  projectKey: string;
}

export interface LoggedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  status: number;
}

/** A local Jira over real HTTP on 127.0.0.1, Cloud or Server flavoured, with injectable faults. */
export class FakeJira {
  readonly log: LoggedRequest[] = [];
  readonly faults: Fault[] = [];
  issues: RawJson[];
  private server?: http.Server;
  private held?: Promise<void>;
  url = '';

  constructor(readonly opts: FakeJiraOptions) {
    this.issues = opts.issues ?? [];
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  requestsTo(prefix: string): LoggedRequest[] {
    return this.log.filter((r) => r.path.startsWith(prefix));
  }

  /** A slow Jira without a timer: requests wait, unanswered, until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    this.held = held;
    return () => {
      if (this.held === held) this.held = undefined;
      release();
    };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (this.held) {
      void this.held.then(() => this.handle(req, res));
      return;
    }
    const u = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
      this.log.push({ method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(typeof body === 'string' ? body : JSON.stringify(body));
    };
    const fault = this.faults.find((f) => f.times > 0 && u.pathname.startsWith(f.path) && Object.entries(f.query ?? {}).every(([k, v]) => u.searchParams.get(k) === v));
    if (fault) {
      fault.times--;
      return send(fault.status, fault.body ?? { errorMessages: [`fake fault ${fault.status}`], errors: {} }, fault.headers);
    }
    // serverInfo answers anonymously on Cloud and Server, as Jira does (Configure Jira checks the URL with it first).
    if (u.pathname !== '/rest/api/2/serverInfo' && !this.authorized(req.headers.authorization)) return send(401, { errorMessages: ['You are not authenticated.'] });
    const route = this.route(u);
    if (!route) return send(404, { errorMessages: ['Not found'] });
    send(route[0], route[1]);
  }

  private authorized(header: string | undefined): boolean {
    const token = this.opts.token ?? 'secret-token';
    if (this.opts.variant === 'cloud') {
      const expected = Buffer.from(`${this.opts.email ?? 'me@example.com'}:${token}`).toString('base64');
      return header === `Basic ${expected}`;
    }
    return header === `Bearer ${token}`;
  }

  private route(u: URL): [number, unknown] | undefined {
    const p = u.pathname;
    const q = u.searchParams;
    const cloud = this.opts.variant === 'cloud';
    if (p === '/rest/api/2/serverInfo') return [200, { baseUrl: this.url, version: cloud ? '1001.0.0' : '9.12.0', deploymentType: cloud ? 'Cloud' : 'Server' }];
    if (p === '/rest/api/2/myself') return [200, { name: 'me', displayName: this.opts.displayName ?? 'Mira Example', emailAddress: this.opts.email ?? 'me@example.com', active: true, timeZone: this.opts.timeZone ?? 'UTC' }];
    const project = /^\/rest\/api\/2\/project\/([^/]+)$/.exec(p);
    if (project) {
      const key = decodeURIComponent(project[1]!);
      if (key !== this.projectKey) return [404, { errorMessages: [`No project could be found with key '${key}'.`], errors: {} }];
      return [200, { self: `${this.url}/rest/api/2/project/10000`, id: '10000', key, name: `Project ${key}`, projectTypeKey: 'software' }];
    }
    if (p === '/rest/api/2/field') return [200, fieldListJson(this.opts.storyPointsName === undefined ? 'Story Points' : this.opts.storyPointsName)];
    if (p === '/rest/api/2/status') return [200, statusListJson()];
    // Cloud removed the offset search: both old endpoints answer 410 there.
    if (cloud && (p === '/rest/api/3/search' || p === '/rest/api/2/search')) return [410, { errorMessages: ['The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.'] }];
    if (cloud && p === '/rest/api/3/search/jql') return [200, this.cloudSearch(q)];
    if (!cloud && p === '/rest/api/2/search') return [200, this.serverSearch(q)];
    const changelog = /^\/rest\/api\/[23]\/issue\/([^/]+)\/changelog$/.exec(p);
    if (changelog) return this.changelog(changelog[1]!, q);
    if (p === '/rest/agile/1.0/board') {
      // Jira filters by project and type, and caps maxResults at 50.
      const project = q.get('projectKeyOrId');
      const type = q.get('type');
      const boards = this.boards.filter((b) => (!project || b.projectKey === project) && (!type || b.type === type)).map((b) => this.boardJson(b));
      return [200, this.page(boards, q, 50, 50)];
    }
    const board = /^\/rest\/agile\/1\.0\/board\/(\d+)(\/sprint)?$/.exec(p);
    if (board) {
      const b = this.boards.find((x) => x.id === Number(board[1]));
      if (!b) return [404, { errorMessages: ['Board does not exist or you do not have permission to see it.'], errors: {} }];
      if (!board[2]) return [200, this.boardJson(b)];
      if (b.type !== 'scrum') return [400, { errorMessages: ['The board does not support sprints'], errors: {} }];
      return [200, this.page(b.id === 1 ? (this.opts.sprints ?? []) : [], q, 50)];
    }
    if (p === '/rest/greenhopper/1.0/rapid/charts/velocity') {
      if (!this.opts.velocity) return [404, { errorMessages: ['not found'] }];
      const entries = Object.fromEntries(Object.entries(this.opts.velocity).map(([id, v]) => [id, { estimated: { value: v.committed, text: String(v.committed) }, completed: { value: v.completed, text: String(v.completed) } }]));
      return [200, { sprints: [], velocityStatEntries: entries }];
    }
    return undefined;
  }

  private get projectKey(): string {
    return this.opts.projectKey ?? 'AR';
  }

  private get boards(): FakeBoard[] {
    return this.opts.boards ?? [{ id: 1, name: 'Board', type: 'scrum', projectKey: this.projectKey }];
  }

  /** A board as the Agile API lists it (go-jira's recorded all_boards.json has this shape). */
  private boardJson(b: FakeBoard): RawJson {
    const location = { projectId: 10000, displayName: `Project ${b.projectKey} (${b.projectKey})`, projectName: `Project ${b.projectKey}`, projectKey: b.projectKey, projectTypeKey: 'software', name: `Project ${b.projectKey} (${b.projectKey})` };
    return { id: b.id, self: `${this.url}/rest/agile/1.0/board/${b.id}`, name: b.name, type: b.type, location };
  }

  private page(values: unknown[], q: URLSearchParams, defaultMax: number, cap = Infinity): RawJson {
    const startAt = Number(q.get('startAt') ?? 0);
    const max = Math.min(Number(q.get('maxResults') ?? defaultMax), cap);
    const slice = values.slice(startAt, startAt + max);
    return { startAt, maxResults: max, total: values.length, isLast: startAt + slice.length >= values.length, values: slice };
  }

  /** Applies the two JQL clauses the client writes: project = KEY and updated >= "yyyy/MM/dd HH:mm". */
  private matching(jql: string): RawJson[] {
    const project = /project = "?([A-Z0-9]+)"?/.exec(jql)?.[1];
    const since = /updated >= "(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2})"/.exec(jql);
    const sinceMs = since ? zonedToUtcMs(since.slice(1).map(Number), this.opts.timeZone ?? 'UTC') : null;
    return this.issues
      .filter((i) => !project || String(i.key).startsWith(`${project}-`))
      .filter((i) => sinceMs == null || Date.parse(normalizeOffset(String((i.fields as RawJson).updated))) >= sinceMs)
      .map((i) => this.truncateChangelog(i));
  }

  private truncateChangelog(issue: RawJson): RawJson {
    const cap = this.opts.embeddedChangelogCap ?? 100;
    const cl = issue.changelog as { histories: unknown[] };
    return { ...issue, changelog: { startAt: 0, maxResults: cap, total: cl.histories.length, histories: cl.histories.slice(0, cap) } };
  }

  /**
   * Asked for `id` or `key` only, search answers slim issues and larger pages: Cloud up to 5,000
   * (its documented maximum for id/key-only requests; always `id`, plus `key` when asked), Server
   * up to 1,000 (`jira.search.views.default.max`; it always sends id, self and key).
   */
  private slim(q: URLSearchParams, issues: RawJson[]): { issues: RawJson[]; cap: number } | undefined {
    const fields = q.get('fields');
    if (fields !== 'id' && fields !== 'key') return undefined;
    if (this.opts.variant === 'server') return { issues: issues.map((i) => ({ id: i.id, self: i.self, key: i.key })), cap: 1000 };
    return { issues: issues.map((i) => (fields === 'key' ? { id: i.id, key: i.key } : { id: i.id })), cap: 5000 };
  }

  private cloudSearch(q: URLSearchParams): RawJson {
    const found = this.matching(q.get('jql') ?? '');
    const slim = this.slim(q, found);
    const all = slim?.issues ?? found;
    const max = Math.min(Number(q.get('maxResults') ?? 50), slim?.cap ?? 100);
    if (this.opts.tokenLoop) return { issues: all.slice(0, max), nextPageToken: 'same-token', isLast: false };
    const offset = q.get('nextPageToken') ? Number(Buffer.from(q.get('nextPageToken')!, 'base64url').toString()) : 0;
    const slice = all.slice(offset, offset + max);
    const more = offset + slice.length < all.length;
    return { issues: slice, ...(more ? { nextPageToken: Buffer.from(String(offset + max)).toString('base64url') } : {}), isLast: !more };
  }

  private serverSearch(q: URLSearchParams): RawJson {
    const found = this.matching(q.get('jql') ?? '');
    const all = this.slim(q, found)?.issues ?? found;
    const startAt = Number(q.get('startAt') ?? 0);
    const max = Math.min(Number(q.get('maxResults') ?? 50), 1000);
    return { expand: 'schema,names', startAt, maxResults: max, total: all.length, issues: all.slice(startAt, startAt + max) };
  }

  private changelog(key: string, q: URLSearchParams): [number, unknown] {
    const issue = this.issues.find((i) => i.key === key);
    if (!issue) return [404, { errorMessages: ['Issue does not exist or you do not have permission to see it.'] }];
    return [200, this.page((issue.changelog as { histories: unknown[] }).histories, q, 100)];
  }
}

function normalizeOffset(s: string): string {
  return s.replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}

/** Wall-clock time in a zone → UTC ms, by measuring the zone's offset at that moment. */
function zonedToUtcMs([y, mo, d, h, mi]: number[], timeZone: string): number {
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(guess));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value);
  const asZone = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return guess - (asZone - guess);
}
