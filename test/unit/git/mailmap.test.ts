import { strict as assert } from 'node:assert';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { loadGitHistory } from '../../../src/core/sources/git/loadGitHistory';

describe('git source fields', () => {
  it('author names and emails honour .mailmap', async () => {
    const r = GitFixture.init();
    r.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z', who: { name: 'old nick', email: 'nick@old.example' } });
    r.commit('two', { '.mailmap': 'Nicola Rossi <nicola@example.com> old nick <nick@old.example>\n' }, { date: '2026-03-02T00:00:00Z', who: { name: 'Nicola Rossi', email: 'nicola@example.com' } });
    const h = await loadGitHistory(r.dir, { cacheDir: tempDir() });
    assert.deepEqual([...new Set(h.commits.map((c) => `${c.authorName} <${c.authorEmail}>`))], ['Nicola Rossi <nicola@example.com>']);
    r.remove();
  });

  it('reads parents, dates, subject and the paths each commit changed', async () => {
    const r = GitFixture.init();
    const first = r.commit('first line\n\nbody is not the subject', { 'src/a.ts': 'x\n', 'b.md': 'y\n' }, { authorDate: '2026-03-01T00:00:00Z', date: '2026-03-01T01:00:00Z' });
    const second = r.commit('second', { 'src/a.ts': 'z\n', 'b.md': null }, { date: '2026-03-02T00:00:00Z' });
    const h = await loadGitHistory(r.dir, { cacheDir: tempDir() });
    const c1 = h.byHash.get(first)!;
    const c2 = h.byHash.get(second)!;
    assert.equal(c1.subject, 'first line');
    assert.equal(c1.authorDate, Date.parse('2026-03-01T00:00:00Z') / 1000);
    assert.equal(c1.committerDate, Date.parse('2026-03-01T01:00:00Z') / 1000);
    assert.deepEqual(c1.parents, []);
    assert.deepEqual(c2.parents, [first]);
    assert.deepEqual(c1.files.map((f) => `${f.status} ${f.path}`).sort(), ['A b.md', 'A src/a.ts']);
    assert.deepEqual(c2.files.map((f) => `${f.status} ${f.path}`).sort(), ['D b.md', 'M src/a.ts']);
    r.remove();
  });
});
