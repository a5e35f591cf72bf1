import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { openRepository, readRepoState, resolveRepository, RepoError } from '../../../src/core/sources/git/repoInfo';

/**
 * openRepository answers in one git process what resolveRepository then readRepoState answer in
 * three: for every shape of repository it must give the same top level, state and failure.
 */

async function stepByStep(folder: string): Promise<unknown> {
  try {
    const top = await resolveRepository(folder);
    return { top, state: await readRepoState(top) };
  } catch (e) {
    return { error: (e as Error).message, repoError: e instanceof RepoError };
  }
}

/** openRepository's answer; HEAD's tree, which it reads on the way, is checked against git and set aside. */
async function atOnce(folder: string): Promise<unknown> {
  try {
    const { top, state } = await openRepository(folder);
    const { headTree, ...rest } = state;
    assert.equal(headTree, execFileSync('git', ['-C', folder, 'rev-parse', 'HEAD^{tree}'], { encoding: 'utf8' }).trim());
    return { top, state: rest };
  } catch (e) {
    if (e instanceof assert.AssertionError) throw e;
    return { error: (e as Error).message, repoError: e instanceof RepoError };
  }
}

const D = { date: '2026-03-01T00:00:00Z' };

describe('openRepository: the folder and its state in one step, as the two steps give them', () => {
  const shapes: Array<[string, () => string]> = [
    ['main with commits, from the top level', () => {
      const r = GitFixture.init();
      r.commit('one', { 'a.ts': 'let a = 1;\n' }, D);
      return r.dir;
    }],
    ['from a subfolder of the work tree', () => {
      const r = GitFixture.init();
      r.commit('one', { 'src/deep/a.ts': 'let a = 1;\n' }, D);
      return path.join(r.dir, 'src', 'deep');
    }],
    ['a feature branch checked out beside main: the default branch is still main', () => {
      const r = GitFixture.init();
      r.commit('one', { 'a.ts': '1\n' }, D);
      r.checkout('feature', true);
      r.commit('two', { 'b.ts': '2\n' }, { date: '2026-03-02T00:00:00Z' });
      return r.dir;
    }],
    ['no candidate branch: the current branch is the default', () => {
      const r = GitFixture.init('release-line');
      r.commit('one', { 'a.ts': '1\n' }, D);
      return r.dir;
    }],
    ['a detached HEAD', () => {
      const r = GitFixture.init();
      const first = r.commit('one', { 'a.ts': '1\n' }, D);
      r.commit('two', { 'a.ts': '2\n' }, { date: '2026-03-02T00:00:00Z' });
      r.git(['checkout', '-q', '--detach', first]);
      return r.dir;
    }],
    ["origin's HEAD names the default branch (a clone)", () => {
      const r = GitFixture.init('trunk-ish');
      r.commit('one', { 'a.ts': '1\n' }, D);
      const clone = path.join(tempDir(), 'clone');
      r.git(['clone', '-q', r.dir, clone]);
      new GitFixture(clone).checkout('local-work', true);
      return clone;
    }],
    ['a shallow clone', () => {
      const r = GitFixture.init();
      r.commit('one', { 'a.ts': '1\n' }, D);
      r.commit('two', { 'a.ts': '2\n' }, { date: '2026-03-02T00:00:00Z' });
      const clone = path.join(tempDir(), 'shallow');
      r.git(['clone', '-q', '--depth', '1', `file://${r.dir}`, clone]);
      return clone;
    }],
    ['an empty repository', () => GitFixture.init().dir],
    ['HEAD on an unborn branch beside branches with commits', () => {
      const r = GitFixture.init();
      r.commit('one', { 'a.ts': '1\n' }, D);
      r.git(['checkout', '-q', '--orphan', 'gh-pages']);
      return r.dir;
    }],
    ['a bare repository', () => {
      const r = GitFixture.init();
      r.commit('one', { 'a.ts': '1\n' }, D);
      const bare = path.join(tempDir(), 'bare.git');
      r.git(['clone', '-q', '--bare', r.dir, bare]);
      return bare;
    }],
    ['a folder that is no repository', () => {
      const d = path.join(tempDir(), 'plain');
      mkdirSync(d);
      return d;
    }],
    ['a path that does not exist', () => path.join(tempDir(), 'missing')],
    ['a file, not a folder', () => {
      const f = path.join(tempDir(), 'file.txt');
      writeFileSync(f, 'x');
      return f;
    }],
  ];
  for (const [name, make] of shapes) {
    it(name, async () => {
      const folder = make();
      const expected = await stepByStep(folder);
      assert.deepEqual(await atOnce(folder), expected);
    });
  }

  it('really reads the state: a new commit on main moves the tip it returns', async () => {
    const r = GitFixture.init();
    const one = r.commit('one', { 'a.ts': '1\n' }, D);
    assert.equal((await openRepository(r.dir)).state.tip, one);
    const two = r.commit('two', { 'a.ts': '2\n' }, { date: '2026-03-02T00:00:00Z' });
    const { top, state } = await openRepository(r.dir);
    assert.equal(state.tip, two);
    assert.equal(state.info.defaultBranch, 'main');
    assert.equal(top, await resolveRepository(r.dir));
  });
});
