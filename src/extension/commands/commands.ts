/**
 * Every command, registered from one table. The ids match package.json's contributes.commands.
 */
import * as vscode from 'vscode';
import { exportReport } from './exportReport';
import { githubAccountLabel, signInToGitHub } from '../auth/githubAuth';
import { configureJira, signOutOfJira } from '../auth/jiraSetup';
import type { KpiHost } from '../session/kpiHost';
import { KpiPanel } from '../panel/kpiPanel';
import type { Secrets } from '../auth/secrets';
import { SECTION } from '../settings/settings';
import { redactUrls } from '../../core/sources/http/credentialUrl';
import { settingsFor } from '../settings/vscodeSettings';
import { runSprintReview } from '../sprintReview/runSprintReview';
import { exportSprintReview } from '../sprintReview/sprintReviewExport';
import { fetchPullRequestHeads } from './fetchPrHeadsCommand';
import { openCommitDiff } from '../panel/commitDiff';
import { windowName } from '../../shared/windowNames';

export interface CommandDeps {
  host: KpiHost;
  secrets: Secrets;
  log: vscode.LogOutputChannel;
  extensionUri: vscode.Uri;
}

export const COMMAND_IDS = {
  openPanel: 'engineeringKpis.openPanel',
  refresh: 'engineeringKpis.refresh',
  configureGitHub: 'engineeringKpis.configureGitHub',
  configureJira: 'engineeringKpis.configureJira',
  signOutJira: 'engineeringKpis.signOutJira',
  exportReport: 'engineeringKpis.exportReport',
  showLog: 'engineeringKpis.showLog',
  sprintReview: 'engineeringKpis.sprintReview',
  exportSprintReview: 'engineeringKpis.exportSprintReview',
  fetchPullRequestHeads: 'engineeringKpis.fetchPullRequestHeads',
  showCommit: 'engineeringKpis.showCommit',
} as const;

/** `args`: what executeCommand passed (the drill-down's commit: its id and repository folder URI). */
type Handler = (deps: CommandDeps, ...args: unknown[]) => unknown;

const TABLE: Record<(typeof COMMAND_IDS)[keyof typeof COMMAND_IDS], Handler> = {
  [COMMAND_IDS.openPanel]: ({ host, extensionUri }) => KpiPanel.show(extensionUri, host),
  [COMMAND_IDS.refresh]: ({ host }) => host.refreshAll(true),
  [COMMAND_IDS.configureGitHub]: async ({ host, log }) => {
    const apiUrl = settingsFor(host.activeSession()?.root).github.apiUrl;
    const token = await signInToGitHub(apiUrl, log);
    if (!token) return;
    await vscode.workspace.getConfiguration(SECTION).update('github.enabled', true, vscode.ConfigurationTarget.Global);
    const who = await githubAccountLabel(apiUrl);
    log.info(`GitHub connected${who ? ` as ${who}` : ''} (${redactUrls(apiUrl)})`);
    void vscode.window.showInformationMessage(`Engineering KPIs: GitHub connected${who ? ` as ${who}` : ''}.`);
  },
  [COMMAND_IDS.configureJira]: ({ secrets, log }) => configureJira(secrets, log),
  [COMMAND_IDS.signOutJira]: ({ secrets, log }) => signOutOfJira(secrets, log),
  // What the user is looking at: the panel's window when the panel is open, else the status bar's.
  [COMMAND_IDS.exportReport]: ({ host, log }) => {
    const session = host.activeSession();
    const shown = KpiPanel.current?.shownReport() ?? (session?.report ? { report: session.report, windowName: windowName(host.defaultWindow()) } : undefined);
    return exportReport(shown, session?.root, log);
  },
  [COMMAND_IDS.showLog]: ({ log }) => log.show(),
  [COMMAND_IDS.sprintReview]: ({ host, extensionUri, log }) => runSprintReview(host, extensionUri, log),
  [COMMAND_IDS.exportSprintReview]: ({ log }) => exportSprintReview(undefined, log),
  [COMMAND_IDS.fetchPullRequestHeads]: ({ host, log }) => fetchPullRequestHeads(host, log),
  [COMMAND_IDS.showCommit]: ({ host }, hash, root) => {
    // Only a repository with a session: the folder comes from the panel, never from data.
    const session = host.allSessions().find((s) => s.root.toString() === root) ?? host.activeSession();
    if (!session || typeof hash !== 'string') return;
    if (!host.isTrusted()) return void vscode.window.showWarningMessage('Engineering KPIs: trust this folder to see commits (Restricted Mode runs no git).');
    return openCommitDiff(session.root, hash);
  },
};

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return Object.entries(TABLE).map(([id, handler]) =>
    vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await handler(deps, ...args);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        deps.log.error(`${id}: ${message}`);
        void vscode.window.showErrorMessage(`Engineering KPIs: ${message}`, 'Show Log').then((c) => c && deps.log.show());
      }
    }),
  );
}
