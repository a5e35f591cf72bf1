/**
 * Configure Jira: site URL, (Cloud) e-mail, token, project, board, each step checked against the
 * site before anything is said. The URL, project and board go to the workspace settings (a team
 * shares them); the e-mail to the user settings (a person's, never in the repository); the token to
 * SecretStorage only, never echoed, logged or sent to the webview.
 */
import * as vscode from 'vscode';
import { checkCredentialUrl } from '../../core/sources/http/credentialUrl';
import type { SourceFault } from '../../core/model/dataset';
import type { JiraSite } from '../../core/sources/jira/checkConnection';
import type { JiraApi } from '../../core/sources/jira/jiraApi';
import { withCancellableNotification } from '../common/cancellation';
import { askInput, pickBoard } from './jiraSetupInputs';
import type { Secrets } from './secrets';
import { EDITOR_URL_ROLES, hostOf } from '../settings/settings';
import { JiraSetupSettings } from '../settings/vscodeSettings';
import { COMMANDS } from '../../shared/commandIds';
import { adviceText, jiraAdvice } from '../common/sourceWording';

type JiraChunk = typeof import('../../core/sources/jira/syncJira');

/** Why the connection is not usable, as the notification says it. */
class NotConnected extends Error {
  constructor(readonly fault: SourceFault) {
    super(adviceText(jiraAdvice(fault)));
  }
}

export async function configureJira(secrets: Secrets, log: vscode.LogOutputChannel): Promise<void> {
  const settings = new JiraSetupSettings();
  const url = await askInput({
    title: 'site URL',
    step: 1,
    prompt: 'e.g. https://your-team.atlassian.net or your Jira Server / Data Center URL',
    value: settings.url,
    // The rule the sync applies: https (or loopback http), no user name or password in the URL.
    validate: (v) => {
      const checked = checkCredentialUrl(v, { ...EDITOR_URL_ROLES.jira, name: 'The site URL' });
      return 'problem' in checked ? checked.problem : undefined;
    },
  });
  if (url === undefined) return;
  const site = url.trim().replace(/\/+$/, '');
  const jira: JiraChunk = await import('../../core/sources/jira/syncJira');

  // serverInfo answers without credentials: it tells Cloud from Server and whether the URL works at all.
  const probe = await checking(`Checking ${hostOf(site)}…`, (signal) => jira.probeSite(new jira.JiraApi(site, { token: '' }, undefined, signal)));
  if (probe === undefined) return;
  const siteInfo: JiraSite | null = probe.ok ? probe.value : null;
  const cloud = siteInfo ? siteInfo.deployment === 'cloud' : (settings.deployment === 'cloud' || /\.atlassian\.net$/i.test(hostOf(site)));
  const total = cloud ? 5 : 4;

  let email = '';
  if (cloud) {
    const entered = await askInput({
      title: 'account e-mail (Jira Cloud signs in with e-mail + API token)',
      step: 2,
      total,
      prompt: 'Kept in your user settings, not in the repository.',
      value: settings.email,
      validate: (v) => (/^\S+@\S+$/.test(v.trim()) ? undefined : 'Enter the e-mail of your Atlassian account'),
    });
    if (entered === undefined) return;
    email = entered.trim();
  }
  const stored = await secrets.jiraToken();
  const tokenInput = await askInput({
    title: cloud ? 'API token' : 'personal access token',
    step: cloud ? 3 : 2,
    total,
    prompt: `Stored in VS Code SecretStorage only; never in settings or logs.${stored ? ' Leave empty to keep the stored token.' : ''}`,
    password: true,
    validate: (v) => (v.trim() || stored ? undefined : 'A token is needed'),
  });
  if (tokenInput === undefined) return;
  const token = tokenInput.trim() || stored || '';

  // Saved together, once the outcome is known (a refresh between steps would report a half-made setup).
  const saveSite = async (): Promise<void> => {
    await settings.saveSite(site, siteInfo?.deployment, email);
    if (tokenInput.trim()) await secrets.setJiraToken(token);
    log.info(`Jira settings saved for ${hostOf(site)} (token in SecretStorage)`);
  };

  const api = (signal?: AbortSignal): JiraApi => new jira.JiraApi(site, { email: email || undefined, token }, undefined, signal);
  try {
    if (!probe.ok) throw new NotConnected(probe.fault);
    const who = await checking('Signing in to Jira…', async (signal) => unwrap(await jira.checkAccount(api(signal))));
    if (who === undefined) return;
    const project = await askProject(jira, api, settings.project, total);
    if (project === undefined) return;
    const boards = await checking(`Listing the boards of ${project.key}…`, async (signal) => unwrap(await jira.listScrumBoards(api(signal), project.key)));
    if (boards === undefined) return;
    const board = await pickBoard(boards, project.key, settings.boardId, { step: total, total });
    if (board === undefined) return;
    await saveSite();
    await settings.saveProject(project.key, board === 'none' ? undefined : board.id);
    const where = board === 'none' ? `project ${project.key}, no board (velocity in changes per week)` : `project ${project.key}, board ${board.id} “${board.name}”`;
    log.info(`Jira connected to ${hostOf(site)} as ${who}: ${where}`);
    void vscode.window.showInformationMessage(`Engineering KPIs: Jira connected as ${who} (${siteLabel(siteInfo)}): ${where}. KPIs will refresh now.`);
  } catch (e) {
    if (!(e instanceof NotConnected)) throw e;
    // What was typed is kept even though the site fails now (a VPN may be down): the panel and the
    // status bar then say the same cause as this notification, until Configure Jira is run again.
    await saveSite();
    log.warn(`Jira not connected (${e.fault.kind}${e.fault.code ? ` ${e.fault.code}` : ''}${e.fault.endpoint ? ` on ${e.fault.endpoint}` : ''}): ${e.message}`);
    const pick = await vscode.window.showErrorMessage(`Engineering KPIs: Jira not connected — ${e.message}`, 'Configure Jira', 'Show Log');
    if (pick === 'Configure Jira') void vscode.commands.executeCommand(COMMANDS.configureJira);
    if (pick === 'Show Log') log.show();
  }
}

/** The project key, checked in place: an unknown key is said inside the box, so it can be corrected. */
async function askProject(jira: JiraChunk, api: (signal?: AbortSignal) => JiraApi, current: string, total: number): Promise<{ key: string; name: string } | undefined> {
  let found: { key: string; name: string } | undefined;
  const key = await askInput({
    title: 'project key',
    step: total - 1,
    total,
    prompt: 'The key in the project\'s issue keys, e.g. ABC for ABC-123.',
    value: current,
    validate: (v) => (/^[A-Za-z][A-Za-z0-9_]*$/.test(v.trim()) ? undefined : 'Enter a project key such as ABC'),
    check: async (v) => {
      const r = await jira.checkProject(api(), v.trim().toUpperCase());
      if (r.ok) {
        found = r.value;
        return undefined;
      }
      if (r.fault.kind === 'no-project') return jiraAdvice(r.fault).cause;
      throw new NotConnected(r.fault);
    },
  });
  return key === undefined ? undefined : found;
}

function unwrap<T>(r: { ok: true; value: T } | { ok: false; fault: SourceFault }): T {
  if (!r.ok) throw new NotConnected(r.fault);
  return r.value;
}

/** Runs a check with a cancellable notification; undefined when the user cancelled it. */
function checking<T>(title: string, run: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
  return withCancellableNotification(`Engineering KPIs: ${title}`, run);
}

function siteLabel(site: JiraSite | null): string {
  if (!site) return 'Jira';
  return `${site.deployment === 'cloud' ? 'Jira Cloud' : 'Jira Server / Data Center'}${site.version ? ` ${site.version}` : ''}`;
}

export async function signOutOfJira(secrets: Secrets, log: vscode.LogOutputChannel): Promise<void> {
  await secrets.deleteJiraToken();
  log.info('Jira token removed from SecretStorage');
  void vscode.window.showInformationMessage('Engineering KPIs: signed out of Jira (token removed).');
}

