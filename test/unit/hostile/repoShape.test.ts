import { strict as assert } from 'node:assert';
import { chownSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';

/** Repositories of an unusual shape get exit 2 and one line that says what to do. */

const oneLine = (stderr: string) => assert.equal(stderr.trim().split('\n').length, 1, stderr);

describe('hostile: unusual repository shapes are named, with the fix', () => {
  it('a repository owned by another user: the safe.directory hint has the absolute path git accepts', async function () {
    if (process.getuid?.() !== 0) this.skip(); // only root can hand a folder to another user
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    execFileSync('chown', ['-R', '65534:65534', r.dir]);
    const saved = process.env.GIT_CONFIG_GLOBAL;
    process.env.GIT_CONFIG_GLOBAL = '/dev/null'; // a developer's own safe.directory=* must not hide the case
    try {
      const relative = path.relative(process.cwd(), r.dir);
      assert.ok(!path.isAbsolute(relative));
      const run = await runCliInProcess(['report', '--repo', relative, '--cache-dir', tempDir()]);
      assert.equal(run.code, 2, run.stderr);
      oneLine(run.stderr);
      assert.ok(run.stderr.includes(`safe.directory ${realpathSync(r.dir)}\n`), run.stderr);
    } finally {
      if (saved === undefined) delete process.env.GIT_CONFIG_GLOBAL;
      else process.env.GIT_CONFIG_GLOBAL = saved;
      chownSync(r.dir, 0, 0);
      r.remove();
    }
  });

  it('HEAD on an unborn branch while other branches have commits: names the branch and the way out', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    r.git(['checkout', '-q', '--orphan', 'gh-pages']);
    const run = await runCliInProcess(['report', '--repo', r.dir, '--cache-dir', tempDir()]);
    assert.equal(run.code, 2, run.stderr);
    oneLine(run.stderr);
    assert.match(run.stderr, /branch "gh-pages" has no commits yet, but other branches do \(main\)/);
    assert.match(run.stderr, /git switch main/);
    r.remove();
  });

  it('a bare repository: says it is bare and to clone it', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
    const bare = path.join(tempDir(), 'bare.git');
    r.git(['clone', '-q', '--bare', r.dir, bare]);
    const run = await runCliInProcess(['report', '--repo', bare, '--cache-dir', tempDir()]);
    assert.equal(run.code, 2, run.stderr);
    oneLine(run.stderr);
    assert.match(run.stderr, /bare\.git is a bare repository \(no work tree\): clone it \(git clone \S+bare\.git FOLDER\) and pass --repo FOLDER/);
    r.remove();
  });
});
