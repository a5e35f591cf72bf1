import type { Dataset } from '../../model/dataset';
import { safePattern } from '../../util/safePattern';
import { buildHistoryIndex, graphOf } from './historyIndex';

/** The history views depend only on the dataset and the release pattern: build them once per dataset. */
const historyCache = new WeakMap<Dataset, { pattern: string; index: ReturnType<typeof buildHistoryIndex> }>();

export function historyOf(dataset: Dataset, releaseTagPattern: string) {
  const hit = historyCache.get(dataset);
  if (hit && hit.pattern === releaseTagPattern) return hit.index;
  const index = buildHistoryIndex(dataset.graph ?? graphOf(dataset.commits), dataset.tip, dataset.tags, releaseTagPattern, dataset.releases, dataset.prHeadStarts);
  historyCache.set(dataset, { pattern: releaseTagPattern, index });
  return index;
}

/**
 * Builds the history views ahead of computeReport when GitHub's releases cannot change them: a
 * release tag matches (GitHub Releases only stand in for missing tags). The pipeline calls it while
 * the line counter and the API syncs are still running.
 */
export function prepareHistory(dataset: Dataset, releaseTagPattern: string): void {
  const re = safePattern(releaseTagPattern, { setting: 'releaseTagPattern' });
  const graph = dataset.graph;
  if (graph && dataset.tags.some((t) => re.test(t.name) && graph.indexOf(t.commit) >= 0)) historyOf(dataset, releaseTagPattern);
}
