/** How the status bar tooltip and the panel's cards name what a loading KPI waits for (partialReportTypes.ts). */
import type { PendingInput } from '../core/metrics/reportInput';

const WORDS: Record<PendingInput, string> = { files: 'the files the bug fixes changed', lines: 'the lines of code at HEAD', github: 'GitHub', jira: 'Jira' };

/** "waiting for the lines of code at HEAD and Jira" */
export function waitingText(waitingFor: readonly PendingInput[]): string {
  const names = waitingFor.map((p) => WORDS[p]);
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : (names[0] ?? 'the rest of the data');
  return `waiting for ${list}`;
}
