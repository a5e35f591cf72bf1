/**
 * Exports of the review on the review tab: Markdown into an untitled editor (ready to paste into
 * Confluence or a PR), a standalone HTML page (Chart.js inlined, opens offline) or JSON, to a file.
 */
import * as vscode from 'vscode';
import { renderReviewHtml } from '../../core/sprintReview/renderReviewHtml';
import { renderReviewJson } from '../../core/sprintReview/renderReviewJson';
import { renderReviewMarkdown } from '../../core/sprintReview/renderReviewMarkdown';
import type { ReviewExportFormat } from '../../shared/protocol';
import { COMMANDS } from '../../shared/commandIds';
import { reviewFileName } from './sprintReviewChoices';
import type { ShownReview } from './reviewTab';
import { reviewAdvice } from '../common/sourceWording';

const FORMATS: Array<{ format: ReviewExportFormat; label: string; detail: string }> = [
  { format: 'md', label: 'Markdown', detail: 'Opens in an editor, ready to paste into Confluence or a pull request' },
  { format: 'html', label: 'HTML', detail: 'One standalone file with the charts; opens offline in any browser' },
  { format: 'json', label: 'JSON', detail: 'Every figure, as the CLI prints it with --format json' },
];

/**
 * An untitled editor whose Save offers `target`'s name and folder (an untitled document without a
 * path would offer its first line, "# Sprint review: … → ….md"). A second export of the same period
 * replaces the text of the first one's editor, if still open.
 */
async function openUntitledMarkdown(target: vscode.Uri, text: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: false });
  const all = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
  await editor.edit((b) => b.replace(all, text));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  editor.revealRange(new vscode.Range(0, 0, 0, 0));
}

/** `shown`: the review tab's review; `format` comes from the tab's buttons, the palette command asks for it. */
export async function exportSprintReview(shown: ShownReview | undefined, format: ReviewExportFormat | undefined, log: vscode.LogOutputChannel): Promise<void> {
  if (!shown) {
    const run = await vscode.window.showWarningMessage('Engineering KPIs: there is no sprint review to export yet.', 'Run Sprint Review…');
    if (run) await vscode.commands.executeCommand(COMMANDS.sprintReview);
    return;
  }
  const fmt = format ?? (await vscode.window.showQuickPick(FORMATS, { title: `Export sprint review: ${shown.review.period.name}` }))?.format;
  if (!fmt) return;
  const { review, root } = shown;
  const advice = reviewAdvice(review.sources);
  if (fmt === 'md') {
    await openUntitledMarkdown(vscode.Uri.joinPath(root, reviewFileName(review, 'md')), renderReviewMarkdown(review, { advice }));
    log.info(`sprint review ${review.period.name}: Markdown opened in an editor`);
    return;
  }
  const label = fmt === 'html' ? 'HTML' : 'JSON';
  const target = await vscode.window.showSaveDialog({
    defaultUri: vscode.Uri.joinPath(root, reviewFileName(review, fmt)),
    filters: { [label]: [fmt] },
    title: `Save sprint review as ${label}`,
  });
  if (!target) return;
  const text = fmt === 'html' ? renderReviewHtml(review, { advice }) : renderReviewJson(review);
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
  log.info(`sprint review ${review.period.name}: ${label} saved to ${target.fsPath}`);
  const open = fmt === 'html' ? 'Open in Browser' : 'Open';
  void vscode.window.showInformationMessage(`Engineering KPIs: sprint review saved to ${target.fsPath}`, open).then((c) => {
    if (!c) return;
    if (fmt === 'html') void vscode.env.openExternal(target);
    else void vscode.window.showTextDocument(target, { preview: true });
  });
}
