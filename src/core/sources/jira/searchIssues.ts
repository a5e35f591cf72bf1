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

/** One JQL search as the pager sends it; the listing for deletions asks for ids only, without changelogs. */
export interface SearchQuery {
  jql: string;
  fields: string[];
  maxResults: number;
  withChangelog: boolean;
}

/** How a paged search ended: `complete` only when Jira's own paging said the last page was read. */
export type PagingEnd = { complete: true } | { complete: false; why: string };

/**
 * Runs one JQL search to the end, on Cloud by nextPageToken and on Server by startAt, and hands
 * every page's issues to `onPage`. Never loops forever; says when the listing may be short.
 */
export async function pageSearch(
  api: JiraApi,
  cloud: boolean,
  q: SearchQuery,
  onPage: (issues: unknown[], total: number | undefined) => Promise<void>,
): Promise<PagingEnd> {
  if (cloud) {
    const seenTokens = new Set<string>();
    let token: string | undefined;
    for (;;) {
      const page = expectObject(await api.searchCloud(q.jql, q.fields, token, q.maxResults, q.withChangelog), '/rest/api/3/search/jql');
      await onPage(arr(page.issues), undefined);
      const next = str(page.nextPageToken);
      if (page.isLast === true) return { complete: true };
      // Jira Cloud omits the token on the last page; isLast false without one means pages are missing.
      if (!next) return page.isLast === false ? { complete: false, why: 'Jira ended a search with more pages but no page token' } : { complete: true };
      // A token seen before would replay pages forever; stop with what we have and say so.
      if (seenTokens.has(next)) return { complete: false, why: 'Jira returned a page token it had already returned; paging stopped there' };
      seenTokens.add(next);
      token = next;
    }
  }
  let startAt = 0;
  let firstTotal: number | undefined;
  for (;;) {
    const page = expectObject(await api.searchServer(q.jql, q.fields, startAt, q.maxResults, q.withChangelog), '/rest/api/2/search');
    const list = arr(page.issues);
    const total = num(page.total);
    firstTotal ??= total;
    await onPage(list, total);
    startAt += list.length;
    if (list.length === 0 || total == null || startAt >= total) {
      // Offset paging shifts when issues appear or vanish mid-way: a changed total means one may have been skipped.
      if (total == null) return { complete: false, why: 'Jira answered a search page without a total' };
      if (startAt < total) return { complete: false, why: 'Jira ended a search before the total it announced' };
      return total === firstTotal ? { complete: true } : { complete: false, why: 'the number of Jira issues changed while they were listed' };
    }
  }
}

/**
 * Runs one JQL search to the end. Every issue comes back with its whole changelog: the embedded
 * one stops at 100 entries.
 */
export async function searchAll(
  api: JiraApi,
  cloud: boolean,
  jql: string,
  fields: string[],
  onPage: (fetched: number, total: number | undefined) => void,
): Promise<SearchOutcome> {
  const issues: RawIssue[] = [];
  const end = await pageSearch(api, cloud, { jql, fields, maxResults: PAGE, withChangelog: true }, async (list, total) => {
    await collect(api, cloud, list, issues);
    onPage(issues.length, total);
  });
  return { issues, warnings: end.complete ? [] : [end.why] };
}

async function collect(api: JiraApi, cloud: boolean, list: unknown[], into: RawIssue[]): Promise<void> {
  for (const item of list) {
    const raw = obj(item);
    if (!raw || typeof raw.key !== 'string') throw new JiraError('malformed', 'Jira answered a search page with an issue that has no key');
    const changelog = obj(raw.changelog);
    let histories = arr(changelog?.histories);
    const total = num(changelog?.total) ?? histories.length;
    if (total > histories.length) histories = await fullChangelog(api, cloud, raw.key);
    into.push({ raw, histories });
  }
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
