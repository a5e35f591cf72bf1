/**
 * GitHub tokens come from VS Code's own authentication providers ('github' or, for a GitHub
 * Enterprise Server apiUrl, 'github-enterprise'). Background refreshes never prompt: the user is
 * asked only from the "Configure GitHub" command.
 */
import * as vscode from 'vscode';
import { SECTION, githubAuthProvider } from '../settings/settings';
import { githubSignInFailure } from '../common/sourceWording';

const SCOPES = ['repo'];

export async function githubToken(apiUrl: string, interactive: boolean): Promise<string | undefined> {
  const provider = githubAuthProvider(apiUrl);
  const session = interactive
    ? await vscode.authentication.getSession(provider, SCOPES, { createIfNone: true })
    : await vscode.authentication.getSession(provider, SCOPES, { silent: true });
  return session?.accessToken;
}

export async function githubAccountLabel(apiUrl: string): Promise<string | undefined> {
  const session = await vscode.authentication.getSession(githubAuthProvider(apiUrl), SCOPES, { silent: true });
  return session?.account.label;
}

/**
 * The interactive sign-in of Configure GitHub. A failure (VS Code says only "No auth flow
 * succeeded") is told with what was tried and what to try next; the user's own cancel is silent.
 */
export async function signInToGitHub(apiUrl: string, log: vscode.LogOutputChannel): Promise<string | undefined> {
  try {
    return await githubToken(apiUrl, true);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const failure = e instanceof vscode.CancellationError ? undefined : githubSignInFailure(apiUrl, message);
    if (!failure) return undefined;
    log.error(`GitHub sign-in (${apiUrl}) failed: ${message}`);
    const pick = await vscode.window.showErrorMessage(`Engineering KPIs: ${failure}`, 'Retry', 'Open Setting', 'Show Log');
    if (pick === 'Retry') return signInToGitHub(apiUrl, log);
    if (pick === 'Open Setting') void vscode.commands.executeCommand('workbench.action.openSettings', `${SECTION}.github.apiUrl`);
    if (pick === 'Show Log') log.show();
    return undefined;
  }
}
