import { mkdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultCacheRoot } from '../core/cache/cacheDir';
import { OptionError, resolveOptions, type KpiOptions } from '../core/options';
import { runPipeline } from '../core/pipeline';
import { RepoError, resolveRepository } from '../core/sources/git/repoInfo';
import { fetchPrHeads } from '../core/sources/git/fetchPrHeads';
import { GitError } from '../core/sources/git/gitRunner';
import type { PipelineInput } from '../core/pipelineTypes';
import { checkCredentialUrl, CLI_URL_ROLES, type UrlRole } from '../core/sources/http/credentialUrl';
import { renderTable } from '../core/report/renderTable';
import { renderMarkdown } from '../core/report/renderMarkdown';
import { renderCsv } from '../core/report/renderCsv';
import { loadConfigFile } from './loadConfigFile';
import { rejectEmptyValues } from './flagValues';
import { parseWindow, UsageError } from './parseWindow';
import { progressReporter } from './progressReporter';
import { tell, type CliIo } from './cliIo';

export const REPORT_FLAGS = {
  repo: { type: 'string' },
  since: { type: 'string' },
  until: { type: 'string' },
  format: { type: 'string', default: 'table' },
  'cache-dir': { type: 'string' },
  config: { type: 'string' },
  'release-tag-pattern': { type: 'string' },
  'source-glob': { type: 'string', multiple: true },
  'exclude-glob': { type: 'string', multiple: true },
  'test-glob': { type: 'string', multiple: true },
  'exclude-author': { type: 'string', multiple: true },
  'module-depth': { type: 'string' },
  offline: { type: 'boolean' },
  'github-repo': { type: 'string' },
  'github-api-url': { type: 'string' },
  'jira-url': { type: 'string' },
  'jira-project': { type: 'string' },
  'jira-board': { type: 'string' },
  'fetch-pr-heads': { type: 'boolean' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof REPORT_FLAGS; allowPositionals: true }>>['values'];

/** Options: spec defaults < .engineering-kpis.json < flags. */
async function optionsFrom(values: Values, repo: string): Promise<KpiOptions> {
  const file = await loadConfigFile(repo, values.config);
  const flags: Partial<Record<keyof KpiOptions, unknown>> = {
    releaseTagPattern: values['release-tag-pattern'],
    sourceGlobs: values['source-glob'],
    excludeGlobs: values['exclude-glob'],
    testGlobs: values['test-glob'],
    excludeAuthors: values['exclude-author'],
    moduleDepth: values['module-depth'] === undefined ? undefined : Number(values['module-depth']),
  };
  return resolveOptions(file as Partial<Record<keyof KpiOptions, unknown>>, flags);
}

/** The cache folder, created if needed; one that cannot be is a usage error that says which and why. */
function usableCacheRoot(flag: string | undefined): string {
  const dir = flag ?? defaultCacheRoot();
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'EEXIST' || (e as NodeJS.ErrnoException).code === 'ENOTDIR' ? 'it is a file, not a folder' : (e as NodeJS.ErrnoException).code ?? 'error';
    throw new UsageError(`cannot use ${dir} as the cache folder (${why}): pass --cache-dir with a folder you can write`);
  }
  return dir;
}

/** A URL that credentials go to, checked by the core's one rule (https or loopback, no userinfo). */
function credentialUrlFlag(value: string | undefined, role: UrlRole): string | undefined {
  if (value === undefined) return undefined;
  const checked = checkCredentialUrl(value, role);
  if ('problem' in checked) throw new UsageError(checked.problem);
  return checked.url;
}

/** Builds the pipeline input from flags and environment; GitHub/Jira sources add their parts here. */
export async function pipelineInputFrom(values: Values, io: CliIo): Promise<PipelineInput> {
  const repo = values.repo ?? '.';
  const input: PipelineInput = {
    repoPath: repo,
    cacheRoot: usableCacheRoot(values['cache-dir']),
    options: await optionsFrom(values, repo),
    offline: values.offline,
    httpLimits: io.httpLimits,
  };
  // GitHub applies when --github-repo is given or origin is on GitHub; without GITHUB_TOKEN it reports "off".
  const apiUrl = credentialUrlFlag(values['github-api-url'] || undefined, CLI_URL_ROLES.github);
  input.github = { repo: values['github-repo'], apiUrl: apiUrl ?? '', token: async () => io.env.GITHUB_TOKEN || undefined };
  const jiraUrl = credentialUrlFlag(values['jira-url'] || undefined, CLI_URL_ROLES.jira);
  if (jiraUrl) {
    const board = values['jira-board'] === undefined ? undefined : Number(values['jira-board']);
    if (board !== undefined && !(Number.isInteger(board) && board > 0)) throw new UsageError(`--jira-board must be a board id (got "${values['jira-board']}")`);
    // Cloud: JIRA_EMAIL + JIRA_API_TOKEN (Basic); Server/Data Center: JIRA_PAT (Bearer).
    const email = io.env.JIRA_EMAIL || undefined;
    input.jira = { url: jiraUrl, project: values['jira-project'], boardId: board, email, token: async () => (email ? io.env.JIRA_API_TOKEN : io.env.JIRA_PAT) || undefined };
  }
  return input;
}

export async function reportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: REPORT_FLAGS, allowPositionals: true, strict: true });
  rejectEmptyValues(values);
  const format = values.format ?? 'table';
  if (!['table', 'json', 'md', 'csv'].includes(format)) throw new UsageError(`--format must be table, json, md or csv (got "${format}")`);
  const now = Math.floor(io.now() / 1000);
  const window = parseWindow(values.since, values.until, now);
  const input = await pipelineInputFrom(values, io);
  await fetchPrHeadsIfAsked(values, input, io);
  const bar = progressReporter(io.stderr);
  let result;
  try {
    result = await runPipeline({ ...input, window, now, onProgress: bar.onProgress });
  } finally {
    bar.stop();
  }
  const { report } = result;
  if (format === 'json') io.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else if (format === 'md') io.stdout.write(renderMarkdown(report));
  else if (format === 'csv') io.stdout.write(renderCsv(report));
  else io.stdout.write(renderTable(report));
  if (format !== 'table') for (const w of report.warnings ?? []) tell(io, `warning: ${w}`);
  return 0;
}

/**
 * `--fetch-pr-heads` (spec v2): the user's explicit request for the one git call that reaches the
 * network, before the report reads the heads. A failed fetch ends the run with git's reason.
 */
export async function fetchPrHeadsIfAsked(values: Values, input: Pick<PipelineInput, 'repoPath'>, io: CliIo): Promise<void> {
  if (!values['fetch-pr-heads']) return;
  if (values.offline) throw new UsageError('--fetch-pr-heads fetches from the remote and --offline forbids the network: use one of them');
  const top = await resolveRepository(input.repoPath);
  if (io.stderr.isTTY) tell(io, 'fetching pull request heads (git fetch, with your git credentials)…');
  const fetched = await fetchPrHeads(top);
  tell(io, `fetched ${fetched.heads} pull request heads from ${fetched.remote}`);
}

export function isUsageProblem(e: unknown): boolean {
  return e instanceof UsageError || e instanceof RepoError || (e instanceof GitError && e.missingObjects) || e instanceof OptionError || (e as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS') === true;
}
