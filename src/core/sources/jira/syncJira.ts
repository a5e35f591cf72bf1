import type { Issue, Sprint } from '../../model/issue';
import type { SourceStatus } from '../../model/dataset';
import { toIso } from '../../model/time';
import type { Progress } from '../sourceTypes';
import type { JiraSyncConfig } from './jiraConfig';
import { extractIssue, searchFields, type ExtractContext } from './extractIssue';
import { JiraApi } from './jiraApi';
import { jiraStore, type JiraCacheData } from './jiraCache';
import { JiraError, credentialNames, faultOf } from './jiraErrors';
import { discoverFields, readStatuses } from './jiraFields';
import { dropVanishedIssues, issueRecordId, reconcileDue } from './dropVanishedIssues';
import { boardProject, fetchSprints, fetchVelocityChart, findBoard } from './jiraSprints';
import { jqlDate } from './jqlDate';
import { obj, str } from './rawJson';
import { DEFAULT_RETRY, type RetryPolicy } from './retryPolicy';
import { checkCredentialUrl, CLI_URL_ROLES } from '../http/credentialUrl';
import { httpLimits, type HttpLimits } from '../http/httpLimits';
import { expectObject, searchAll } from './searchIssues';

export interface JiraData {
  issues: Issue[];
  sprints: Sprint[];
  status: SourceStatus;
  /** HTTP requests made by this sync, retries included. */
  requests: number;
  deployment: 'cloud' | 'server';
}

export interface JiraSyncContext {
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  offline?: boolean;
  /** Tests and benches inject tiny delays; production uses DEFAULT_RETRY. */
  retry?: Partial<RetryPolicy>;
  /** Epoch seconds; injectable for tests. */
  now?: () => number;
  /** Body cap, request deadline and sync budget; tests turn them down. */
  httpLimits?: Partial<HttpLimits>;
}

/** Covers clock skew between us and Jira and JQL's minute precision. */
const CURSOR_MARGIN = 10 * 60;
const META_MAX_AGE = 24 * 3600;

/**
 * Brings the local copy of a Jira project up to date and returns it. Never throws on network,
 * credential or rate-limit failures: it returns what is cached with a status that says what to fix.
 * Only an abort through `ctx.signal` throws.
 */
export async function syncJira(cfg: JiraSyncConfig, cacheDir: string, ctx: JiraSyncContext = {}): Promise<JiraData> {
  const checked = checkCredentialUrl(cfg.url, cfg.urlRole ?? CLI_URL_ROLES.jira);
  if ('problem' in checked) {
    // Nothing cached under such a URL is shown either: its issue links would quote it.
    return { issues: [], sprints: [], status: { status: 'error', message: `Jira: ${checked.problem}` }, requests: 0, deployment: cfg.deployment ?? 'server' };
  }
  const store = jiraStore(cacheDir, cfg.url, cfg.project, cfg.boardId);
  const read = await store.read();
  const cached = read.ok && read.data.url === cfg.url ? read.data : undefined;
  const fromCache = (status: SourceStatus, requests = 0): JiraData => ({
    issues: cached ? sortIssues(Object.values(cached.issues)) : [],
    sprints: cached?.sprints ?? [],
    status: cached ? { ...status, asOf: toIso(cached.savedAt) } : status,
    requests,
    deployment: cached?.deployment ?? cfg.deployment ?? (cfg.email ? 'cloud' : 'server'),
  });

  if (ctx.offline) {
    return fromCache(cached ? { status: 'stale', message: 'offline: showing cached Jira data' } : { status: 'error', message: 'offline and no Jira data cached yet', fault: { kind: 'offline-empty' } });
  }
  const token = await cfg.token();
  if (!token) {
    // Without an email we cannot tell Cloud from Server by the credentials: an atlassian.net site is Cloud.
    const cloud = Boolean(cfg.email) || cfg.deployment === 'cloud' || /^https?:\/\/[^/]+\.atlassian\.net(\/|$)/i.test(cfg.url);
    const names = cloud ? credentialNames(true) : `${credentialNames(false)} (Server/Data Center) or ${credentialNames(true)} (Cloud)`;
    return fromCache({ status: 'error', message: `No Jira credentials: set ${names}`, fault: { kind: 'no-credentials' } });
  }
  const api = new JiraApi(cfg.url, { email: cfg.email, token }, { ...DEFAULT_RETRY, ...ctx.retry }, ctx.signal, httpLimits(ctx.httpLimits));
  const now = ctx.now ?? (() => Math.floor(Date.now() / 1000));
  try {
    const result = await refresh(api, cfg, cached, now(), ctx.onProgress);
    await store.write(result.data);
    return {
      issues: sortIssues(Object.values(result.data.issues)),
      sprints: result.data.sprints,
      status: result.warnings.length ? { status: 'ok', message: result.warnings.join('; ') } : { status: 'ok' },
      requests: api.requests,
      deployment: result.data.deployment,
    };
  } catch (e) {
    if (ctx.signal?.aborted) throw ctx.signal.reason;
    if (e instanceof JiraError) {
      const status: SourceStatus = e.kind === 'rate-limited'
        ? { status: 'rate-limited', message: e.message, fault: faultOf(e), ...(e.until ? { until: toIso(e.until) } : {}) }
        : { status: 'error', message: e.message, fault: faultOf(e) };
      return fromCache(status, api.requests);
    }
    // A bug of ours must not lose the cache either; its message holds no token (we never put one in).
    return fromCache({ status: 'error', message: `Jira sync failed: ${(e as Error).message}`, fault: { kind: 'other' } }, api.requests);
  }
}

async function refresh(
  api: JiraApi,
  cfg: JiraSyncConfig,
  cached: JiraCacheData | undefined,
  startedAt: number,
  onProgress: ((p: Progress) => void) | undefined,
): Promise<{ data: JiraCacheData; warnings: string[] }> {
  const deployment = cfg.deployment ?? cached?.deployment ?? (await detectDeployment(api));
  const metaFresh = cached != null && startedAt - cached.metaAt < META_MAX_AGE;
  const fields = metaFresh ? cached.fields : discoverFields(await api.fields(), cfg.storyPointsField ?? '');
  const statuses = metaFresh ? cached.statuses : readStatuses(await api.statuses());
  const timeZone = metaFresh ? cached.timeZone : (str(obj(await api.myself())?.timeZone) ?? null);
  // Another story-points field means every cached estimate is wrong: start over.
  const sameFields = cached != null && JSON.stringify(cached.fields) === JSON.stringify(fields);
  const base = sameFields ? cached : undefined;

  const project = cfg.project ?? base?.project ?? (cfg.boardId != null ? await boardProject(api, cfg.boardId) : null);
  if (!project) throw new JiraError('other', 'Jira: set --jira-project KEY (or a board whose location names a project)', null, undefined, { fault: 'no-project' });
  const boardId = cfg.boardId ?? base?.boardId ?? (await findBoard(api, project));

  const cloud = deployment === 'cloud';
  const scope = `project = "${project.replace(/"/g, '')}"`;
  let jql = scope;
  if (base?.cursor != null) {
    const d = jqlDate(base.cursor - CURSOR_MARGIN, timeZone);
    jql += ` AND updated >= "${d.text}"`;
  }
  jql += ' ORDER BY updated ASC';
  const ectx: ExtractContext = { baseUrl: cfg.url, fields, statuses };
  const found = await searchAll(api, cloud, jql, searchFields(fields), (n, total) =>
    onProgress?.({ phase: 'jira', message: `Jira: ${n}${total != null ? ` of ${total}` : ''} issues`, fraction: total ? n / total : undefined }),
  );
  let issues: Record<string, Issue> = { ...(base?.issues ?? {}) };
  for (const { raw, histories } of found.issues) {
    issues[issueRecordId(raw)] = extractIssue(raw, histories, ectx);
  }
  const warnings = [...found.warnings];
  // A search without a cursor returned the whole scope, so nothing vanished can be cached after it.
  let reconciledAt = base?.cursor != null ? (base.reconciledAt ?? null) : startedAt;
  if (base?.cursor != null && reconcileDue(reconciledAt, startedAt)) {
    onProgress?.({ phase: 'jira', message: 'Jira: checking for deleted issues' });
    const fetched = new Set(found.issues.map((f) => issueRecordId(f.raw)));
    const outcome = await dropVanishedIssues(api, cloud, scope, issues, fetched);
    if (outcome.complete) {
      issues = outcome.issues;
      reconciledAt = startedAt;
    } else {
      // Left due, so the next sync tries again.
      warnings.push(outcome.warning);
    }
  }

  let sprints: Sprint[] = base?.sprints ?? [];
  let velocity = base?.velocity ?? null;
  let velocityFor = base?.velocityFor ?? [];
  let velocityOffered = metaFresh ? (base?.velocityOffered ?? true) : true;
  if (boardId != null) {
    sprints = await fetchSprints(api, boardId, project);
    const closed = sprints.filter((s) => s.state === 'closed').map((s) => s.id);
    if (velocityOffered && closed.some((id) => !velocityFor.includes(id))) {
      velocity = await fetchVelocityChart(api, boardId);
      velocityOffered = velocity != null;
      velocityFor = velocity ? closed : [];
    }
    if (velocity) {
      const chart = velocity;
      sprints = sprints.map((s) => {
        const entry = chart[String(s.id)];
        return entry && s.state === 'closed' ? { ...s, reportCommittedPoints: entry.committed, reportCompletedPoints: entry.completed } : s;
      });
    }
  }
  return {
    data: {
      url: cfg.url, project, deployment, fields, statuses, timeZone,
      metaAt: metaFresh ? cached.metaAt : startedAt,
      boardId, cursor: startedAt, reconciledAt, issues, sprints, velocity, velocityFor, velocityOffered, savedAt: startedAt,
    },
    warnings,
  };
}

/** Cloud says deploymentType "Cloud"; Server and Data Center say "Server" / "DataCenter" (or nothing, on old versions). */
async function detectDeployment(api: JiraApi): Promise<'cloud' | 'server'> {
  const info = expectObject(await api.serverInfo(), '/rest/api/2/serverInfo');
  return str(info.deploymentType)?.toLowerCase() === 'cloud' ? 'cloud' : 'server';
}

function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key));
}

// This file is the entry of the lazily loaded Jira chunk (esbuild.mjs): Configure Jira's checks
// ride in it, so jira.js is bundled once and loaded only when Jira is used.
export { JiraApi } from './jiraApi';
export { checkAccount, checkBoard, checkProject, listScrumBoards, probeSite } from './checkConnection';
