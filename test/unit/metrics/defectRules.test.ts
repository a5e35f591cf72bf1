import { strict as assert } from 'node:assert';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import type { Report } from '../../../src/core/metrics/registry';
import { subjectMarksFix } from '../../../src/core/model/commitSubject';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { loadDataset } from '../../../src/core/pipeline';
import { buildSprintReview } from '../../../src/core/sprintReview/buildSprintReview';

/** n lines of TypeScript, each one a token line. */
const tsLines = (prefix: string, n: number, bump = -1) => Array.from({ length: n }, (_, i) => `export const ${prefix}${i} = ${i === bump ? 'null' : i};`).join('\n') + '\n';

// src/parser.ts: 4 token lines (the doc comment and the blank line are not code).
const PARSER = `/** Splits a line into fields. */
export function parse(line: string): string[] {

  if (line === '') return [];
  return line.split(',');
}
`;
const PARSER_FIXED = PARSER.replace("return [];", "return [] as string[];");
// src/retry.go: 4 code lines (the // comment is not code).
const RETRY = 'package retry\n\n// Times is how often we retry.\nconst Times = 3\n\nfunc Backoff() int { return 2 }\nvar _ = Backoff\n';
const PARSER_TEST = "import { parse } from '../src/parser';\nif (parse('').length !== 0) throw new Error('empty');\n";

describe('defects in git alone are bug-fix commits that change a source file (spec §4 v2, §6)', () => {
  let repo: GitFixture;
  let report: Report;
  let notDefects: string[];

  before(async () => {
    repo = GitFixture.init();
    repo.commit('initial', {
      'src/parser.ts': PARSER,
      'src/retry.go': RETRY,
      'src/big.ts': tsLines('b', 60), // 60 lines: large enough for a file density
      'lib/core/engine.ts': tsLines('e', 500), // 500 lines: large enough for a module density
      'test/parser.test.ts': PARSER_TEST,
      'README.md': '# Parser\n\nSee teh guide in docs/.\n',
      '.eslintrc.json': '{ "rules": { "semi": "error" } }\n',
    }, { date: '2026-04-01T00:00:00Z' });
    // Not defects: bug-fix subjects whose commits change no source file.
    notDefects = [
      repo.commit('Fix typo in the guide', { 'README.md': '# Parser\n\nSee the guide in docs/.\n' }, { date: '2026-05-02T00:00:00Z' }),
      repo.commit('fix lint', { '.eslintrc.json': '{ "rules": { "semi": "warn" } }\n' }, { date: '2026-05-03T00:00:00Z' }),
      repo.commit('Fix flaky parser test', { 'test/parser.test.ts': PARSER_TEST + '// no timers\n' }, { date: '2026-05-04T00:00:00Z' }),
    ];
    // Defects: the wider word list and the conventional prefixes.
    repo.commit('Fixing the parser on empty input', { 'src/parser.ts': PARSER_FIXED, 'test/parser.test.ts': PARSER_TEST }, { date: '2026-05-05T00:00:00Z' });
    repo.commit('Retry bugs on timeouts', { 'src/retry.go': RETRY.replace('Times = 3', 'Times = 4') }, { date: '2026-05-06T00:00:00Z' });
    repo.commit('bugfix: overflow in parser', { 'src/parser.ts': PARSER_FIXED.replace("split(',')", "split(',', 64)") }, { date: '2026-05-07T00:00:00Z' });
    // Not a fix at all: "Prefix" and "debug" hold the letters but not the words.
    repo.commit('Prefix the debug output', { 'src/retry.go': RETRY }, { date: '2026-05-08T00:00:00Z' });
    // A backport on a branch that never reaches main: not the default branch's history.
    repo.checkout('release-1.x', true);
    repo.commit('fix: backport retry', { 'src/retry.go': RETRY.replace('Times = 3', 'Times = 5') }, { date: '2026-05-09T00:00:00Z' });
    repo.checkout('main');
    repo.commit('hotfix(api)!: crash on null', { 'src/parser.ts': PARSER, 'src/big.ts': tsLines('b', 60, 7) }, { date: '2026-05-10T00:00:00Z' });
    // A fix on a branch merged into main is on the default branch's history.
    repo.checkout('engine', true);
    repo.commit('Fixes #12: engine stalls', { 'lib/core/engine.ts': tsLines('e', 500, 3) }, { date: '2026-05-11T00:00:00Z' });
    repo.checkout('main');
    repo.merge('engine', 'Merge branch engine', { date: '2026-05-12T00:00:00Z' });
    repo.git(['branch', '-D', 'engine']);
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--since', '2026-05-01', '--until', '2026-06-01', '--format', 'json', '--cache-dir', tempDir()]);
    assert.equal(run.code, 0, run.stderr);
    report = JSON.parse(run.stdout) as Report;
  });
  after(() => repo.remove());

  it('counts only the fixes that change a source file: 5 defects over 568 lines', () => {
    const d = report.kpis.defectDensity;
    // Defects: "Fixing the parser", "Retry bugs", "bugfix:", "hotfix(api)!:", "Fixes #12" = 5.
    // Not: the guide typo (README.md, Markdown), "fix lint" (JSON), the flaky test (a test file), "Prefix the
    // debug output" (no fix word), the backport (not on main's history).
    assert.equal(d.defects, 5);
    // parser.ts 4 + retry.go 4 + big.ts 60 + engine.ts 500 = 568 lines; 5 / 0.568 = 8.8028.
    assert.equal(d.kloc, 0.568);
    assert.equal(d.value, 8.8028);
    assert.deepEqual(d.excluded, { notSource: 3 }, 'the three fix commits that changed no source file are counted');
  });

  it('ranks hotspots by defects, then density, with no density under 50 lines (file) or 500 (module)', () => {
    const hot = report.kpis.defectDensity.hotspots as { files: Array<{ file: string; defects: number; density: number | null }>; modules: Array<{ module: string; defects: number; density: number | null }> };
    // parser.ts: 3 defects (Fixing, bugfix, hotfix) but 4 lines: no density, still first.
    // big.ts 1 defect / 0.06 KLOC = 16.6667; engine.ts 1 / 0.5 = 2; retry.go 1 defect, 4 lines: none, last.
    assert.deepEqual(hot.files.map((f) => [f.file, f.defects, f.density]), [
      ['src/parser.ts', 3, null],
      ['src/big.ts', 1, 16.6667],
      ['lib/core/engine.ts', 1, 2],
      ['src/retry.go', 1, null],
    ]);
    // Module "src" (68 lines) has 4 defects and no density; "lib/core" (500 lines) 1 / 0.5 = 2.
    assert.deepEqual(hot.modules.map((m) => [m.module, m.defects, m.density]), [['src', 4, null], ['lib/core', 1, 2]]);
  });

  it('the regression-test rate is over the defects only: 1 of 5 changed a test', () => {
    const t = report.kpis.testEffectiveness;
    // "Fix flaky parser test" changed a test, but it is no defect; "Fixing the parser" changed both.
    assert.equal(t.kind, 'regressionTestRate');
    assert.equal(t.sampleSize, 5);
    assert.equal(t.value, 0.2);
    assert.deepEqual(t.excluded, { notSource: 3 });
  });

  it('the table says under the KPIs why fix commits outnumber defects', async () => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--since', '2026-05-01', '--until', '2026-06-01', '--cache-dir', tempDir()]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Defect density: 3 bug-fix commits changed no source file \(docs, config or tests only\): not counted as defects$/m);
    assert.match(run.stdout, /^Test effectiveness: 3 bug-fix commits changed no source file/m);
  });

  it('the sprint review counts the same defects and names the fix commits it left out', async () => {
    const dataset = await loadDataset({ repoPath: repo.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS });
    const review = buildSprintReview(dataset, { since: Date.parse('2026-05-01T00:00:00Z') / 1000, until: Date.parse('2026-06-01T00:00:00Z') / 1000 }, DEFAULT_OPTIONS, Date.parse('2026-06-01T00:00:00Z') / 1000);
    const q = review.quality.figures;
    assert.equal(q.defectsFixed.value, 5);
    assert.deepEqual(q.defectsFixed.excluded, { notSource: 3 });
    assert.equal(q.regressionTestRate.value, 0.2);
    assert.deepEqual(q.regressionTestRate.excluded, { notSource: 3 });
    const short = notDefects.map((h) => h.slice(0, 10)).sort((a, b) => a.localeCompare(b, 'en', { numeric: true })).join(', ');
    assert.ok(review.dataQuality.includes(`3 bug-fix commits changed no source file (docs, config or tests only): not counted as defects (${short})`), review.dataQuality.join('\n'));
  });

  it('the subject rule: conventional prefixes and whole fix words, any case', () => {
    for (const s of ['fix: x', 'bugfix(parser): x', 'hotfix!: x', 'Fixing a leak', 'FIXES the build', 'Two bugs in retry', 'Bugfix for login', 'Fixed #4', 'bug in x'])
      assert.equal(subjectMarksFix(s), true, s);
    for (const s of ['Prefix paths', 'debugging output', 'fixture update', 'Add suffix', 'bugle call', 'feat: fixate'])
      assert.equal(subjectMarksFix(s), false, s);
  });
});
