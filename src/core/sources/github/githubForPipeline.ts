import type { Dataset } from '../../model/dataset';
import { syncGitHub, type GitHubSyncConfig, type GitHubSyncContext } from './syncGitHub';

type GitHubPart = Pick<Dataset, 'pullRequests' | 'githubIssues' | 'releases'> & { status: Dataset['sources']['github'] };

/** Syncs the repository `resolveGitHubTarget` chose (loaded on demand: it carries octokit). */
export async function loadGitHubForPipeline(cfg: GitHubSyncConfig, cacheDir: string, ctx: GitHubSyncContext): Promise<GitHubPart> {
  const data = await syncGitHub(cfg, cacheDir, ctx);
  if (data.status.status === 'off') return { status: data.status };
  return { status: data.status, pullRequests: data.pullRequests, githubIssues: data.issues, releases: data.releases };
}
