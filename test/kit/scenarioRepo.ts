import { GitFixture, ALICE, BOB, tempDir } from './gitFixture';
import { loadDataset } from '../../src/core/pipeline';
import { DEFAULT_OPTIONS } from '../../src/core/options';
import type { Dataset } from '../../src/core/model/dataset';

/**
 * The hand-computed scenario used by several tests. Window [2026-09-01, 2026-10-01) (30 days);
 * the previous window is [2026-08-02, 2026-09-01). Expected values are derived in the comments.
 */
export const SCENARIO_WINDOW = { since: Date.parse('2026-09-01T00:00:00Z') / 1000, until: Date.parse('2026-10-01T00:00:00Z') / 1000 };

export const MAIN_TS = `// header comment
import { x } from './x';

/* block
   comment */
export function main(): number {
  return x(); // trailing
}
`; // 4 token lines

export const X_TS = 'export function x(): number {\n  return 1;\n}\n'; // 3
export const Y_TS = 'export const y = 2;\n'; // 1
export const UTIL_PY = '# util\ndef util():\n    """doc"""\n    return 1\n\n'; // 3
export const APP_TEST_TS = "import { x } from '../src/app/x';\n// check\nif (x() !== 1) throw new Error('x');\n"; // 2 (test)

export function buildScenario(): GitFixture {
  const r = GitFixture.init();
  r.commit('initial', { 'src/app/main.ts': MAIN_TS, 'test/app.test.ts': APP_TEST_TS, 'README.md': '# demo\n\nprose is not code\n' }, { date: '2026-08-01T00:00:00Z' });
  // Previous window: one change, 24 h.
  r.checkout('old', true);
  r.commit('feat: old thing', { 'src/app/x.ts': 'export function x(): number {\n  return 0;\n}\n' }, { date: '2026-08-10T00:00:00Z' });
  r.checkout('main');
  r.merge('old', 'Merge branch old', { date: '2026-08-11T00:00:00Z' });
  // Change A: first commit 09-02 00:00, merged 09-04 00:00 → 48 h.
  r.checkout('feature-a', true);
  r.commit('feat: add x', { 'src/app/x.ts': 'export function x(): number {\n  return 0; // zero\n}\n' }, { date: '2026-09-02T00:00:00Z', who: BOB });
  r.commit('feat: more x', { 'src/app/x.ts': 'export function x(): number {\n  return 0;\n}\n' }, { date: '2026-09-03T12:00:00Z', who: BOB });
  r.checkout('main');
  r.merge('feature-a', 'Merge pull request #1 from org/feature-a', { date: '2026-09-04T00:00:00Z' });
  // Change B: a squash commit, authored 09-10 00:00, committed 09-10 06:00 → 6 h.
  r.commit('Add y (#2)', { 'src/app/y.ts': Y_TS }, { authorDate: '2026-09-10T00:00:00Z', date: '2026-09-10T06:00:00Z', who: BOB });
  r.tag('v1.0.0', { annotated: true, date: '2026-09-12T00:00:00Z' });
  // A bug fix that also changes a test.
  r.commit('fix: crash in x', { 'src/app/x.ts': X_TS, 'test/app.test.ts': APP_TEST_TS + '\n' }, { date: '2026-09-15T00:00:00Z' });
  // Change C: a branch with a fix, first commit 09-16, merged 09-20 → 96 h.
  r.checkout('feature-b', true);
  r.commit('Fix typo in util', { 'src/lib/util.py': UTIL_PY }, { date: '2026-09-16T00:00:00Z', who: ALICE });
  r.checkout('main');
  r.merge('feature-b', "Merge branch 'feature-b'", { date: '2026-09-20T00:00:00Z' });
  r.tag('v1.1'); // lightweight: dated by the merge's committer date, 09-20
  r.tag('nightly-build'); // does not match releaseTagPattern
  r.commit('docs: readme', { 'README.md': '# demo\n\nmore prose\n' }, { date: '2026-09-25T00:00:00Z' });
  return r;
}

/** The scenario repository and its dataset as the pipeline loads it (git alone, default options, a fresh cache). */
export async function scenarioDataset(): Promise<{ repo: GitFixture; dataset: Dataset }> {
  const repo = buildScenario();
  return { repo, dataset: await loadDataset({ repoPath: repo.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS }) };
}
