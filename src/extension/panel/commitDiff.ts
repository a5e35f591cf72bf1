/**
 * Read-only documents of commit diffs (`engineering-kpis-commit:` URIs), opened from a drill-down
 * row. A URI names one of the open repositories and a checked commit id; nothing runs in Restricted Mode.
 */
import * as vscode from 'vscode';
import { isCommitId } from '../../shared/protocol';
import { showCommit } from './commitShow';

export const COMMIT_SCHEME = 'engineering-kpis-commit';

/** `engineering-kpis-commit:/shop/1a2b3c4d5e.diff?<repository folder URI>`: the name reads well in the tab. */
export function commitUri(root: vscode.Uri, hash: string): vscode.Uri {
  const name = root.path.split('/').filter(Boolean).pop() ?? 'repository';
  return vscode.Uri.from({ scheme: COMMIT_SCHEME, path: `/${name}/${hash}.diff`, query: root.toString() });
}

export class CommitDiffProvider implements vscode.TextDocumentContentProvider {
  /** `roots`: the repositories with a session: a URI cannot point git at any other folder. */
  constructor(private readonly roots: () => vscode.Uri[]) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    if (!vscode.workspace.isTrusted) return 'Engineering KPIs runs no git in Restricted Mode: trust the folder to see this commit.';
    const root = this.roots().find((r) => r.toString() === uri.query);
    const hash = /([0-9a-f]+)\.diff$/.exec(uri.path)?.[1] ?? '';
    if (!root || !isCommitId(hash)) return 'Engineering KPIs: this commit is not in an open repository.';
    try {
      return await showCommit(root.fsPath, hash);
    } catch (e) {
      return `Engineering KPIs: git could not show ${hash}: ${(e as Error).message}`;
    }
  }
}

/** The command behind a drill-down's commit: opens its diff beside the panel. */
export async function openCommitDiff(root: vscode.Uri, hash: string): Promise<void> {
  if (!isCommitId(hash)) throw new Error(`not a commit id: ${hash.slice(0, 80)}`);
  const doc = await vscode.workspace.openTextDocument(commitUri(root, hash));
  await vscode.languages.setTextDocumentLanguage(doc, 'diff');
  await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}
