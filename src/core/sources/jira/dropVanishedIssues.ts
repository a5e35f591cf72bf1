import type { Issue } from '../../model/issue';
import type { JiraApi } from './jiraApi';
import { JiraError } from './jiraErrors';
import { obj, str } from './rawJson';
import { pageSearch } from './searchIssues';

/**
 * The incremental sync asks only for issues *updated* since the last sync, and a deleted issue (or
 * one moved out of the project) is never updated again: it would stay cached forever. So, once per
 * interval, the sync lists every id the scope still returns and drops cached issues that are not
 * among them. A day keeps the re-sync within the interval at 2 requests, while a deletion reaches
 * the KPIs by the next day, which is well inside the weeks-long windows they are computed over.
 */
export const RECONCILE_INTERVAL = 24 * 3600;

/**
 * The largest pages each search allows when only ids are asked for: Cloud's enhanced search returns
 * up to 5,000 ids per page; Server/Data Center caps every search at `jira.search.views.default.max`,
 * 1,000 by default (a server that returns fewer is paged by what it returned).
 */
const CLOUD_ID_PAGE = 5000;
const SERVER_ID_PAGE = 1000;

export function reconcileDue(lastReconciledAt: number | null | undefined, now: number): boolean {
  return lastReconciledAt == null || now - lastReconciledAt >= RECONCILE_INTERVAL;
}

/** The cache keys issues by Jira's id (the key changes when an issue moves); the key is the fallback. */
export function issueRecordId(raw: Record<string, unknown>): string {
  return str(raw.id) ?? String(raw.key);
}

export type ReconcileOutcome =
  | { complete: true; issues: Record<string, Issue>; removed: number }
  | { complete: false; warning: string };

/**
 * Lists the ids `scopeJql` returns now and drops the cached issues that are not among them.
 * Only a complete listing removes anything: a failed request, malformed JSON or paging that ended
 * early leaves `issues` as it was and says why. `keep` holds ids this sync has just fetched, which
 * are in scope whatever a listing read a moment later says.
 */
export async function dropVanishedIssues(
  api: JiraApi,
  cloud: boolean,
  scopeJql: string,
  issues: Record<string, Issue>,
  keep: ReadonlySet<string>,
): Promise<ReconcileOutcome> {
  const listed = new Set<string>();
  try {
    const query = { jql: `${scopeJql} ORDER BY created ASC`, fields: [cloud ? 'id' : 'key'], maxResults: cloud ? CLOUD_ID_PAGE : SERVER_ID_PAGE, withChangelog: false };
    // Ordered by creation, which never changes, so issues edited during the listing do not move between pages.
    const end = await pageSearch(api, cloud, query, async (list) => {
      for (const item of list) {
        const raw = obj(item);
        const id = raw && str(raw.id);
        if (!raw || !id) throw new JiraError('malformed', 'Jira listed an issue without an id');
        listed.add(id);
        // Records cached without an id are keyed by their key.
        const key = str(raw.key);
        if (key) listed.add(key);
      }
    });
    if (!end.complete) return { complete: false, warning: notChecked(end.why) };
  } catch (e) {
    if (e instanceof JiraError) return { complete: false, warning: notChecked(e.message) };
    throw e;
  }
  const cachedIds = Object.keys(issues);
  // A proxy or a permission glitch that answers an empty project must not wipe the whole cache.
  if (listed.size === 0 && cachedIds.length > 0) return { complete: false, warning: notChecked('Jira listed no issues at all in the project') };
  const kept: Record<string, Issue> = {};
  for (const id of cachedIds) {
    if (listed.has(id) || keep.has(id)) kept[id] = issues[id]!;
  }
  return { complete: true, issues: kept, removed: cachedIds.length - Object.keys(kept).length };
}

function notChecked(why: string): string {
  return `could not check for deleted Jira issues, kept them all (${why})`;
}
