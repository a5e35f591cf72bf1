/**
 * The one place where VS Code's CancellationToken becomes an AbortSignal: below this line the core
 * only knows AbortSignal (it also runs in the CLI, where there is no editor).
 */
import type * as vscode from 'vscode';

export function signalFromToken(token: vscode.CancellationToken, ...others: AbortSignal[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  const sub = token.onCancellationRequested(() => controller.abort());
  const signal = others.length > 0 ? AbortSignal.any([controller.signal, ...others]) : controller.signal;
  return { signal, dispose: () => sub.dispose() };
}
