import type { JiraApi } from './jiraApi';
import { JiraError } from './jiraErrors';
import { arr, num, obj, str, type Json } from './rawJson';

export interface RawIssue {
  raw: Json;
  /** The complete changelog, oldest first as Jira returns it. */
  histories: unknown[];
}

export interface SearchOutcome {
  issues: RawIssue[];
  warnings: string[];
}

const PAGE = 100;
const CHANGELOG_PAGE = 100;

/**
 * Runs one JQL search to the end, on Cloud by nextPageToken and on Server by startAt.
 * Every issue comes back with its whole changelog: the embedded one stops at 100 entries.
 */
export async function searchAll(
  api: JiraApi,
  cloud: boolean,
  jql: string,
  fields: string[],
  onPage: (fetched: number, total: number | undefined) => void,
): Promise<SearchOutcome> {
  const issues: RawIssue[] = [];
  const warnings: string[] = [];
  if (cloud) {
    const seenTokens = new Set<string>();
    let token: string | undefined;
    for (;;) {
      const page = expectObject(await api.searchCloud(jql, fields, token, PAGE), '/rest/api/3/search/jql');
      await collect(api, cloud, page, issues);
      onPage(issues.length, undefined);
      const next = str(page.nextPageToken);
      if (page.isLast === true || !next) break;
      // A token seen before would replay pages forever; stop with what we have and say so.
      if (seenTokens.has(next)) {
        warnings.push('Jira returned a page token it had already returned; paging stopped there');
        break;
      }
      seenTokens.add(next);
      token = next;
    }
  } else {
    let startAt = 0;
    for (;;) {
      const page = expectObject(await api.searchServer(jql, fields, startAt, PAGE), '/rest/api/2/search');
      const got = await collect(api, cloud, page, issues);
      const total = num(page.total);
      onPage(issues.length, total);
      startAt += got;
      if (got === 0 || total == null || startAt >= total) break;
    }
  }
  return { issues, warnings };
}

async function collect(api: JiraApi, cloud: boolean, page: Json, into: RawIssue[]): Promise<number> {
  const list = arr(page.issues);
  for (const item of list) {
    const raw = obj(item);
    if (!raw || typeof raw.key !== 'string') throw new JiraError('malformed', 'Jira answered a search page with an issue that has no key');
    const changelog = obj(raw.changelog);
    let histories = arr(changelog?.histories);
    const total = num(changelog?.total) ?? histories.length;
    if (total > histories.length) histories = await fullChangelog(api, cloud, raw.key);
    into.push({ raw, histories });
  }
  return list.length;
}

async function fullChangelog(api: JiraApi, cloud: boolean, key: string): Promise<unknown[]> {
  const out: unknown[] = [];
  for (let startAt = 0; ; ) {
    const page = expectObject(await api.changelog(cloud, key, startAt, CHANGELOG_PAGE), `/issue/${key}/changelog`);
    const values = arr(page.values);
    out.push(...values);
    startAt += values.length;
    const total = num(page.total);
    if (values.length === 0 || page.isLast === true || (total != null && startAt >= total)) break;
  }
  return out;
}

export function expectObject(x: unknown, endpoint: string): Json {
  const o = obj(x);
  if (!o) throw new JiraError('malformed', `Jira answered ${endpoint} with something that is not JSON (a proxy or login page?)`);
  return o;
}
