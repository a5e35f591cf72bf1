import { realpathSync } from 'node:fs';
import type { Dataset, SourceStatus } from './model/dataset';
import { defaultWindow, type Window } from './model/time';
import { repoCacheDir } from './cache/cacheDir';
import { collectCacheProblems } from './cache/cacheWarnings';
import { openRepository } from './sources/git/repoInfo';
import { readTagsCached } from './sources/git/tagList';
import { listRefs } from './sources/git/refListing';
import { loadGitHistory } from './sources/git/loadGitHistory';
import { resolvePrHeadStarts, type PrHeads } from './sources/git/prHeads';
import { countLinesInWorker } from './sources/kloc/countLinesInWorker';
import type { KlocConfig } from './sources/kloc/fileClassifier';
import { computeKpiOutputs, computeReport, reportOf } from './metrics/computeKpis';
import { KPI_NAMES } from './metrics/registry';
import { historyOf, prepareHistory } from './metrics/shared/historyOf';
import { lastCommitAt } from './metrics/shared/activity';
import { issueLinkedCommits } from './metrics/defectDensity/defectDensity';
import type { KpiOptions } from './options';
import { resolveGitHubTarget } from './sources/github/githubTarget';
import type { PipelineInput, PipelineResult, WindowSpec } from './pipelineTypes';
import type { JiraData } from './sources/jira/syncJira';
import type { Progress } from './sources/sourceTypes';
import type { KlocIndex } from './model/kloc';
import type { PendingInput } from './metrics/reportInput';

export { computeReport };

const OFF: SourceStatus = { status: 'off' };

/**
 * Sources → normalized model. Git is read from the cache and then incrementally; GitHub and Jira
 * (when configured) sync into their own caches and never fail the run: their status says why.
 */
export async function loadDataset(input: PipelineInput): Promise<Dataset> {
  // Cache files any source failed to write are warnings, not failures (see cacheWarnings).
  const { result, problems } = await collectCacheProblems(async () => {
    const { dataset, settle } = await readSources(input);
    await settle();
    return dataset;
  });
  result.warnings.push(...problems);
  return result;
}

/** "Read 16,000 of 99,412 commits (16%)" once the total is known, "Read 16,000 commits" before. */
export function commitProgress(n: number, total: number | undefined): Progress {
  const read = withCommas(n);
  if (!total || total < n) return { phase: 'git', message: `Read ${read} commits` };
  const fraction = n / total;
  return { phase: 'git', message: `Read ${read} of ${withCommas(total)} commits (${Math.floor(fraction * 100)}%)`, fraction };
}

/**
 * 99412 → "99,412". Not toLocaleString: its first call loads ICU's number formatting, measured at
 * over a second in code-server's extension host on a loaded machine (cold pages), on the way to
 * the first value.
 */
function withCommas(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}

/**
 * The dataset, complete but for the cache writes still on their way: `settle` waits for them and
 * adds a failed one to the warnings. Nothing a KPI reads changes when they end.
 */
async function readSources(input: PipelineInput): Promise<{ dataset: Dataset; settle: () => Promise<void> }> {
  const progress = input.onProgress ?? (() => undefined);
  // The tags, the pull request heads and the default branch's candidates are refs, listed at once
  // beside the state (the history needs them all; a folder that is no repository, or an empty
  // one, fails the state first, with its message). Refs read the same from any folder of the work
  // tree, so the listing does not wait for the top level.
  const refsP = listRefs(input.repoPath);
  refsP.catch(() => undefined);
  const prHeadsP = refsP.then((r) => r.prHeads);
  prHeadsP.catch(() => undefined);
  // Read once and shared with the history.
  const { top, state } = await openRepository(input.repoPath, refsP.then((r) => r.candidates, () => new Map()));
  const cacheDir = repoCacheDir(input.cacheRoot, realpathSync(top));
  input.signal?.throwIfAborted();
  // Each tag's commit and date, from the cache for the tag objects an earlier run has seen.
  const tagsP = refsP.then((r) => readTagsCached(top, r.tags, cacheDir));
  tagsP.catch(() => undefined);

  progress({ phase: 'git', message: 'Reading git history' });
  // Line counting reads HEAD's tree and needs no history: a worker does it on the second core
  // while this thread parses the log stream. A host that shows a first value (onPartial) needs
  // git's metadata pass alone for it: there the count, like the fixes' file lists, starts once
  // that value is out, and git's log has both cores meanwhile.
  const progressive = input.onPartial !== undefined;
  let linesP: Promise<KlocIndex> | undefined;
  const countLines = () => {
    if (!linesP) {
      linesP = countLinesInWorker(top, state.headTree ? { tree: state.headTree } : state.info.head, klocConfig(input.options), cacheDir, input.signal);
      linesP.catch(() => undefined);
    }
    return linesP;
  };
  if (!progressive) void countLines();
  // GitHub and Jira are network-bound and need no history: they sync side by side from here on.
  // Each is loaded on demand (octokit and jira.js stay out of the main bundle) and never throws but
  // for an abort.
  // Each source is given its own configuration, with only the options it reads.
  const sync = { signal: input.signal, onProgress: input.onProgress, httpLimits: input.httpLimits };
  const githubCfg = input.github;
  const githubP = (async () => {
    const target = await resolveGitHubTarget(top, githubCfg);
    if (!githubCfg || !target) return null;
    // Refused or off before any request: no client to load.
    if ('status' in target) return { status: target.status };
    const { loadGitHubForPipeline } = await import('./sources/github/githubForPipeline');
    const cfg = { ...target, token: githubCfg.token, offline: input.offline, bugLabelPattern: input.options.bugLabelPattern };
    return loadGitHubForPipeline(cfg, cacheDir, sync);
  })();
  const jiraCfg = input.jira;
  const jiraP = jiraCfg
    ? (async () => {
        const { syncJira } = await import('./sources/jira/syncJira');
        return syncJira({ ...jiraCfg, storyPointsField: input.options.storyPointsField }, cacheDir, { ...sync, offline: input.offline });
      })()
    : Promise.resolve(null);
  tracked(githubP).catch(() => undefined);
  tracked(jiraP).catch(() => undefined);
  const history = await loadGitHistory(top, {
    cacheDir,
    state,
    tags: tagsP,
    signal: input.signal,
    deferWrite: true,
    filesAfterLog: progressive,
    countTotal: !progressive,
    ...(input.reportWindow ? { reportWindow: input.reportWindow } : {}),
    // Without a listener (the CLI off a terminal) there is no progress, and so no count of commits for its total.
    ...(input.onProgress ? { onCommits: (n: number, total?: number) => progress(commitProgress(n, total)) } : {}),
  });

  const warnings: string[] = [];
  if (history.info.shallow) warnings.push('shallow clone: history is incomplete, so KPIs cover only the commits present (run git fetch --unshallow for full history)');
  if (history.cacheNote) warnings.push(history.cacheNote);
  const prHeads = await readPrHeadStarts(top, history, await prHeadsP.catch(() => ({ byPr: new Map<number, string>(), digest: 0 })), cacheDir, warnings, input.signal);

  const dataset: Dataset = {
    repo: history.info,
    get commits() {
      return history.commits;
    },
    graph: history.graph,
    tip: history.tip,
    tags: history.tags,
    ...(prHeads.starts.size > 0 ? { prHeadStarts: prHeads.starts } : {}),
    kloc: { files: [], sourceLines: 0, testLines: 0, leftOut: [] },
    sources: { git: { status: 'ok' }, github: { ...OFF }, jira: { ...OFF } },
    warnings,
    loadFiles: async (commits, signal) => {
      const warning = await history.loadFiles(commits, signal);
      if (warning) warnings.push(warning);
    },
  };
  // The history views need neither the line counts nor (when a release tag matches) GitHub's
  // releases: build them while the worker and the syncs finish.
  prepareHistory(dataset, input.options.releaseTagPattern);
  // Every KPI reads GitHub when it is configured (and GitHub's releases can change the history's
  // views): a partial result is worth showing once it is in. Jira may still be on its way. The
  // KPIs that read files (the fixes', the issue-linked commits' loaded below) wait for the files
  // or the lines: the partial report reads none.
  if (input.onPartial && settled.has(githubP)) {
    const jiraIn = settled.has(jiraP);
    addApiSources(dataset, await githubP, jiraIn ? await jiraP : null);
    const pending: PendingInput[] = history.filesPending ? ['files', 'lines'] : ['lines'];
    input.onPartial({ dataset, pending: jiraIn ? pending : [...pending, 'jira'] });
  }
  const counted = countLines();
  if (history.filesPending) progress({ phase: 'git', message: 'Reading the files the bug fixes changed' });
  await history.filesRead;
  progress({ phase: 'lines', message: 'Counting lines of code at HEAD' });
  dataset.kloc = await counted;
  if (dataset.kloc.warnings) warnings.push(...dataset.kloc.warnings);
  // Said as it is: the counting is over, and the status would otherwise still say so.
  const waiting = ([[githubP, 'github', 'GitHub'], [jiraP, 'jira', 'Jira']] as const).filter(([p]) => !settled.has(p));
  if (waiting.length > 0) progress({ phase: waiting[waiting.length - 1]![1], message: `Waiting for ${waiting.map(([, , name]) => name).join(' and ')}` });
  const [github, jira] = await Promise.all([githubP, jiraP]);
  addApiSources(dataset, github, jira);
  await loadIssueLinkedFiles(dataset, input);
  progress({ phase: 'metrics', message: 'Computing KPIs' });
  // The cache write goes on while the views are built, the sources sync and (runPipeline) the KPIs
  // are computed: a failed write only costs the next run its head start, so it is reported, not fatal.
  const settle = async () => {
    await history.persisted.catch((e: unknown) => warnings.push(`could not write the git cache: ${(e as Error).message}`));
    await prHeads.persisted.catch((e: unknown) => warnings.push(`could not write the pull request heads cache: ${(e as Error).message}`));
  };
  return { dataset, settle };
}

/**
 * Defects from Jira or GitHub blame the files of the commits that name them: read those ahead
 * (the history read only the fixes'), so that computing a report stays pure for every window.
 */
async function loadIssueLinkedFiles(dataset: Dataset, input: PipelineInput): Promise<void> {
  if (!dataset.jiraIssues && !dataset.githubIssues) return;
  await dataset.loadFiles!(issueLinkedCommits(dataset, historyOf(dataset, input.options.releaseTagPattern)), input.signal);
}

type GitHubLoad = Pick<Dataset, 'pullRequests' | 'githubIssues' | 'releases'> & { status: SourceStatus };
type JiraLoad = Pick<JiraData, 'status' | 'issues' | 'sprints'>;

/** GitHub's and Jira's data into the dataset (null: not configured); the same data again changes nothing. */
function addApiSources(dataset: Dataset, github: GitHubLoad | null, jira: JiraLoad | null): void {
  if (github) {
    dataset.sources.github = github.status;
    if (github.pullRequests) dataset.pullRequests = github.pullRequests;
    if (github.githubIssues) dataset.githubIssues = github.githubIssues;
    if (github.releases) dataset.releases = github.releases;
  }
  if (jira) {
    dataset.sources.jira = jira.status;
    dataset.jiraIssues = jira.issues;
    dataset.sprints = jira.sprints;
  }
}

/** Promises that have settled, for a look without waiting (see onPartial). */
const settled = new WeakSet<Promise<unknown>>();
function tracked<T>(p: Promise<T>): Promise<T> {
  p.then(() => settled.add(p), () => settled.add(p));
  return p;
}

/** The line counter's globs, and nothing else: the worker is sent only what it reads. */
function klocConfig({ sourceGlobs, excludeGlobs, testGlobs }: KpiOptions): KlocConfig {
  return { sourceGlobs, excludeGlobs, testGlobs };
}

/** The squash changes' starts from pull request heads (v2); a failure costs only those starts, with a warning. */
async function readPrHeadStarts(
  top: string, history: Awaited<ReturnType<typeof loadGitHistory>>, heads: PrHeads, cacheDir: string, warnings: string[], signal?: AbortSignal,
): ReturnType<typeof resolvePrHeadStarts> {
  try {
    return await resolvePrHeadStarts(top, history.graph, history.tip, heads, cacheDir, signal);
  } catch (e) {
    signal?.throwIfAborted();
    warnings.push(`could not read the pull request heads: ${(e as Error).message}`);
    return { starts: new Map(), walked: 0, persisted: Promise.resolve() };
  }
}

/** The window to report on: as given, or (`--until last-commit`) from the loaded history's last commit. */
export function resolveWindow(dataset: Dataset, spec: WindowSpec | undefined, options: Pick<KpiOptions, 'releaseTagPattern'>, now: number): Window {
  if (typeof spec !== 'function') return spec ?? defaultWindow(now);
  return spec(lastCommitAt(dataset, historyOf(dataset, options.releaseTagPattern)) ?? now);
}

/** The whole pipeline: sources → model → metrics → report. */
export async function runPipeline(input: PipelineInput & { window?: WindowSpec; now?: number }): Promise<PipelineResult> {
  const now = input.now ?? Math.floor(Date.now() / 1000);
  // A window known before the history is read (not --until last-commit) is the one window read for.
  const known = typeof input.window === 'function' ? undefined : (input.window ?? defaultWindow(now));
  // The KPIs are computed while the cache files are still being written (and synced to disk);
  // the report, with any warning a failed write gives, once they are.
  const { result, problems } = await collectCacheProblems(async () => {
    const { dataset, settle } = await readSources(known ? { ...input, reportWindow: known } : input);
    const reportInput = { window: resolveWindow(dataset, input.window, input.options, now), options: input.options, now };
    const outputs = computeKpiOutputs(dataset, reportInput, KPI_NAMES);
    await settle();
    return { dataset, reportInput, outputs };
  });
  const { dataset, reportInput, outputs } = result;
  dataset.warnings.push(...problems);
  const { report, details } = reportOf(dataset, reportInput, outputs);
  return { dataset, report, details };
}
