import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { AtomicStore } from '../../cache/atomicStore';
import type { Issue, Sprint } from '../../model/issue';
import type { FieldIds, StatusCategories } from './jiraFields';
import type { VelocityChart } from './jiraSprints';

/** What one Jira site + project keeps between syncs. Holds no credentials. */
export interface JiraCacheData {
  url: string;
  project: string;
  deployment: 'cloud' | 'server';
  fields: FieldIds;
  statuses: StatusCategories;
  /** The Jira user's time zone: JQL dates are read in it. */
  timeZone: string | null;
  /** When fields/statuses/time zone were fetched (epoch seconds); refreshed daily. */
  metaAt: number;
  boardId: number | null;
  /** Start of the last complete sync (epoch seconds); the next one asks for issues updated since. */
  cursor: number | null;
  /**
   * When the cached issues were last checked against a complete listing of the project (epoch
   * seconds), to drop deleted and moved-away issues once a day. Optional so that caches written
   * before it existed stay valid (no version bump, no cold re-sync): they are checked on their next sync.
   */
  reconciledAt?: number | null;
  /** By Jira's numeric issue id, which survives a move between projects (the key does not). */
  issues: Record<string, Issue>;
  sprints: Sprint[];
  velocity: VelocityChart | null;
  /** Closed sprint ids the velocity chart was fetched for; a newly closed sprint triggers a refetch. */
  velocityFor: number[];
  velocityOffered: boolean;
  savedAt: number;
}

/**
 * 2: issues carry their type id, untranslated name and sub-task flag, invalid estimates, and status
 * categories matched by id only (unknown ones inferred), so issues cached by version 1 are re-read.
 */
export const JIRA_CACHE_VERSION = 2;

export function jiraStore(cacheDir: string, url: string, project: string | undefined, boardId: number | undefined): AtomicStore<JiraCacheData> {
  const id = createHash('sha256').update(`${url.replace(/\/+$/, '')}|${project ?? ''}|${boardId ?? ''}`).digest('hex').slice(0, 16);
  return new AtomicStore<JiraCacheData>(path.join(cacheDir, `jira-${id}.json`), 'jira', JIRA_CACHE_VERSION);
}
