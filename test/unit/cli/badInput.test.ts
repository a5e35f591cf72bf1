import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { writeFileSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import type { Report } from '../../../src/core/metrics/registry';

const json = async (repo: string, extra: string[] = []) => {
  const run = await runCliInProcess(['report', '--repo', repo, '--format', 'json', '--cache-dir', tempDir(), '--since', '2026-01-01', '--until', '2026-12-01', ...extra]);
  return { ...run, report: run.code === 0 ? (JSON.parse(run.stdout) as Report) : undefined };
};

describe('bad input gets a clear one-line message and exit code 2', () => {
  it('a path that does not exist', async () => {
    const run = await runCliInProcess(['report', '--repo', '/nonexistent/ekpi-nowhere']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /does not exist: pass --repo/);
    assert.equal(run.stdout, '');
  });

  it('a file instead of a folder', async () => {
    const f = path.join(tempDir(), 'file.txt');
    writeFileSync(f, 'x');
    const run = await runCliInProcess(['report', '--repo', f]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not a folder/);
  });

  it('a folder that is not a git repository', async () => {
    const run = await runCliInProcess(['report', '--repo', tempDir()]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /is not a git repository: run git init there/);
  });

  it('an empty repository (no commits)', async () => {
    const r = GitFixture.init();
    const run = await runCliInProcess(['report', '--repo', r.dir]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /has no commits yet/);
    r.remove();
  });

  it('unknown flags, bad formats and bad dates', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    for (const args of [['--bogus'], ['--format', 'xml'], ['--since', 'yesterday'], ['--since', '2026-05-01', '--until', '2026-04-01'], ['--module-depth', '0']]) {
      const run = await runCliInProcess(['report', '--repo', r.dir, ...args]);
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    }
    r.remove();
  });

  it('a --cache-dir that is a file is named, not a crash', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    const file = path.join(tempDir(), 'not-a-folder');
    writeFileSync(file, 'x');
    const run = await runCliInProcess(['report', '--repo', r.dir, '--cache-dir', file]);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /not-a-folder as the cache folder \(it is a file, not a folder\)/);
    assert.equal(run.stderr.trim().split('\n').length, 1, run.stderr);
    r.remove();
  });

  it('a malformed .engineering-kpis.json is named, not a crash', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    writeFileSync(path.join(r.dir, '.engineering-kpis.json'), '{ "releaseTagPattern": ');
    const run = await runCliInProcess(['report', '--repo', r.dir]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /\.engineering-kpis\.json is not valid JSON/);
    r.remove();
  });

  it('settings from .engineering-kpis.json apply (releaseTagPattern)', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    r.tag('release-7'); // the first release: it starts the clock (spec §3 v2), so "one" has no lead time
    r.commit('two', { 'a.ts': 'let a = 2;\n' }, { date: '2026-03-02T00:00:00Z' });
    r.tag('release-8');
    const before = await json(r.dir);
    assert.equal(before.report!.kpis.timeToMarket.value, null);
    writeFileSync(path.join(r.dir, '.engineering-kpis.json'), JSON.stringify({ releaseTagPattern: '^release-\\d+$' }));
    const after = await json(r.dir);
    assert.equal(after.report!.kpis.timeToMarket.value, 0); // "two" released at its own commit date: 0 days
    r.remove();
  });
});

describe('unusual repositories still give a report', () => {
  it('a shallow clone: computed, shallow: true, with a warning', async () => {
    const r = GitFixture.init();
    for (let i = 1; i <= 5; i++) r.commit(`fix: bug ${i}`, { 'a.ts': `let a = ${i};\n` }, { date: `2026-03-0${i}T00:00:00Z` });
    const clone = path.join(tempDir(), 'shallow');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${r.dir}`, clone]);
    const run = await json(clone);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.report!.repository.shallow, true);
    assert.match(run.stderr, /warning: shallow clone/);
    assert.equal(run.report!.kpis.defectDensity.defects, 2); // only the 2 commits present
    r.remove();
  });

  it('a detached HEAD reads the default branch', async () => {
    const r = GitFixture.init();
    const first = r.commit('first', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    r.commit('fix: second', { 'a.ts': 'let a = 2;\n' }, { date: '2026-03-02T00:00:00Z' });
    r.checkout(first);
    const run = await json(r.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.report!.repository.head, first);
    assert.equal(run.report!.repository.defaultBranch, 'main');
    assert.equal(run.report!.kpis.defectDensity.defects, 1);
    r.remove();
  });

  it("follows origin's HEAD to the default branch, whatever its name, from a feature branch", async () => {
    const r = GitFixture.init('release-line');
    r.commit('fix: on the default branch', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    const clone = path.join(tempDir(), 'clone');
    execFileSync('git', ['clone', '-q', `file://${r.dir}`, clone]);
    const c = new GitFixture(clone);
    c.checkout('feature', true);
    c.commit('fix: only on the feature branch', { 'b.ts': 'let b = 1;\n' }, { date: '2026-03-02T00:00:00Z' });
    const run = await json(clone);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.report!.repository.defaultBranch, 'release-line');
    assert.equal(run.report!.kpis.defectDensity.defects, 1);
    r.remove();
  });

  it('binary files, renames, octopus merges and clock skew', async () => {
    const r = GitFixture.init();
    r.commit('base', { 'src/a.c': 'int a;\n', 'src/blob.c': Buffer.from([0x7f, 0x45, 0, 0, 1, 2]) }, { date: '2026-03-01T00:00:00Z' });
    r.git(['mv', 'src/a.c', 'src/b.c']);
    r.commit('fix: rename a to b', {}, { date: '2026-03-02T00:00:00Z' });
    r.checkout('x', true);
    r.commit('x work', { 'x.c': 'int x;\n' }, { date: '2026-03-03T00:00:00Z' });
    r.checkout('main');
    r.checkout('y', true);
    r.commit('y work', { 'y.c': 'int y;\n' }, { date: '2026-03-04T00:00:00Z' });
    r.checkout('main');
    r.merge(['x', 'y'], 'Merge branches x and y', { date: '2026-03-05T00:00:00Z' }); // octopus: 3 parents
    // Clock skew: authored a day after it was committed; its span is null and it is not sampled.
    r.commit('Skewed (#9)', { 'z.c': 'int z;\n' }, { authorDate: '2026-03-07T00:00:00Z', date: '2026-03-06T00:00:00Z' });
    const run = await json(r.dir);
    assert.equal(run.code, 0, run.stderr);
    const ct = run.report!.kpis.cycleTime;
    assert.equal(ct.sampleSize, 1); // the octopus merge: 03-03 → 03-05 = 48 h; the skewed squash has no span
    assert.equal(ct.value, 48);
    assert.equal(run.report!.kpis.defectDensity.kloc, 0.004); // b.c, x.c, y.c, z.c; the binary blob.c counts 0
    assert.equal(run.report!.kpis.defectDensity.defects, 1);
    r.remove();
  });

  it('unicode and non-UTF-8 author names, and subjects with separators', async () => {
    const r = GitFixture.init();
    r.commit('fix: \u001e\u001f | ; , "quotes"\n\nbody line\nwith \u001e more', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z', who: { name: 'Zoë; 山田 "x" & \\ Ø', email: 'z@example.com' } });
    // A commit object written by hand with a Latin-1 name and an encoding header.
    const tree = r.git(['rev-parse', 'HEAD^{tree}']);
    const parent = r.head();
    const raw = Buffer.concat([
      Buffer.from(`tree ${tree}\nparent ${parent}\nauthor Jos`), Buffer.from([0xe9]), Buffer.from(' <jose@example.com> 1772409600 +0000\ncommitter Jos'), Buffer.from([0xe9]),
      Buffer.from(' <jose@example.com> 1772409600 +0000\nencoding ISO-8859-1\n\nfix: caf'), Buffer.from([0xe9]), Buffer.from('\n'),
    ]);
    const hash = r.git(['hash-object', '-t', 'commit', '-w', '--stdin'], { input: raw });
    r.git(['update-ref', 'refs/heads/main', hash]);
    const { loadGitHistory } = await import('../../../src/core/sources/git/loadGitHistory');
    const h = await loadGitHistory(r.dir, { cacheDir: tempDir() });
    const names = h.commits.map((c) => c.authorName).sort();
    assert.deepEqual(names, ['José', 'Zoë; 山田 "x" & \\ Ø']);
    assert.equal(h.commits.find((c) => c.hash === hash)!.subject, 'fix: café');
    assert.equal(h.commits.find((c) => c.hash === parent)!.subject, 'fix: \u001e\u001f | ; , "quotes"');
    r.remove();
  });
});

describe('git never runs repository-controlled programs', () => {
  it('fsmonitor, pager, external diff, textconv and hooks set in .git/config leave no marker after a full report', async () => {
    const r = GitFixture.init();
    r.commit('first', { 'a.ts': 'let a = 1;\n', '.gitattributes': '*.ts diff=evil\n' }, { date: '2026-03-01T00:00:00Z' });
    r.commit('fix: second', { 'a.ts': 'let a = 2;\n' }, { date: '2026-03-02T00:00:00Z' });
    const marker = path.join(tempDir(), 'marker');
    const hooks = path.join(r.dir, 'evil-hooks');
    mkdirSync(hooks);
    const script = path.join(r.dir, 'evil.sh');
    writeFileSync(script, `#!/bin/sh\necho "$0 $*" >> ${marker}\ncat\n`, { mode: 0o755 });
    for (const h of ['post-checkout', 'pre-commit', 'reference-transaction', 'post-index-change']) writeFileSync(path.join(hooks, h), `#!/bin/sh\necho hook >> ${marker}\n`, { mode: 0o755 });
    for (const [k, v] of [['core.fsmonitor', script], ['core.pager', script], ['diff.external', script], ['core.hooksPath', hooks], ['diff.evil.textconv', script], ['pager.log', script]]) r.git(['config', k!, v!]);
    // The trap is armed: plain git does run it.
    execFileSync('git', ['-C', r.dir, 'status'], { env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null' } });
    const { existsSync, rmSync } = await import('node:fs');
    assert.ok(existsSync(marker), 'fixture check: plain git status runs the fsmonitor script');
    rmSync(marker);
    const run = await json(r.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(existsSync(marker), false, 'a repository-controlled program ran');
    r.remove();
  });

  it('values the user supplies never become git options', async () => {
    const { assertNotOption } = await import('../../../src/core/sources/git/gitRunner');
    assert.throws(() => assertNotOption('--output=/tmp/x', 'branch'), /may not start with "-"/);
    assert.equal(assertNotOption('main', 'branch'), 'main');
  });
});
