import type { Sprint } from '../../model/issue';
import { parseIsoSeconds } from '../../model/time';
import type { JiraApi } from './jiraApi';
import { JiraError } from './jiraErrors';
import { arr, num, obj, pathStr, str } from './rawJson';
import { expectObject } from './searchIssues';

/** The project's first scrum board, when the user named a project but no board. */
export async function findBoard(api: JiraApi, projectKey: string): Promise<number | null> {
  const page = expectObject(await api.boards(projectKey), '/rest/agile/1.0/board');
  const first = arr(page.values).map(obj).find((b) => b && num(b.id) != null);
  return first ? (num(first.id) ?? null) : null;
}

/** The project a board shows, when the user named a board but no project. */
export async function boardProject(api: JiraApi, boardId: number): Promise<string | null> {
  const board = expectObject(await api.board(boardId), `/rest/agile/1.0/board/${boardId}`);
  return pathStr(board, 'location', 'projectKey') ?? null;
}

/** A board that Jira does not know (404) is named as such: the user picked or typed a wrong id. */
async function sprintPage(api: JiraApi, boardId: number, startAt: number, project?: string): Promise<unknown> {
  try {
    return await api.sprints(boardId, startAt);
  } catch (e) {
    if (!(e instanceof JiraError) || e.kind !== 'not-found') throw e;
    const where = project ? ` in project ${project}` : '';
    throw new JiraError('not-found', `${e.message} (no board ${boardId}${where})`, e.status, undefined, { ...e.detail, fault: 'no-board', boardId, project });
  }
}

export async function fetchSprints(api: JiraApi, boardId: number, project?: string): Promise<Sprint[]> {
  const out: Sprint[] = [];
  for (let startAt = 0; ; ) {
    const page = expectObject(await sprintPage(api, boardId, startAt, project), `/rest/agile/1.0/board/${boardId}/sprint`);
    const values = arr(page.values);
    for (const v of values.map(obj)) {
      const id = num(v?.id);
      if (!v || id == null) continue;
      const state = str(v.state);
      out.push({
        id,
        name: str(v.name) ?? `Sprint ${id}`,
        state: state === 'closed' || state === 'active' ? state : 'future',
        boardId: num(v.originBoardId) ?? boardId,
        startAt: parseIsoSeconds(str(v.startDate)),
        endAt: parseIsoSeconds(str(v.endDate)),
        completeAt: parseIsoSeconds(str(v.completeDate)),
      });
    }
    startAt += values.length;
    if (values.length === 0 || page.isLast === true) break;
  }
  return out;
}

export type VelocityChart = Record<string, { committed: number | null; completed: number | null }>;

/**
 * Jira's own committed/completed per sprint. Not every site offers it (it is the internal
 * greenhopper API); null means "rebuild from the changelog", except credentials problems, which
 * the caller must hear about.
 */
export async function fetchVelocityChart(api: JiraApi, boardId: number): Promise<VelocityChart | null> {
  let raw: unknown;
  try {
    raw = await api.velocityChart(boardId);
  } catch (e) {
    if (e instanceof JiraError && (e.kind === 'auth' || e.kind === 'rate-limited' || e.kind === 'network')) throw e;
    return null;
  }
  const entries = obj(obj(raw)?.velocityStatEntries);
  if (!entries) return null;
  const out: VelocityChart = {};
  for (const [id, e] of Object.entries(entries)) {
    out[id] = { committed: num(obj(obj(e)?.estimated)?.value) ?? null, completed: num(obj(obj(e)?.completed)?.value) ?? null };
  }
  return out;
}
