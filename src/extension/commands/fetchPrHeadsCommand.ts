/**
 * "Engineering KPIs: Fetch Pull Request Heads" (spec v2 §1): the editor's way to the one git fetch
 * the product ever runs. Only on the user's command, only in a trusted workspace, with git's own
 * progress in a cancellable notification; the fetch itself is the core's (fetchPrHeads.ts).
 */
import * as vscode from 'vscode';
import { fetchPrHeads } from '../../core/sources/git/fetchPrHeads';
import { withCancellableNotification } from '../common/cancellation';
import type { KpiHost } from '../session/kpiHost';
import { trustedSession } from '../session/trustedSession';

export async function fetchPullRequestHeads(host: KpiHost, log: vscode.LogOutputChannel): Promise<void> {
  const session = await trustedSession(host, 'fetch pull request heads');
  if (!session) return;
  const result = await withCancellableNotification(`Engineering KPIs: fetching pull request heads of ${session.name}`, (signal, report) =>
    fetchPrHeads(session.root.fsPath, { signal, onProgress: (p) => report(p.message) }),
  );
  if (!result) {
    log.info(`${session.name}: fetching pull request heads cancelled`);
    return;
  }
  log.info(`${session.name}: fetched ${result.heads} pull request heads from ${result.remote}`);
  void vscode.window.showInformationMessage(`Engineering KPIs: ${result.heads} pull request heads from ${result.remote}; squash merges now have their start.`);
  // The refs watcher sees the new refs too; refreshing here shows the numbers without waiting for it.
  void session.refresh(false);
}
