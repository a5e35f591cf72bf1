/**
 * Entry point. activate() only wires things up and returns: the first computation is scheduled
 * in the background (from the cache, then incremental), so the editor never waits for git.
 */
import * as vscode from 'vscode';
import { registerCommands } from './commands/commands';
import { KpiHost } from './session/kpiHost';
import { KpiPanel, PANEL_VIEW_TYPE } from './panel/kpiPanel';
import { Secrets } from './auth/secrets';
import { isPanelUiState } from '../shared/protocol';
import { COMMIT_SCHEME, CommitDiffProvider } from './panel/commitDiff';

let host: KpiHost | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Engineering KPIs', { log: true });
  const secrets = new Secrets(context.secrets);
  host = new KpiHost(context, log, secrets);
  const h = host;
  context.subscriptions.push(
    log,
    h,
    ...registerCommands({ host: h, secrets, log, extensionUri: context.extensionUri }),
    vscode.workspace.registerTextDocumentContentProvider(COMMIT_SCHEME, new CommitDiffProvider(() => h.allSessions().map((s) => s.root))),
    vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state: unknown) => {
        KpiPanel.revive(panel, state, context.extensionUri, h, isPanelUiState);
      },
    }),
  );
  h.start();
  log.info(`activate() took ${(performance.now() - started).toFixed(1)} ms (extension host up ${process.uptime().toFixed(2)} s)`);
}

export function deactivate(): void {
  host = undefined;
}
