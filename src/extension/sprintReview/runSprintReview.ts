/**
 * `Engineering KPIs: Sprint Review…`: pick a sprint (with Jira) or a date range, build the review
 * from the dataset already in memory (no git, no API), and show it on the panel's review tab.
 */
import * as vscode from 'vscode';
import { buildSprintReview, loadSprintReviewFiles } from '../../core/sprintReview/buildSprintReview';
import { listReviewPeriods, PeriodError } from '../../core/sprintReview/reviewPeriods';
import type { ReviewSelection } from '../../core/sprintReview/reviewTypes';
import { settingsFor } from '../settings/vscodeSettings';
import type { PanelController } from '../panel/panelController';
import type { KpiHost } from '../session/kpiHost';
import { trustedSession } from '../session/trustedSession';
import { customRangeSelection, defaultCustomRange, reviewPickItems, selectionForChoice, validateReviewDate } from './sprintReviewChoices';
import type { ReviewTab } from './reviewTab';

async function askCustomRange(now: number): Promise<ReviewSelection | undefined> {
  const def = defaultCustomRange(now);
  const since = await vscode.window.showInputBox({
    title: 'Sprint review: custom range (1/2)',
    prompt: 'First day of the period (UTC, inclusive)',
    value: def.since,
    placeHolder: 'YYYY-MM-DD',
    validateInput: (t) => validateReviewDate(t, now),
  });
  if (since === undefined) return undefined;
  const until = await vscode.window.showInputBox({
    title: 'Sprint review: custom range (2/2)',
    prompt: `Last day of the period (UTC, inclusive), on or after ${since.trim()}`,
    value: def.until,
    placeHolder: 'YYYY-MM-DD',
    validateInput: (t) => validateReviewDate(t, now, since.trim()),
  });
  if (until === undefined) return undefined;
  return customRangeSelection(since, until, now);
}

/** `reviews`: where the review goes; `panel`: shows it on its review tab. */
export async function runSprintReview(host: KpiHost, reviews: ReviewTab, panel: PanelController, log: vscode.LogOutputChannel): Promise<void> {
  const session = await trustedSession(host, 'run a sprint review');
  if (!session) return;
  const dataset = session.dataset;
  if (!dataset) {
    void vscode.window.showInformationMessage(`Engineering KPIs: ${session.name} is still being read. Run Sprint Review again when the status bar shows a value.`);
    return;
  }
  const now = Math.floor(Date.now() / 1000);
  const items = reviewPickItems(listReviewPeriods(dataset, now));
  const sprints = items.some((i) => i.choice.kind === 'sprint');
  const pick = await vscode.window.showQuickPick(items, {
    title: `Sprint Review — ${session.name}`,
    placeHolder: sprints ? 'Pick a sprint (active first, then closed, newest first)' : 'Pick a period (no Jira sprints, so date ranges)',
    matchOnDescription: true,
  });
  if (!pick) return;
  const chosen = selectionForChoice(pick.choice);
  const selection = chosen === 'custom' ? await askCustomRange(now) : chosen;
  if (!selection) return;
  const settings = settingsFor(session.root);
  const started = performance.now();
  // Only the file lists every report needs are in memory; the periods' commits are read now (once: the cache keeps them).
  await loadSprintReviewFiles(dataset, selection, settings.options, now);
  let review;
  try {
    review = buildSprintReview(dataset, selection, settings.options, now, { perPerson: settings.sprintReviewPerPerson });
  } catch (e) {
    if (!(e instanceof PeriodError)) throw e;
    void vscode.window.showWarningMessage(`Engineering KPIs: ${e.message}`);
    return;
  }
  log.info(`${session.name}: sprint review "${review.period.name}" built in ${(performance.now() - started).toFixed(0)} ms`);
  reviews.setShownReview({ review, root: session.root });
  panel.showReview();
}
