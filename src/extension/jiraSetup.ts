/**
 * Configure Jira: the URL, project, board and e-mail go to settings; the token goes to
 * SecretStorage only, and is never echoed, logged or sent to the webview.
 */
import * as vscode from 'vscode';
import { checkCredentialUrl } from '../core/sources/http/credentialUrl';
import { EDITOR_URL_ROLES, SECTION } from './settings';
import type { Secrets } from './secrets';

export async function configureJira(secrets: Secrets, log: vscode.LogOutputChannel): Promise<void> {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const target = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  const url = await vscode.window.showInputBox({
    title: 'Configure Jira (1/4): site URL',
    prompt: 'e.g. https://your-team.atlassian.net or your Jira Server / Data Center URL',
    value: cfg.get<string>('jira.url') ?? '',
    ignoreFocusOut: true,
    // The rule the sync applies: https (or loopback http), no user name or password in the URL.
    validateInput: (v) => {
      const checked = checkCredentialUrl(v, { ...EDITOR_URL_ROLES.jira, name: 'The site URL' });
      return 'problem' in checked ? checked.problem : undefined;
    },
  });
  if (url === undefined) return;
  const cloud = /\.atlassian\.net/i.test(url);
  const email = cloud
    ? await vscode.window.showInputBox({ title: 'Configure Jira (2/4): account e-mail (Jira Cloud signs in with e-mail + API token)', value: cfg.get<string>('jira.email') ?? '', ignoreFocusOut: true })
    : '';
  if (email === undefined) return;
  const project = await vscode.window.showInputBox({ title: 'Configure Jira (3/4): project key (optional)', value: cfg.get<string>('jira.project') ?? '', ignoreFocusOut: true });
  if (project === undefined) return;
  const token = await vscode.window.showInputBox({
    title: `Configure Jira (4/4): ${cloud ? 'API token' : 'personal access token'}`,
    prompt: 'Stored in VS Code SecretStorage only; never in settings or logs.',
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'A token is needed'),
  });
  if (token === undefined) return;
  await cfg.update('jira.url', url.trim().replace(/\/+$/, ''), target);
  await cfg.update('jira.email', email.trim() || undefined, target);
  await cfg.update('jira.project', project.trim() || undefined, target);
  await secrets.setJiraToken(token.trim());
  log.info(`Jira configured for ${new URL(url.trim()).host} (token stored in SecretStorage)`);
  void vscode.window.showInformationMessage('Engineering KPIs: Jira connected. KPIs will refresh now.');
}

export async function signOutOfJira(secrets: Secrets, log: vscode.LogOutputChannel): Promise<void> {
  await secrets.deleteJiraToken();
  log.info('Jira token removed from SecretStorage');
  void vscode.window.showInformationMessage('Engineering KPIs: signed out of Jira (token removed).');
}
