/**
 * Every command, registered from one table keyed by the ids in shared/commandIds.ts.
 */
import * as vscode from 'vscode';
import { exportReport } from './exportReport';
import { githubAccountLabel, signInToGitHub } from '../auth/githubAuth';
import { configureJira, signOutOfJira } from '../auth/jiraSetup';
import type { KpiHost } from '../session/kpiHost';
import type { PanelController } from '../panel/panelController';
import type { Secrets } from '../auth/secrets';
import { redactUrls } from '../../core/sources/http/credentialUrl';
import { enableGitHub, settingsFor } from '../settings/vscodeSettings';
import { runSprintReview } from '../sprintReview/runSprintReview';
import { exportSprintReview } from '../sprintReview/sprintReviewExport';
import type { ReviewTab } from '../sprintReview/reviewTab';
import { COMMANDS, type CommandId } from '../../shared/commandIds';
import { fetchPullRequestHeads } from './fetchPrHeadsCommand';
import { openCommitDiff } from '../panel/commitDiff';
import { windowName } from '../../shared/windowNames';

export interface CommandDeps {
  host: KpiHost;
  secrets: Secrets;
  log: vscode.LogOutputChannel;
  panel: PanelController;
  reviews: ReviewTab;
}

/** `args`: what executeCommand passed (the drill-down's commit: its id and repository folder URI). */
type Handler = (deps: CommandDeps, ...args: unknown[]) => unknown;

const TABLE: Record<CommandId, Handler> = {
  [COMMANDS.openPanel]: ({ panel }) => panel.show(),
  [COMMANDS.refresh]: ({ host }) => host.refreshAll(true),
  [COMMANDS.configureGitHub]: async ({ host, log }) => {
    const apiUrl = settingsFor(host.activeSession()?.root).github.apiUrl;
    const token = await signInToGitHub(apiUrl, log);
    if (!token) return;
    await enableGitHub();
    const who = await githubAccountLabel(apiUrl);
    log.info(`GitHub connected${who ? ` as ${who}` : ''} (${redactUrls(apiUrl)})`);
    void vscode.window.showInformationMessage(`Engineering KPIs: GitHub connected${who ? ` as ${who}` : ''}.`);
  },
  [COMMANDS.configureJira]: ({ secrets, log }) => configureJira(secrets, log),
  [COMMANDS.signOutJira]: ({ secrets, log }) => signOutOfJira(secrets, log),
  // What the user is looking at: the panel's window when the panel is open, else the status bar's.
  [COMMANDS.exportReport]: ({ host, panel, log }) => {
    const session = host.activeSession();
    const shown = panel.shownReport() ?? (session?.report ? { report: session.report, windowName: windowName(host.defaultWindow()) } : undefined);
    return exportReport(shown, session?.root, log);
  },
  [COMMANDS.showLog]: ({ log }) => log.show(),
  [COMMANDS.sprintReview]: ({ host, reviews, panel, log }) => runSprintReview(host, reviews, panel, log),
  [COMMANDS.exportSprintReview]: ({ reviews, log }) => exportSprintReview(reviews.shownReview(), undefined, log),
  [COMMANDS.fetchPullRequestHeads]: ({ host, log }) => fetchPullRequestHeads(host, log),
  [COMMANDS.showCommit]: ({ host }, hash, root) => {
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
