/**
 * The checks Configure Jira runs before it says anything: is the URL a Jira site (serverInfo,
 * anonymously), do the credentials sign in (myself), does the project exist, which scrum boards
 * it has, and is the chosen board one of them. Each answers a value or the fault, as data.
 */
import type { SourceFault } from '../../model/dataset';
import type { JiraApi } from './jiraApi';
import { JiraError, faultOf } from './jiraErrors';
import { arr, num, obj, pathStr, str } from './rawJson';
import { expectObject } from './searchIssues';

export type Checked<T> = { ok: true; value: T } | { ok: false; fault: SourceFault; message: string };

export interface JiraSite {
  deployment: 'cloud' | 'server';
  version?: string;
}

export interface JiraBoard {
  id: number;
  name: string;
}

async function attempt<T>(fn: () => Promise<T>): Promise<Checked<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (e instanceof JiraError) return { ok: false, fault: faultOf(e), message: e.message };
    throw e;
  }
}

/** A fault's details without its kind, to re-file it under a more precise one. */
function where({ kind: _kind, ...rest }: SourceFault): Omit<SourceFault, 'kind'> {
  return rest;
}

function fail<T>(kind: SourceFault['kind'], message: string, extra: Omit<SourceFault, 'kind'> = {}): Checked<T> {
  return { ok: false, fault: { kind, ...extra }, message };
}

/**
 * serverInfo answers without credentials on Cloud and Server. `null`: the site wants credentials
 * even for that (some Server sites), so Cloud or Server is told by the URL and the account check.
 */
export async function probeSite(api: JiraApi): Promise<Checked<JiraSite | null>> {
  const r = await attempt(() => api.serverInfo());
  if (!r.ok) return r.fault.kind === 'auth' || r.fault.kind === 'forbidden' ? { ok: true, value: null } : r;
  const info = obj(r.value);
  if (!info || (str(info.version) === undefined && str(info.baseUrl) === undefined)) {
    return fail('malformed', `${api.baseUrl} does not answer like Jira (no serverInfo): check the URL`, { endpoint: '/rest/api/2/serverInfo' });
  }
  const version = str(info.version);
  return { ok: true, value: { deployment: str(info.deploymentType)?.toLowerCase() === 'cloud' ? 'cloud' : 'server', ...(version ? { version } : {}) } };
}

/** The signed-in user's display name: proves the credentials, not just the URL. */
export async function checkAccount(api: JiraApi): Promise<Checked<string>> {
  const r = await attempt(() => api.myself());
  if (!r.ok) return r;
  const me = obj(r.value);
  return { ok: true, value: str(me?.displayName) ?? str(me?.emailAddress) ?? str(me?.name) ?? 'unknown user' };
}

export async function checkProject(api: JiraApi, key: string): Promise<Checked<{ key: string; name: string }>> {
  const r = await attempt(() => api.project(key));
  if (!r.ok) {
    return r.fault.kind === 'not-found' ? fail('no-project', `Jira has no project ${key} (or this account cannot see it)`, { ...where(r.fault), project: key }) : r;
  }
  const p = obj(r.value);
  return { ok: true, value: { key: str(p?.key) ?? key, name: str(p?.name) ?? key } };
}

/** Every scrum board of the project (the Agile API pages them, 50 at a time). */
export async function listScrumBoards(api: JiraApi, project: string): Promise<Checked<JiraBoard[]>> {
  return attempt(async () => {
    const out: JiraBoard[] = [];
    for (let startAt = 0; ; ) {
      const page = expectObject(await api.boards(project, startAt), '/rest/agile/1.0/board');
      const values = arr(page.values).map(obj);
      for (const b of values) {
        const id = num(b?.id);
        if (id != null) out.push({ id, name: str(b?.name) ?? `Board ${id}` });
      }
      startAt += values.length;
      // isLast is Jira's own answer; a page shorter than asked, or no total left, ends it too.
      if (values.length === 0 || page.isLast === true || (num(page.total) != null && startAt >= num(page.total)!)) break;
    }
    return out;
  });
}

/** The configured board exists and shows this project. */
export async function checkBoard(api: JiraApi, boardId: number, project: string): Promise<Checked<JiraBoard>> {
  const noBoard = `Jira has no board ${boardId} in project ${project}`;
  const r = await attempt(() => api.board(boardId));
  if (!r.ok) return r.fault.kind === 'not-found' ? fail('no-board', noBoard, { ...where(r.fault), boardId, project }) : r;
  const board = obj(r.value);
  const shows = pathStr(board, 'location', 'projectKey');
  if (shows && shows !== project) return fail('no-board', `${noBoard} (board ${boardId} shows ${shows})`, { boardId, project });
  return { ok: true, value: { id: boardId, name: str(board?.name) ?? `Board ${boardId}` } };
}
