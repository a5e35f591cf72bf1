import type { Dataset, SourceStatus } from '../model/dataset';
import { SECTION_ROWS } from './reviewLabels';
import type { ExcludedItems, Figure, FigureKey, SprintReview } from './reviewTypes';
import { exclusionNotes } from './exclusions';
import { addTo } from '../util/addTo';

const NAMES = { github: 'GitHub', jira: 'Jira' } as const;
const WHAT = { github: 'PR data', jira: 'Jira data' } as const;

/** "2026-09-30T10:42:00Z" → "2026-09-30 10:42 UTC": the review is read by people, in one time zone. */
export function readableTime(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(iso);
  return m ? `${m[1]} ${m[2]} UTC` : iso;
}

function sourceNote(name: 'github' | 'jira', st: SourceStatus): string | null {
  const n = NAMES[name];
  const asOf = st.asOf ? `, ${WHAT[name]} as of ${readableTime(st.asOf)}` : `, no ${WHAT[name]} cached`;
  const msg = st.message ? ` (${st.message})` : '';
  switch (st.status) {
    case 'ok':
      // GitHub's ok message is a fetch summary; Jira's carries sync warnings, which are gaps.
      return name === 'jira' && st.message ? `${n}: ${st.message}` : null;
    case 'off':
      return name === 'jira'
        ? 'Jira off: sprint figures, issue cycle time and Jira defects are not available (set the Jira URL and board)'
        : `GitHub off${msg}: flow comes from git merges, without pickup and review phases`;
    case 'rate-limited':
      return `${n} rate-limited${asOf}${st.until ? `; the budget returns at ${readableTime(st.until)}` : ''}${msg}`;
    case 'stale':
      return `${n} not refreshed${asOf}${msg}`;
    case 'error':
      return `${n} error${asOf}${msg}`;
  }
}

/**
 * Every gap of the review in words a team lead can read out (besides the missing sources' own
 * lines): sources failing or stale, repository warnings, unestimated issues, each rule that left items out or inferred them
 * (naming up to 5), thin comparisons, and each figure without a value.
 */
export function dataQualityNotes(dataset: Dataset, review: Omit<SprintReview, 'dataQuality'>, excluded: ExcludedItems = {}): string[] {
  const notes: string[] = [];
  // A source that took figures out has its own line (review.missing), with the action that adds it.
  const missing = new Set(review.missing.map((m) => m.source));
  for (const s of ['github', 'jira'] as const) {
    if (missing.has(s)) continue;
    const n = sourceNote(s, dataset.sources[s]);
    if (n) notes.push(n);
  }
  if (dataset.sources.git.status !== 'ok') notes.push(`git ${dataset.sources.git.status}${dataset.sources.git.message ? ` (${dataset.sources.git.message})` : ''}`);
  notes.push(...dataset.warnings);
  const unest = review.delivery.figures.unestimatedIssues.value;
  if (unest != null && unest > 0) notes.push(`${unest} ${unest === 1 ? 'issue' : 'issues'} unestimated in ${review.period.name}: counted in neither committed nor completed points`);
  notes.push(...exclusionNotes(excluded));
  const earlier = review.comparedWith.length;
  if (earlier < 2) notes.push(`only ${earlier} earlier ${review.period.kind === 'sprint' ? 'sprint' : 'period'}${earlier === 1 ? '' : 's'}: the mean covers fewer than 3`);
  const all: Record<string, Record<string, Figure>> = {
    Delivery: review.delivery.figures, Flow: review.flow.figures, Quality: review.quality.figures,
    Escalations: review.escalations.figures, 'Time to market': review.timeToMarket.figures,
  };
  for (const [section, rows] of SECTION_ROWS) {
    const figs = all[section]!;
    // One line per distinct reason in a section keeps ten "needs Jira sprints" from drowning the rest.
    const byReason = new Map<string, string[]>();
    for (const [key, label] of rows as Array<[FigureKey, string]>) {
      const f = figs[key];
      if (f && f.value == null && !f.needs?.length) addTo(byReason, f.reason ?? 'not computable', label.toLowerCase());
    }
    for (const [reason, labels] of byReason) notes.push(`${section}: ${labels.join(', ')} — ${reason}`);
  }
  return notes;
}
