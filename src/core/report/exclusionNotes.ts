import { EXCLUDED_KEYS, type ExcludedKey, type KpiResult } from '../model/kpi';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The one remedy whose words depend on where the sentence is read: the CLI names its flag, the
 * editor its command (issue: advice names the host's own action, never the other host's).
 */
export interface ExclusionWords {
  fetchPrHeads: string;
}
export const CLI_EXCLUSION_WORDS: ExclusionWords = { fetchPrHeads: 'run with --fetch-pr-heads' };
export const EDITOR_EXCLUSION_WORDS: ExclusionWords = { fetchPrHeads: 'run Fetch Pull Request Heads' };
/** For text read in both hosts (the sprint review's exports). */
export const NEUTRAL_EXCLUSION_WORDS: ExclusionWords = { fetchPrHeads: 'fetch the pull request heads' };

/**
 * What a rule's count means to a person, and what they can do about it: one sentence per key. The
 * sprint review's data-quality list says the same, naming the items.
 */
export const EXCLUSION_SENTENCES: Record<ExcludedKey, (n: number, kpi: KpiResult, words: ExclusionWords) => string> = {
  bots: (n) => `${plural(n, 'item by a bot or an excluded author was', 'items by bots or excluded authors were')} left out`,
  unknownStart: (n, kpi, words) => {
    const what = kpi.changeUnit === 'squash' ? ['squash merge has', 'squash merges have']
      : kpi.changeUnit === 'commit' ? ['commit has', 'commits have']
      : ['change has', 'changes have'];
    return `${plural(n, what[0]!, what[1]!)} no known start: connect GitHub, or ${words.fetchPrHeads}`;
  },
  firstRelease: (n) => `${plural(n, 'item was', 'items were')} first released by the first release tag, which starts the clock: no deploy time or lead time for ${n === 1 ? 'it' : 'them'}`,
  invalidEstimate: (n) => `${plural(n, 'issue has an invalid estimate', 'issues have invalid estimates')} (negative or not a number): counted as unestimated`,
  unknownStatus: (n) => `${plural(n, 'issue passed', 'issues passed')} through a status the site no longer has: its category was taken from the resolution`,
  notSource: (n) => `${plural(n, 'bug-fix commit changed', 'bug-fix commits changed')} no source file (docs, config or tests only): not counted as ${n === 1 ? 'a defect' : 'defects'}`,
};

/** The sentences of one KPI's `excluded` counts, in key order (the panel's cards and tooltip show these). */
export function kpiExclusionSentences(kpi: KpiResult, words: ExclusionWords = CLI_EXCLUSION_WORDS): string[] {
  const out: string[] = [];
  for (const key of EXCLUDED_KEYS) {
    const n = kpi.excluded?.[key] ?? 0;
    if (n > 0) out.push(EXCLUSION_SENTENCES[key](n, kpi, words));
  }
  return out;
}
