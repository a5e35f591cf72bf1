/**
 * The one place where VS Code's CancellationToken becomes an AbortSignal: below this line the core
 * only knows AbortSignal (it also runs in the CLI, where there is no editor).
 */
import * as vscode from 'vscode';

export function signalFromToken(token: vscode.CancellationToken, ...others: AbortSignal[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const sub = token.onCancellationRequested(() => controller.abort());
  const signal = others.length > 0 ? AbortSignal.any([controller.signal, ...others]) : controller.signal;
  return { signal, dispose: () => sub.dispose() };
}

/**
 * Runs `run` under a cancellable notification titled `title`; undefined when the user cancelled it
 * (an error after the cancel is the cancel's doing, not a failure to report).
 */
export async function withCancellableNotification<T>(title: string, run: (signal: AbortSignal, report: (message: string) => void) => Promise<T>): Promise<T | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const { signal, dispose } = signalFromToken(token);
    try {
      return await run(signal, (message) => progress.report({ message }));
    } catch (e) {
      if (signal.aborted) return undefined;
      throw e;
    } finally {
      dispose();
    }
  });
}
