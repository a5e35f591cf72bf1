import assert from 'node:assert/strict';
import { GitFixture } from '../../kit/gitFixture';
import { showArgs, showCommit } from '../../../src/extension/panel/commitShow';

describe('the commit diff document (git show through the safe runner)', () => {
  let repo: GitFixture;
  let fix: string;
  let merge: string;
  before(() => {
    repo = GitFixture.init();
    repo.commit('initial', { 'src/a.ts': 'export const a = 1;\n' }, { date: '2026-01-01T00:00:00Z' });
    repo.checkout('topic', true);
    fix = repo.commit('fix: a is two', { 'src/a.ts': 'export const a = 2;\n' }, { date: '2026-01-02T00:00:00Z' });
    repo.checkout('main');
    repo.commit('docs', { 'README.md': '# r\n' }, { date: '2026-01-03T00:00:00Z' });
    merge = repo.merge('topic', "Merge branch 'topic'", { date: '2026-01-04T00:00:00Z' });
  });
  after(() => repo.remove());

  it('shows a commit’s message and patch', async () => {
    const text = await showCommit(repo.dir, fix.slice(0, 10));
    assert.match(text, /fix: a is two/);
    assert.match(text, /-export const a = 1;\n\+export const a = 2;/);
  });

  it('shows what a merge brought to the first parent (the change a KPI counted)', async () => {
    const text = await showCommit(repo.dir, merge);
    assert.match(text, /Merge branch 'topic'/);
    assert.match(text, /\+export const a = 2;/);
    assert.doesNotMatch(text, /README/);
  });

  it('refuses anything but a hex commit id, so data cannot become a git option', () => {
    for (const bad of ['--output=/tmp/x', 'HEAD', 'abc', 'abcdef1..abcdef2', `${fix.slice(0, 10)} --stat`]) assert.throws(() => showArgs(bad), /not a commit id/);
    const args = showArgs(fix);
    assert.ok(args.includes('--no-ext-diff') && args.includes('--no-textconv'));
    assert.equal(args[args.indexOf('--end-of-options') + 1], fix);
  });

  it('cuts a diff past the limit and says so', async () => {
    const text = await showCommit(repo.dir, fix, 64);
    assert.ok(text.length < 400, `${text.length} characters`);
    assert.match(text, /cut off at .* run `git show /);
  });
});
