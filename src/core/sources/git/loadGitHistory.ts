import * as path from 'node:path';
import { AtomicStore } from '../../cache/atomicStore';
import type { Commit, RepositoryInfo, Tag } from '../../model/commit';
import type { CommitGraph } from '../../model/commitGraph';
import type { Window } from '../../model/time';
import { git, streamGit } from './gitRunner';
import { LOG_ARGS, MetadataParser } from './logParser';
import { CommitStore } from './commitStore';
import { GIT_CACHE_VERSION, readSegments, sameTips, writeCache, type GitCacheIndex, type SavedPoint } from './gitCacheFiles';
import { filesReadUpfront, reportedSpan } from './filesUpfront';
import { fileListReader, readFilesNow } from './readFileLists';
import { readRepoState, type RepoState } from './repoInfo';
import { readTags } from './tagList';

export interface GitHistory {
  info: RepositoryInfo;
  /** Cached commits first, then the ones this run read; use `byHash` for lookups. */
  commits: Commit[];
  /** The parent graph of `commits`, by position. */
  graph: CommitGraph;
  byHash: { get(hash: string): Commit | undefined };
  tip: string;
  tags: Tag[];
  /** How this run used the cache, for progress and tests. */
  cacheUse: 'cold' | 'warm' | 'incremental' | 'rebuilt';
  cacheNote?: string;
  parsedCommits: number;
  /** Commits whose file lists this run read from git (the rest came from the cache or are not needed). */
  readonly fileListsRead: number;
  /**
   * With `filesAfterLog`: settles once the fixes' file lists are in the store (at once otherwise).
   * Until then no report may read a fix's files.
   */
  filesRead: Promise<void>;
  /** Whether `filesRead` still had lists to read when the history was returned. */
  filesPending: boolean;
  /** Settles when the cache holds this run's commits (at once unless `deferWrite`). */
  persisted: Promise<void>;
  /**
   * Reads the file lists of these commits that no one read yet (filesUpfront.ts reads only the
   * fixes'), and saves them in the cache. Resolves with a warning when the cache write failed.
   */
  loadFiles(commits: Iterable<Commit>, signal?: AbortSignal): Promise<string | undefined>;
  /** Commits whose files a report touched without loading them first (each read on the spot). */
  readonly lateFileReads: number;
}

export interface LoadOptions {
  cacheDir: string;
  /** HEAD, default branch and shallowness, when the caller has read them already. */
  state?: RepoState;
  /** The tags, when the caller reads them beside the state. */
  tags?: Promise<Tag[]>;
  signal?: AbortSignal;
  /**
   * Every 2,000 commits parsed; `total` once `git rev-list --count` has answered (it runs only on a
   * long read, and only for a caller that listens: no listener, no count).
   */
  onCommits?: (n: number, total?: number) => void;
  /**
   * false: no count for onCommits' total. A host whose first value comes when the metadata pass
   * ends (the editor's first open) wants that core for the pass: `rev-list --count` walks the same
   * graph, and cost as much CPU as half the pass in that window, even at the lowest priority.
   */
  countTotal?: boolean;
  /**
   * Return before the cache is written and let `persisted` say when it is: the caller computes
   * the report meanwhile (the store is complete and no longer changes) and awaits it before it ends.
   */
  deferWrite?: boolean;
  /**
   * Return after the metadata pass and read the fixes' file lists only then (`filesRead` says
   * when they are in): a host that shows the KPIs the metadata gives (the editor's first value)
   * leaves git's log both cores instead of sharing them with the file-list pass.
   */
  filesAfterLog?: boolean;
  /**
   * The one window the caller will report on: the fixes' file lists are read for it and its
   * trend's window only (filesUpfront.ts). Without it, every fix's are, for any window.
   */
  reportWindow?: Window;
}

/** How many commits the log will stream: the same tips and exclusions, counted by rev-list. */
export async function countCommits(top: string, stdin: string, signal: AbortSignal | undefined): Promise<number | undefined> {
  // Nobody waits on the total: it takes only CPU the history read leaves idle.
  const n = Number.parseInt(await git(top, ['rev-list', '--count', '--stdin'], { stdin, signal, lowPriority: true }), 10);
  return Number.isFinite(n) ? n : undefined;
}

async function isAncestor(top: string, older: string, newer: string): Promise<boolean> {
  // Exit 1 is the answer "no"; any failure (an unknown commit) counts as no as well.
  try {
    await streamGit(top, ['merge-base', '--is-ancestor', older, newer], () => undefined);
    return true;
  } catch {
    return false;
  }
}

async function existingCommits(top: string, hashes: string[]): Promise<string[]> {
  if (hashes.length === 0) return [];
  // cat-file --batch-check answers "<hash> missing" for objects gone after a rewrite + gc.
  const out: string[] = [];
  await streamGit(top, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], (c) => out.push(c.toString('utf8')), { stdin: hashes.join('\n') + '\n' });
  return out.join('').split('\n').filter((l) => l.endsWith(' commit')).map((l) => l.split(' ')[0]!);
}

/**
 * Reads the default branch's history plus everything the tags reach, from one streaming git log.
 * With a cache, reads only commits beyond the cached tips; a rewritten branch rebuilds.
 */
export async function loadGitHistory(top: string, opts: LoadOptions): Promise<GitHistory> {
  const [state, tags] = await Promise.all([opts.state ?? readRepoState(top), opts.tags ?? readTags(top)]);
  const tips = [...new Set([state.tip, ...tags.map((t) => t.commit)])];
  const dir = path.join(opts.cacheDir, 'git-history');
  const index = new AtomicStore<GitCacheIndex>(path.join(dir, 'index.json'), 'git-history', GIT_CACHE_VERSION);
  const hashLength = state.tip.length / 2;

  let cached = await index.read();
  let store = new CommitStore(hashLength);
  let segments: string[] = [];
  let exclude = new Set<string>();
  let cacheUse: GitHistory['cacheUse'] = 'cold';
  let cacheNote: string | undefined;
  const unreadable = (why: string) => {
    cacheUse = 'rebuilt';
    cacheNote = why === 'version' ? 'the cache was written by another version: rebuilt it' : 'the cache file was unreadable: rebuilt it';
    store = new CommitStore(hashLength);
  };
  if (cached.ok && cached.data.hashLength !== hashLength) {
    unreadable('corrupt');
  } else if (cached.ok) {
    // Same tips as last time: nothing can have changed, so skip the ancestry and existence checks.
    const checksFor = (idx: GitCacheIndex) => idx.branchTip === state.tip && sameTips(idx.tips, tips)
      ? Promise.resolve([true, tips] as const)
      : Promise.all([isAncestor(top, idx.branchTip, state.tip), existingCommits(top, idx.tips)]);
    // Both checks need only the cached index: git answers them while the segments decode.
    let checks = checksFor(cached.data);
    checks.catch(() => undefined);
    cacheUse = 'incremental';
    const read = await readSegments(dir, cached.data, index, hashLength);
    store = read.store;
    if (read.index) {
      // Another run compacted the cache while this one read it: what it wrote is what this run has.
      cached = { ok: true, data: read.index };
      checks = checksFor(read.index);
    }
    if (read.failed) unreadable(read.failed);
    const [ancestor, existing] = await checks;
    if (!ancestor) {
      cacheUse = 'rebuilt';
      cacheNote = 'history was rewritten since the last run (force push?): rebuilt the cache';
      store = new CommitStore(hashLength);
    } else if (cacheUse === 'incremental') {
      segments = cached.ok ? cached.data.segments : [];
      exclude = new Set(existing);
    }
  } else if (cached.why !== 'missing') {
    unreadable(cached.why);
  }

  const from = store.length;
  let saved: SavedPoint = { commits: from, authors: store.authors.length, paths: store.paths.length };
  store.lateReader = (hash) => readFilesNow(top, hash);
  // The file-list pass runs beside the metadata pass: each fix is asked for as soon as it is parsed
  // (with filesAfterLog, once the metadata pass is over).
  const span = opts.reportWindow && reportedSpan(opts.reportWindow);
  const files = fileListReader(top, store, opts.signal);
  const later: string[] = [];
  const want = opts.filesAfterLog ? (hash: string) => later.push(hash) : (hash: string) => files.want(hash);
  {
    const fix = store.fixCol.view();
    const starts = store.parentStart;
    const dates = store.committerDates;
    for (let i = 0; i < from; i++) if (!store.hasFiles(i) && filesReadUpfront(fix[i] === 1, starts[i + 1]! - starts[i]!, dates[i]!, span)) want(store.hashAt(i));
  }
  // Commits go into the store as they arrive, while this thread would otherwise wait on git. git
  // log with ^old-tips never repeats a cached commit, but a partial exclude list might: the store
  // skips those.
  const appender = store.appender();
  let parsed = 0;
  const newTips = tips.filter((t) => !exclude.has(t));
  if (newTips.length > 0 || cacheUse !== 'incremental') {
    const stdin = [...tips, ...[...exclude].map((h) => `^${h}`)].join('\n') + '\n';
    let total: number | undefined;
    const onCommits = opts.onCommits;
    const parser = new MetadataParser((r) => {
      const i = appender.addRaw(r);
      if (i >= 0 && filesReadUpfront(store.fixCol.at(i) === 1, appender.parentCount(i), r.committerDate, span)) want(store.hashAt(i));
      parsed += 1;
      if (!onCommits || parsed % 2000 !== 0) return;
      // A read this long is worth a total for the progress: the count (cheap next to parsing the
      // log) starts only now, so a warm or short read never pays for it.
      if (parsed === 2000 && opts.countTotal !== false) void countCommits(top, stdin, opts.signal).then((n) => (total = n), () => undefined);
      onCommits(parsed, total);
    });
    try {
      await streamGit(top, [...LOG_ARGS, '--stdin', '--'], (chunk) => parser.push(chunk), { stdin, signal: opts.signal });
      parser.end();
    } catch (e) {
      await files.done().catch(() => undefined);
      throw e;
    }
  }
  appender.finish();
  const filesRead = (async () => {
    for (const hash of later) files.want(hash);
    await files.done();
  })();
  if (!opts.filesAfterLog) await filesRead;
  else filesRead.catch(() => undefined);
  if (cacheUse === 'incremental' && parsed === 0) cacheUse = 'warm';

  let onDisk = cached.ok ? cached.data : undefined;
  let saving: Promise<unknown> = Promise.resolve();
  // Saves what was added since the last save; one save at a time, in order.
  const save = () => {
    const run = saving.then(async () => {
      if (store.length === saved.commits && store.filesToSave.length === 0) return;
      const written = await writeCache(dir, index, { tips, branchTip: state.tip, hashLength, segments }, onDisk, store, saved);
      if (!written) return;
      onDisk = written;
      segments = written.segments;
      saved = { commits: store.length, authors: store.authors.length, paths: store.paths.length };
    });
    saving = run.catch(() => undefined);
    return run;
  };
  // The cache is written with the fixes' lists, after the file-list pass when it comes last.
  const persisted = opts.filesAfterLog ? filesRead.then(save) : save();
  if (!opts.deferWrite) await persisted;
  else persisted.catch(() => undefined);
  const loadFiles = async (commits: Iterable<Commit>, signal?: AbortSignal) => {
    const late = fileListReader(top, store, signal);
    for (const c of commits) {
      const i = store.indexOf(c.hash);
      if (i >= 0 && !store.hasFiles(i)) late.want(c.hash);
    }
    await late.done();
    if (late.asked === 0) return undefined;
    return save().then(() => undefined, (e: unknown) => `could not write the git cache: ${(e as Error).message}`);
  };
  return {
    persisted,
    info: state.info, graph: store,
    // Made on demand: a report walks the graph and turns few positions into commit objects.
    get commits() {
      return store.commits;
    }, tip: state.tip, tags, cacheUse, cacheNote, parsedCommits: parsed, filesRead, filesPending: later.length > 0, loadFiles,
    get fileListsRead() {
      return files.asked;
    },
    get lateFileReads() {
      return store.lateReads;
    },
    byHash: { get: (h) => { const i = store.indexOf(h); return i < 0 ? undefined : store.commitAt(i); } },
  };
}
