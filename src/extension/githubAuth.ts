/**
 * GitHub tokens come from VS Code's own authentication providers ('github' or, for a GitHub
 * Enterprise Server apiUrl, 'github-enterprise'). Background refreshes never prompt: the user is
 * asked only from the "Configure GitHub" command.
 */
import * as vscode from 'vscode';
import { githubAuthProvider } from './settings';

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
