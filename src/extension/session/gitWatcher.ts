/**
 * Watches HEAD and refs (not the object store) so a commit, checkout, fetch or rebase refreshes the
 * KPIs once, after the burst of ref writes settles.
 */
import * as vscode from 'vscode';
import { debounce } from './debounce';

export function watchGitRefs(root: vscode.Uri, onChange: () => void, delayMs = 1500): vscode.Disposable {
  const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(root, '.git/{HEAD,packed-refs,refs/**}'));
  const d = debounce(onChange, delayMs);
  const subs = [watcher.onDidChange(() => d.trigger()), watcher.onDidCreate(() => d.trigger()), watcher.onDidDelete(() => d.trigger())];
  return new vscode.Disposable(() => {
    d.dispose();
    subs.forEach((s) => s.dispose());
    watcher.dispose();
  });
}
