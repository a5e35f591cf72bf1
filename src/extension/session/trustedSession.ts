import * as vscode from 'vscode';
import { MANAGE_TRUST } from '../../shared/commandIds';
import type { KpiHost } from './kpiHost';
import type { RepoSession } from './repoSession';

/**
 * The repository a git-running command acts on, or undefined after telling the user why there is
 * none: in Restricted Mode the extension runs no git (and offers the trust dialog), and a workspace
 * without a repository has nothing to read. `doing` completes "trust this folder to …".
 */
export async function trustedSession(host: KpiHost, doing: string): Promise<RepoSession | undefined> {
  if (!host.isTrusted()) {
    await offerTrust(doing);
    return undefined;
  }
  const session = host.activeSession();
  if (!session) void vscode.window.showWarningMessage('Engineering KPIs: no git repository in this workspace. Open a folder that contains a .git folder.');
  return session;
}

/** Restricted Mode, said when the user asked for something: what trusting the folder allows, and the button to the trust dialog. */
export async function offerTrust(doing: string): Promise<void> {
  const c = await vscode.window.showWarningMessage(`Engineering KPIs: trust this folder to ${doing} (Restricted Mode runs no git).`, 'Manage Workspace Trust');
  if (c) await vscode.commands.executeCommand(MANAGE_TRUST);
}
