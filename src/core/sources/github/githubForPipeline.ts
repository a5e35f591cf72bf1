import type { Dataset } from '../../model/dataset';
import type { PipelineInput } from '../../pipelineTypes';
import type { GitHubTarget } from './githubTarget';
import { syncGitHub } from './syncGitHub';

type GitHubPart = Pick<Dataset, 'pullRequests' | 'githubIssues' | 'releases'> & { status: Dataset['sources']['github'] };

/** Syncs the repository `resolveGitHubTarget` chose (loaded on demand: it carries octokit). */
export async function loadGitHubForPipeline(target: Exclude<GitHubTarget, { status: unknown }>, cacheDir: string, input: PipelineInput): Promise<GitHubPart> {
  const data = await syncGitHub(
    { owner: target.owner, name: target.name, apiUrl: target.apiUrl, token: input.github?.token ?? (async () => undefined), offline: input.offline },
    cacheDir,
    { signal: input.signal, onProgress: input.onProgress, bugLabelPattern: input.options.bugLabelPattern, httpLimits: input.httpLimits },
  );
  if (data.status.status === 'off') return { status: data.status };
  return { status: data.status, pullRequests: data.pullRequests, githubIssues: data.issues, releases: data.releases };
}
