import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import type { Commit } from '../../../src/core/model/commit';
import { loadGitHistory } from '../../../src/core/sources/git/loadGitHistory';
import { FileListParser, type CommitFiles } from '../../../src/core/sources/git/logParser';
import { loadDataset, runPipeline } from '../../../src/core/pipeline';
import { computeReport } from '../../../src/core/metrics/computeKpis';
import { buildSprintReview, loadSprintReviewFiles } from '../../../src/core/sprintReview/buildSprintReview';
import type { CommitStore } from '../../../src/core/sources/git/commitStore';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { at, startSprintScenario, type SprintScenario } from '../../kit/fakeSprintScenario';
import { issue } from '../jira/issueBuilder';
import { issueLinkedCommits } from '../../../src/core/metrics/defectDensity/defectDensity';
import { historyOf } from '../../../src/core/metrics/shared/historyOf';

/** Every commit's files as one `git log --name-status` lists them: what the file-list pass must reproduce. */
function referenceLog(dir: string): Map<string, CommitFiles> {
  const out = new Map<string, CommitFiles>();
  const p = new FileListParser((c) => out.set(c.hash, c));
  p.push(execFileSync('git', ['log', '-z', '--format=%x00%x00%H', '--name-status', '--no-renames', '--all'], { cwd: dir }));
  p.end();
  return out;
}

const D = (day: number) => ({ date: `2026-03-${String(day).padStart(2, '0')}T00:00:00Z` });
const listed = (c: Pick<Commit, 'files'> | undefined) => c?.files.map((f) => `${f.status} ${f.path}`);

describe('git file lists: read for the fixes with the history, for other commits on request, cached per commit', () => {
  let r: GitFixture;
  /** The non-merge commits whose subject marks a fix (filesUpfront.ts), by subject. */
  const FIXES = ['Fix the root', 'fix: drop b', 'Fix nothing (empty)', 'hotfix on the branch', 'bug fix only a tag reaches'];
  beforeEach(() => {
    r = GitFixture.init();
    r.commit('Fix the root', { 'src/a.ts': 'a\n', 'b.md': 'b\n' }, D(1));
    r.commit('plain work', { 'src/a.ts': 'a2\n', 'src/c.ts': 'c\n' }, D(2));
    r.commit('fix: drop b', { 'b.md': null, 'src/a.ts': 'a3\n' }, D(3));
    r.commit('Fix nothing (empty)', {}, D(4));
    r.checkout('topic', true);
    r.commit('hotfix on the branch', { 'src/t.ts': 't\n' }, D(5));
    r.checkout('main');
    r.merge('topic', 'Merge branch topic (fixes the build)', D(6));
    r.checkout('old', true);
    r.git(['reset', '-q', '--hard', 'HEAD~3']);
    r.commit('bug fix only a tag reaches', { 'src/old.ts': 'o\n' }, D(7));
    r.tag('v0.1');
    r.checkout('main');
    r.git(['branch', '-q', '-D', 'old']);
  });
  afterEach(() => r.remove());

  it('the history reads the file lists of the non-merge fixes only, each exactly as git log --name-status lists it', async () => {
    const h = await loadGitHistory(r.dir, { cacheDir: tempDir() });
    const ref = referenceLog(r.dir);
    assert.equal(h.commits.length, ref.size);
    assert.equal(h.fileListsRead, FIXES.length);
    const bySubject = (s: string) => h.commits.find((c) => c.subject === s);
    for (const s of FIXES) assert.deepEqual(listed(bySubject(s)), listed(ref.get(bySubject(s)!.hash)), s);
    assert.deepEqual(listed(bySubject('Fix nothing (empty)')), [], 'an empty commit has an empty list, not a missing one');
    assert.deepEqual(listed(bySubject('Merge branch topic (fixes the build)')), [], 'a merge lists no files, as in git log');
    assert.equal(h.lateFileReads, 0, 'no file list had to be read on the spot');
    // A commit no one asked for is still right, read on the spot and counted (a prefetch was missing).
    assert.deepEqual(listed(bySubject('plain work')), ['M src/a.ts', 'A src/c.ts']);
    assert.equal(h.lateFileReads, 1);
  });

  it('with filesAfterLog the history returns before the fixes\' lists are read; filesRead brings the same lists, and the cache keeps them', async () => {
    const cache = tempDir();
    const h = await loadGitHistory(r.dir, { cacheDir: cache, filesAfterLog: true, deferWrite: true });
    assert.equal(h.filesPending, true);
    assert.equal(h.fileListsRead, FIXES.length, 'every fix asked for');
    const store = h.graph as CommitStore;
    const fixes = FIXES.map((s) => store.indexOf(h.commits.find((c) => c.subject === s)!.hash));
    // Nothing answered yet: git's file-list pass is only started when the history returns.
    assert.deepEqual(fixes.filter((i) => store.hasFiles(i)), []);
    await h.filesRead;
    await h.persisted;
    const ref = referenceLog(r.dir);
    for (const i of fixes) assert.deepEqual(listed(store.commitAt(i)), listed(ref.get(store.hashAt(i))), store.commitAt(i).subject);
    assert.equal(h.lateFileReads, 0, 'no file list had to be read on the spot');
    const warm = await loadGitHistory(r.dir, { cacheDir: cache, filesAfterLog: true });
    assert.equal(warm.cacheUse, 'warm');
    assert.equal(warm.filesPending, false, 'the cache written after the file-list pass holds the fixes\' lists');
    assert.equal(warm.fileListsRead, 0);
  });

  it('loadFiles reads only what is missing, and the cache keeps it: a warm run reads no file list and touches none on the spot', async () => {
    const cache = tempDir();
    const cold = await loadGitHistory(r.dir, { cacheDir: cache });
    const plain = cold.commits.find((c) => c.subject === 'plain work')!;
    assert.equal(await cold.loadFiles([plain, ...cold.commits]), undefined, 'no cache warning');
    assert.equal(cold.lateFileReads, 0);
    const warm = await loadGitHistory(r.dir, { cacheDir: cache });
    assert.equal(warm.cacheUse, 'warm');
    assert.equal(warm.fileListsRead, 0);
    const ref = referenceLog(r.dir);
    for (const c of warm.commits) assert.deepEqual(listed(c), listed(ref.get(c.hash)), c.subject);
    assert.equal(warm.lateFileReads, 0, 'every list came from the cache');
  });

  it('an incremental run reads the file lists of the new fixes alone', async () => {
    const cache = tempDir();
    await loadGitHistory(r.dir, { cacheDir: cache });
    r.commit('more work', { 'src/d.ts': 'd\n' }, D(8));
    r.commit('Fixes the new work', { 'src/d.ts': 'd2\n', 'test/d.test.ts': 't\n' }, D(9));
    const inc = await loadGitHistory(r.dir, { cacheDir: cache });
    assert.equal(inc.cacheUse, 'incremental');
    assert.equal(inc.parsedCommits, 2);
    assert.equal(inc.fileListsRead, 1);
    assert.deepEqual(listed(inc.commits.find((c) => c.subject === 'Fixes the new work')), ['M src/d.ts', 'A test/d.test.ts']);
    assert.deepEqual(listed(inc.commits.find((c) => c.subject === 'fix: drop b')), ['D b.md', 'M src/a.ts']);
    assert.equal(inc.lateFileReads, 0);
  });
});

describe('git file lists of the commits that Jira defects name', () => {
  it('are the ones issueLinkedCommits names: a report blaming them reads none on the spot, and without them it would', async () => {
    const r = GitFixture.init();
    try {
      r.commit('start', { 'src/a.ts': 'a\n' }, D(1));
      r.commit('AR-7 handle an empty cart', { 'src/cart.ts': 'c\n' }, D(10));
      r.checkout('topic', true);
      r.commit('guard the total', { 'src/total.ts': 't\n' }, D(11));
      r.checkout('main');
      r.merge('topic', 'Merge branch topic: AR-8', D(12));
      r.commit('unrelated work', { 'src/b.ts': 'b\n' }, D(13));
      const cache = tempDir();
      const defects = [issue('AR-7', { type: 'Bug', createdAt: at('2026-03-09') }), issue('AR-8', { type: 'Bug', createdAt: at('2026-03-09') })];
      const withIssues = async () => {
        const ds = await loadDataset({ repoPath: r.dir, cacheRoot: cache, options: DEFAULT_OPTIONS });
        return Object.assign(ds, { jiraIssues: defects, sources: { ...ds.sources, jira: { status: 'ok' as const } } });
      };
      const now = at('2026-03-20');
      const report = (ds: Awaited<ReturnType<typeof withIssues>>) => computeReport(ds, { window: { since: at('2026-03-01'), until: now }, options: DEFAULT_OPTIONS, now });

      const without = await withIssues();
      const linked = issueLinkedCommits(without, historyOf(without, DEFAULT_OPTIONS.releaseTagPattern));
      assert.deepEqual(linked.map((c) => c.subject).sort(), ['AR-7 handle an empty cart', 'guard the total']);
      const expected = report(without).report;
      assert.ok((without.graph as CommitStore).lateReads > 0, 'without reading them ahead, the report reads them on the spot');

      const ahead = await withIssues();
      await ahead.loadFiles!(issueLinkedCommits(ahead, historyOf(ahead, DEFAULT_OPTIONS.releaseTagPattern)));
      assert.deepEqual(report(ahead).report.kpis, expected.kpis);
      assert.equal((ahead.graph as CommitStore).lateReads, 0);
    } finally {
      r.remove();
    }
  });
});

describe('git file lists through the pipeline, with Jira and GitHub defects and a sprint review', () => {
  let s: SprintScenario;
  before(async () => {
    s = await startSprintScenario();
  });
  after(async () => {
    await s.stop();
  });

  for (const withJira of [true, false]) {
    it(`${withJira ? 'Jira' : 'GitHub'} defects: the report and the sprint review read only file lists that were loaded ahead`, async () => {
      const cache = tempDir('ekpi-files-');
      const dataset = await loadDataset({
        repoPath: s.repo.dir, cacheRoot: cache, options: DEFAULT_OPTIONS,
        github: { apiUrl: s.github.url, token: async () => s.github.token },
        ...(withJira ? { jira: { url: s.jira.url, project: 'AR', boardId: 1, token: async () => 'secret-token' } } : {}),
      });
      const store = dataset.graph as CommitStore;
      const now = at('2026-10-01');
      for (const days of [14, 90, 400]) computeReport(dataset, { window: { since: now - days * 86_400, until: now }, options: DEFAULT_OPTIONS, now });
      assert.equal(store.lateReads, 0, 'the reports read no commit on the spot');
      const selection = withJira ? { sprintId: 3 } : { since: at('2026-09-14'), until: at('2026-09-28') };
      await loadSprintReviewFiles(dataset, selection, DEFAULT_OPTIONS, now);
      const review = buildSprintReview(dataset, selection, DEFAULT_OPTIONS, now);
      assert.equal(review.quality.defectSource, withJira ? 'jira' : 'github');
      assert.equal(store.lateReads, 0, 'no commit was read on the spot');
      assert.ok(store.positionsWithFiles().length < store.length, 'and not every file list was read');
      rmSync(cache, { recursive: true, force: true });
    });
  }
});

describe('git file lists when the report\'s window is known before the history is read (the CLI)', () => {
  const month = (m: number) => ({ date: `2026-${String(m).padStart(2, '0')}-10T00:00:00Z` });
  let r: GitFixture;
  before(() => {
    r = GitFixture.init();
    r.commit('initial', { 'src/a.ts': 'a\n', 'test/a.test.ts': 't\n' }, month(1));
    // One fix a month, each changing source (and from May on a test too), with plain work between.
    for (let m = 2; m <= 11; m++) {
      r.commit(`work ${m}`, { 'src/b.ts': `b${m}\n` }, { date: `2026-${String(m).padStart(2, '0')}-05T00:00:00Z` });
      r.commit(`fix: bug ${m}`, { 'src/a.ts': `a${m}\n`, ...(m >= 5 ? { 'test/a.test.ts': `t${m}\n` } : {}) }, month(m));
    }
  });
  after(() => r.remove());

  it('reads the fixes of the window and its trend\'s only, and the report is the one every fix\'s lists give, with nothing read on the spot', async () => {
    const window = { since: Date.parse('2026-08-01T00:00:00Z') / 1000, until: Date.parse('2026-11-01T00:00:00Z') / 1000 };
    const now = window.until;
    const scoped = await runPipeline({ repoPath: r.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS, window, now });
    const store = scoped.dataset.graph as CommitStore;
    const read = store.commits.filter((c, i) => c.subject.startsWith('fix:') && store.hasFiles(i)).map((c) => c.subject);
    // The window is Aug–Oct, its trend's May–Jul: the fixes of May to October, not those before or after.
    assert.deepEqual(read.sort(), ['fix: bug 10', 'fix: bug 5', 'fix: bug 6', 'fix: bug 7', 'fix: bug 8', 'fix: bug 9']);
    assert.equal(store.lateReads, 0, 'the report read no file list on the spot');
    const all = await loadDataset({ repoPath: r.dir, cacheRoot: tempDir(), options: DEFAULT_OPTIONS });
    assert.equal((all.graph as CommitStore).positionsWithFiles().length, 10, 'without a window every fix is read');
    assert.deepEqual(scoped.report, computeReport(all, { window, options: DEFAULT_OPTIONS, now }).report);
    assert.ok(scoped.report.kpis.testEffectiveness?.value != null, 'the regression-test rate, which reads the fixes\' files, has a value');
  });

  it('a later run over another window reads the fixes it lacks, and keeps the ones read before', async () => {
    const cache = tempDir();
    const at = (iso: string) => Date.parse(iso) / 1000;
    await runPipeline({ repoPath: r.dir, cacheRoot: cache, options: DEFAULT_OPTIONS, window: { since: at('2026-10-01T00:00:00Z'), until: at('2026-12-01T00:00:00Z') }, now: at('2026-12-01T00:00:00Z') });
    const later = await runPipeline({ repoPath: r.dir, cacheRoot: cache, options: DEFAULT_OPTIONS, window: { since: at('2026-03-01T00:00:00Z'), until: at('2026-05-01T00:00:00Z') }, now: at('2026-12-01T00:00:00Z') });
    const store = later.dataset.graph as CommitStore;
    const read = store.commits.filter((c, i) => c.subject.startsWith('fix:') && store.hasFiles(i)).map((c) => c.subject);
    assert.deepEqual(read.sort(), ['fix: bug 10', 'fix: bug 11', 'fix: bug 2', 'fix: bug 3', 'fix: bug 4', 'fix: bug 8', 'fix: bug 9']);
    assert.equal(store.lateReads, 0);
  });
});
