import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { GitFixture, BOB, ALICE, tempDir } from './gitFixture';

/**
 * A bare repository shaped like a GitHub remote of a squash-merging project: main holds only
 * squash commits "(#N)" whose author and committer dates are the same instant (as GitHub writes
 * them), and each pull request's branch survives only as `refs/pull/N/head` (its branch was
 * deleted after the merge), beside GitHub's test merge `refs/pull/N/merge`.
 *
 *   08-01        initial
 *   PR 1 branch  09-01 00:00 "a: start", 09-02 12:00 "a: finish"     → squash "Add a (#1)" 09-03 00:00
 *   main         09-04 00:00 "docs: direct" (a direct commit)
 *   PR 2 branch  from #1: 09-05 00:00 "b: start"; 09-06 merges main in (brings the 09-04 commit)
 *                → squash "Add b (#2)" 09-08 00:00
 *   main         09-10 00:00 "Add c (#3)" (no head ref: its PR was never fetched)
 *
 * Expected with heads: #1 09-01 → 09-03 = 48 h; #2 09-05 → 09-08 = 72 h (the 09-04 main commit
 * the branch merged in is reachable from the squash's first parent, so it is not the PR's);
 * #3 has no known start. Median 60 h.
 */
export function githubLikeRemote(): { origin: string; work: GitFixture; shas: Record<'pr1' | 'pr2' | 'squash1' | 'squash2', string> } {
  const r = GitFixture.init();
  const shas = {} as Record<'pr1' | 'pr2' | 'squash1' | 'squash2', string>;
  r.commit('initial', { 'src/a.ts': 'export const a = 0;\n' }, { date: '2026-08-01T00:00:00Z' });
  r.checkout('pr-1', true);
  r.commit('a: start', { 'src/a.ts': 'export const a = 1;\n' }, { date: '2026-09-01T00:00:00Z', who: BOB });
  shas.pr1 = r.commit('a: finish', { 'src/a.ts': 'export const a = 11;\n' }, { date: '2026-09-02T12:00:00Z', who: BOB });
  r.checkout('main');
  shas.squash1 = r.commit('Add a (#1)', { 'src/a.ts': 'export const a = 11;\n' }, { date: '2026-09-03T00:00:00Z', who: BOB });
  r.checkout('pr-2', true);
  r.checkout('main');
  r.commit('docs: direct', { 'README.md': '# a\n' }, { date: '2026-09-04T00:00:00Z', who: ALICE });
  r.checkout('pr-2');
  r.commit('b: start', { 'src/b.ts': 'export const b = 1;\n' }, { date: '2026-09-05T00:00:00Z', who: BOB });
  r.git(['merge', '-q', '--no-ff', '-m', "Merge branch 'main' into pr-2", 'main'], { date: '2026-09-06T00:00:00Z', who: BOB });
  shas.pr2 = r.head();
  r.checkout('main');
  shas.squash2 = r.commit('Add b (#2)', { 'src/b.ts': 'export const b = 1;\n' }, { date: '2026-09-08T00:00:00Z', who: BOB });
  r.commit('Add c (#3)', { 'src/c.ts': 'export const c = 1;\n' }, { date: '2026-09-10T00:00:00Z', who: ALICE });

  const origin = path.join(tempDir('ekpi-origin-'), 'origin.git');
  execFileSync('git', ['clone', '-q', '--bare', r.dir, origin]);
  const inOrigin = (args: string[]) => execFileSync('git', ['-C', origin, ...args], { encoding: 'utf8' });
  inOrigin(['update-ref', 'refs/pull/1/head', shas.pr1]);
  inOrigin(['update-ref', 'refs/pull/1/merge', shas.squash1]);
  inOrigin(['update-ref', 'refs/pull/2/head', shas.pr2]);
  inOrigin(['branch', '-D', 'pr-1', 'pr-2']);
  r.remove();

  const workDir = path.join(tempDir('ekpi-work-'), 'work');
  execFileSync('git', ['clone', '-q', origin, workDir]);
  return { origin, work: new GitFixture(workDir), shas };
}
