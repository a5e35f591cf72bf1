/**
 * Entry point. activate() only wires things up and returns: the first computation is scheduled
 * in the background (from the cache, then incremental), so the editor never waits for git. Every
 * object it makes is disposed with the extension (context.subscriptions); none lives in a module.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands/commands';
import { KpiHost } from './session/kpiHost';
import { PanelController } from './panel/panelController';
import { Secrets } from './auth/secrets';
import { COMMIT_SCHEME, CommitDiffProvider } from './panel/commitDiff';
import { ReviewTab } from './sprintReview/reviewTab';
import { exportSprintReview } from './sprintReview/sprintReviewExport';

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Engineering KPIs', { log: true });
  const secrets = new Secrets(context.secrets);
  const host = new KpiHost(context, log, secrets);
  const reviews = new ReviewTab();
  const panel = new PanelController({ extensionUri: context.extensionUri, host, reviews, exportReview: (format) => exportSprintReview(reviews.shownReview(), format, log) });
  context.subscriptions.push(
    log,
    host,
    panel,
    ...registerCommands({ host, secrets, log, panel, reviews }),
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDiffProvider(() => host.allSessions().map((s) => s.root))),
  );
  host.start();
  log.info(`activate() took ${(performance.now() - started).toFixed(1)} ms (extension host up ${process.uptime().toFixed(2)} s)`);
}

export function deactivate(): void {
  // Everything activate() made is in context.subscriptions, which VS Code disposes.
}
