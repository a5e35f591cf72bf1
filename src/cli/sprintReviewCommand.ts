import { constants as fsConstants, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { loadDataset, resolveWindow } from '../core/pipeline';
import type { WindowSpec } from '../core/pipelineTypes';
import { buildSprintReview, loadSprintReviewFiles } from '../core/sprintReview/buildSprintReview';
import { PeriodError, RANGE_DAYS } from '../core/sprintReview/reviewPeriods';
import { renderReviewHtml } from '../core/sprintReview/renderReviewHtml';
import { renderReviewJson } from '../core/sprintReview/renderReviewJson';
import { renderReviewMarkdown } from '../core/sprintReview/renderReviewMarkdown';
import type { ReviewSelection } from '../core/sprintReview/reviewTypes';
import { fetchPrHeadsIfAsked, pipelineInputFrom, REPORT_FLAGS } from './reportCommand';
import { rejectEmptyValues } from './flagValues';
import { parseWindow, UsageError } from './parseWindow';
import { progressReporter } from './progressReporter';
import { tell, type CliIo } from './cliIo';
import { cliReviewAdvice } from './reviewAdvice';

const REVIEW_FLAGS = {
  ...REPORT_FLAGS,
  format: { type: 'string', default: 'md' },
  sprint: { type: 'string' },
  out: { type: 'string' },
  'per-person': { type: 'boolean' },
} as const;

/** --sprint ID, or --since/--until, or (neither) the active sprint when Jira has one, else the last 14 days. */
function selectionFrom(values: { sprint?: string; since?: string; until?: string }, now: number): ReviewSelection | WindowSpec | 'latest-sprint' {
  if (values.sprint !== undefined) {
    if (values.since !== undefined || values.until !== undefined) throw new UsageError('use either --sprint or --since/--until, not both');
    const id = Number(values.sprint);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`--sprint must be a sprint id (got "${values.sprint}")`);
    return { sprintId: id };
  }
  if (values.since !== undefined || values.until !== undefined) return parseWindow(values.since ?? `${RANGE_DAYS}d`, values.until, now);
  return 'latest-sprint';
}

/**
 * --out is checked before any work: a review takes the whole pipeline to compute, and a typo in
 * the folder should not cost that run (or end it on a raw ENOENT/EISDIR).
 */
async function checkOutPath(out: string): Promise<void> {
  const fail = (why: string): never => {
    throw new UsageError(`--out ${JSON.stringify(out)} ${why}: name a file in a folder you can write, like --out review.md`);
  };
  if (out.trim() === '') fail('is empty');
  const target = await fs.stat(out).catch(() => undefined);
  if (target?.isDirectory()) fail('is a folder');
  const dir = path.dirname(path.resolve(out));
  const parent = await fs.stat(dir).catch(() => undefined);
  if (!parent) fail(`is in a folder that does not exist (${dir})`);
  if (!parent!.isDirectory()) fail(`is under ${dir}, which is not a folder`);
  await fs.access(target ? out : dir, fsConstants.W_OK).catch(() => fail('cannot be written'));
}

/** `sprint-review`: the same sources as `report`, one period, Markdown/HTML/JSON to stdout or --out. */
export async function sprintReviewCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: REVIEW_FLAGS, allowPositionals: true, strict: true });
  rejectEmptyValues(values);
  const format = values.format ?? 'md';
  if (!['md', 'html', 'json'].includes(format)) throw new UsageError(`--format must be md, html or json (got "${format}")`);
  const now = Math.floor(io.now() / 1000);
  const wanted = selectionFrom(values, now);
  if (values.out !== undefined) await checkOutPath(values.out);
  const input = await pipelineInputFrom(values, io);
  await fetchPrHeadsIfAsked(values, input, io);
  const bar = progressReporter(io.stderr);
  let dataset;
  try {
    dataset = await loadDataset({ ...input, onProgress: bar.onProgress });
  } finally {
    bar.stop();
  }
  let selection: ReviewSelection;
  if (wanted === 'latest-sprint') {
    // With Jira sprints, the default is the sprint a lead reviews next: the active one, else the newest closed one.
    const sprints = (dataset.sprints ?? []).filter((s) => s.startAt != null && (s.state === 'active' || s.completeAt != null));
    const pick = sprints.find((s) => s.state === 'active') ?? sprints.filter((s) => s.state === 'closed').sort((a, b) => b.completeAt! - a.completeAt!)[0];
    selection = pick ? { sprintId: pick.id } : { since: now - RANGE_DAYS * 86_400, until: now };
  } else if (typeof wanted === 'function' || !('sprintId' in wanted)) {
    selection = resolveWindow(dataset, wanted, input.options, now); // --until last-commit is known now
  } else selection = wanted;
  await loadSprintReviewFiles(dataset, selection, input.options, now, input.signal);
  let review;
  try {
    review = buildSprintReview(dataset, selection, input.options, now, { perPerson: values['per-person'] === true });
  } catch (e) {
    if (e instanceof PeriodError) throw new UsageError(e.message);
    throw e;
  }
  const advice = cliReviewAdvice(review.sources);
  const text = format === 'json' ? renderReviewJson(review) : format === 'html' ? renderReviewHtml(review, { advice }) : renderReviewMarkdown(review, { advice });
  if (values.out !== undefined) {
    await fs.writeFile(values.out, text, 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`cannot write --out ${JSON.stringify(values.out)} (${e.code ?? 'error'})`);
    });
    tell(io, `wrote ${values.out}`);
  } else io.stdout.write(text);
  return 0;
}
