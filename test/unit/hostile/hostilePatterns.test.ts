import { strict as assert } from 'node:assert';
import { appendFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { issueNode } from '../../kit/fakeGitHubData';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { readSettings } from '../../../src/extension/settings/settings';
import type { Report } from '../../../src/core/metrics/registry';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { safeGlobMatcher } from '../../../src/core/util/safeGlob';
import picomatch from 'picomatch';

/** `(a+)+$` backtracks 2^n times on a run of n a's that does not end the string: the classic ReDoS. */
const CATASTROPHIC = '(a+)+$';
const evil = (i: number): string => `${'a'.repeat(32)}b${i}`;
const at = (s: string): number => Date.parse(s) / 1000;

/** A repository with `count` tags named `aaaa…ab<i>`, written straight into packed-refs (git tag would take minutes). */
function repoWithEvilTags(count: number): GitFixture {
  const r = GitFixture.init();
  const head = r.commit('one', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
  r.commit('fix: two', { 'a.ts': 'export const a = 2;\n' }, { date: '2026-03-02T00:00:00Z' });
  const lines = ['# pack-refs with: peeled fully-peeled sorted'];
  const names = Array.from({ length: count }, (_, i) => evil(i)).sort();
  for (const n of names) lines.push(`${head} refs/tags/${n}`);
  writeFileSync(path.join(r.dir, '.git', 'packed-refs'), lines.join('\n') + '\n');
  return r;
}

const report = async (repo: string, extra: string[], env: NodeJS.ProcessEnv = {}) => {
  const run = await runCliInProcess(['report', '--repo', repo, '--format', 'json', '--cache-dir', tempDir(), '--since', '2026-01-01', '--until', '2026-12-01', ...extra], { env });
  return { ...run, report: run.code === 0 ? (JSON.parse(run.stdout) as Report) : undefined };
};

describe('hostile patterns: every user or repository pattern runs in linear time (RE2)', function () {
  // Completion is the assertion: a backtracking engine would not finish these in hours.
  this.timeout(120_000);

  it('--release-tag-pattern "(a+)+$" against 50,000 tags like aaaa…ab finishes, and matches none of them', async () => {
    const r = repoWithEvilTags(50_000);
    const run = await report(r.dir, ['--release-tag-pattern', CATASTROPHIC]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.report!.kpis.timeToMarket.reason ?? '', /no release tags match releaseTagPattern/);
    r.remove();
  });

  it('the same pattern from the repository\'s own .engineering-kpis.json finishes too', async () => {
    const r = repoWithEvilTags(500);
    writeFileSync(path.join(r.dir, '.engineering-kpis.json'), JSON.stringify({ releaseTagPattern: CATASTROPHIC }));
    const run = await report(r.dir, []);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.report!.kpis.timeToMarket.value, null);
    r.remove();
  });

  it('a RE2 pattern still selects releases: a tag that matches is a release', async () => {
    const r = repoWithEvilTags(10);
    r.tag('aaaa');
    const run = await report(r.dir, ['--release-tag-pattern', CATASTROPHIC]);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.report!.kpis.timeToMarket.reason ?? '', /no release tags match/);
    r.remove();
  });

  it('bugLabelPattern "(a+)+$" against server-sent labels like aaaa…ab finishes; a label it matches still makes a defect', async () => {
    const labels = Array.from({ length: 200 }, (_, i) => ({ name: evil(i), at: at('2026-05-01T00:00:00Z') }));
    const fake = new FakeGitHub({
      issues: [
        issueNode({ number: 1, createdAt: at('2026-05-01T00:00:00Z'), labels }),
        issueNode({ number: 2, createdAt: at('2026-05-02T00:00:00Z'), labels: [{ name: 'aaa', at: at('2026-05-02T00:00:00Z') }] }),
      ],
    });
    await fake.start();
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    r.git(['remote', 'add', 'origin', 'git@github.com:o/r.git']);
    writeFileSync(path.join(r.dir, '.engineering-kpis.json'), JSON.stringify({ bugLabelPattern: CATASTROPHIC }));
    try {
      const run = await report(r.dir, ['--github-api-url', fake.url], { GITHUB_TOKEN: fake.token });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.report!.sources.github.status, 'ok', run.report!.sources.github.message);
      assert.equal(run.report!.kpis.defectDensity.source, 'github');
      assert.equal(run.report!.kpis.defectDensity.sampleSize, 1, 'only issue 2 (label "aaa") is a defect');
    } finally {
      await fake.stop();
      r.remove();
    }
  });

  for (const [what, pattern] of [['a backreference', '(a)\\1'], ['a lookahead', 'v(?=\\d)'], ['a lookbehind', '(?<=v)\\d'], ['an unclosed class', '[v']] as const) {
    it(`${what} in --release-tag-pattern is a usage error: exit 2, one line naming the setting and why`, async () => {
      const r = GitFixture.init();
      r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
      const run = await report(r.dir, ['--release-tag-pattern', pattern]);
      assert.equal(run.code, 2, run.stderr);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
      assert.match(run.stderr, /releaseTagPattern .* is not a valid RE2 pattern \(.+\)/);
      assert.equal(run.stdout, '');
      r.remove();
    });
  }

  it('an unsupported bugLabelPattern in .engineering-kpis.json is a usage error naming bugLabelPattern', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    appendFileSync(path.join(r.dir, '.engineering-kpis.json'), JSON.stringify({ bugLabelPattern: '^(?!wontfix)' }));
    const run = await report(r.dir, []);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^engineering-kpis: bugLabelPattern "\^\(\?!wontfix\)" is not a valid RE2 pattern/);
    r.remove();
  });

  it('an unsupported pattern in the editor settings is reported by its setting and the defaults are used', () => {
    const s = readSettings((key) => (key === 'metrics.releaseTagPattern' ? '(\\d)\\1' : undefined));
    assert.equal(s.options.releaseTagPattern, DEFAULT_OPTIONS.releaseTagPattern);
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0]!, /^engineeringKpis\.metrics\.releaseTagPattern "\(\\\\d\)\\\\1" is not a valid RE2 pattern \(.+\); using defaults$/);
  });

});

describe('hostile globs: globs from the repository run on RE2 with picomatch\'s meaning', function () {
  this.timeout(120_000);

  it('sourceGlobs "*a*a*a*a*a*a*a*b" from .engineering-kpis.json against 300 files named aaaa… finishes', async () => {
    const r = GitFixture.init();
    const files: Record<string, string> = { 'a.ts': 'export const a = 1;\n' };
    for (let i = 0; i < 300; i++) files[`${'a'.repeat(200)}${i}.ts`] = `export const x${i} = ${i};\n`;
    r.commit('many names', files, { date: '2026-03-01T00:00:00Z' });
    writeFileSync(path.join(r.dir, '.engineering-kpis.json'), JSON.stringify({ sourceGlobs: ['*a*a*a*a*a*a*a*b', 'a.ts'] }));
    const run = await report(r.dir, []);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.report!.kpis.defectDensity.kloc, 0.001, 'only a.ts (1 line) is source');
    r.remove();
  });

  it('a negated glob (needs lookaround) is a usage error naming the setting', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    const run = await report(r.dir, ['--exclude-glob', '!(src)/**']);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /^engineering-kpis: excludeGlobs glob "!\(src\)\/\*\*" is not supported/);
    r.remove();
  });

  it('matches exactly what picomatch matches, for the globs people write', () => {
    const globs = ['**/node_modules/**', '**/*.min.js', '**/*.{test,spec}.*', 'src/**/*.ts', 'src/**', '*.md', '**/*.{js,ts}', 'lib/*/index.?s',
      '**/[abc]*.go', '{src,lib}/**/*.tsx', '**/.github/**', '**/*_test.go', 'a/**/b/**/c.ts', '**/file[0-9].txt', '**/*.d.ts', 'gen/**/*.pb.*'];
    const paths = ['src/a.ts', 'src/x/y/z.ts', 'node_modules/a/b.js', 'a/node_modules/b.js', 'node_modules', 'x.min.js', 'a/b/c.min.js', 'a.test.ts',
      'src/a.spec.tsx', 'README.md', 'docs/x/y.md', 'lib/foo/index.js', 'lib/foo/index.ts', 'lib/index.js', 'b.go', 'a/c.go', 'd.go',
      '.github/workflows/ci.yml', 'src/.hidden.ts', '.eslintrc.js', 'x_test.go', 'a/b/c.ts', 'a/x/b/y/c.ts', 'src/a.tsx', 'file1.txt', 'd/file22.txt',
      'types.d.ts', 'src', 'gen/a/b.pb.go', 'gen/x.pb', 'src/sub/.x/y.ts'];
    for (const g of globs) {
      const ours = safeGlobMatcher([g], 'sourceGlobs');
      for (const p of paths) assert.equal(ours(p), picomatch.isMatch(p, g, { dot: true }), `${g} on ${p}`);
    }
  });
});
