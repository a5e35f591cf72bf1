import { strict as assert } from 'node:assert';
import { GitFixture, ALICE, BOB, tempDir, type Who } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import type { Report } from '../../../src/core/metrics/registry';
import { prCycleSample } from '../../../src/core/metrics/shared/deliveredChanges';
import { UNKNOWN_START_REASON } from '../../../src/core/metrics/cycleTime/cycleTime';
import type { PullRequest } from '../../../src/core/model/pullRequest';

const DEPENDABOT: Who = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };
const RENOVATE: Who = { name: 'renovate[bot]', email: '29139614+renovate[bot]@users.noreply.github.com' };

async function report(repo: GitFixture, since: string, until: string, format = 'json'): Promise<{ json: Report; text: string }> {
  const run = await runCliInProcess(['report', '--repo', repo.dir, '--since', since, '--until', until, '--format', format, '--cache-dir', tempDir()]);
  assert.equal(run.code, 0, run.stderr);
  return { json: format === 'json' ? (JSON.parse(run.stdout) as Report) : (undefined as unknown as Report), text: run.stdout };
}

/**
 * A repository that squash-merges on GitHub: GitHub writes each squash commit with its author
 * date equal to its committer date (both the merge instant), so a squash alone says nothing of
 * when the work began. October also has one true merge commit.
 */
function squashingRepo(): GitFixture {
  const r = GitFixture.init();
  r.commit('initial', { 'src/a.ts': 'export const a = 0;\n' }, { date: '2026-08-01T00:00:00Z' });
  // The first release tag: the clock starts here (it released only "initial").
  r.tag('v1.0.0', { annotated: true, date: '2026-08-02T00:00:00Z' });
  r.commit('Add a (#1)', { 'src/a.ts': 'export const a = 1;\n' }, { date: '2026-09-05T10:00:00Z' }); // author == committer
  r.commit('Add b (#2)', { 'src/b.ts': 'export const b = 2;\n' }, { date: '2026-09-12T00:00:00Z', who: BOB });
  r.commit('Bump lodash from 4.17.20 to 4.17.21 (#3)', { 'package.json': '{}\n' }, { date: '2026-09-15T00:00:00Z', who: DEPENDABOT });
  r.tag('v1.1.0', { annotated: true, date: '2026-09-20T00:00:00Z' });
  // October: a real branch merged with a merge commit (first commit 10-02 00:00, merged 10-03 12:00 → 36 h)…
  r.checkout('feature-c', true);
  r.commit('feat: c', { 'src/c.ts': 'export const c = 3;\n' }, { date: '2026-10-02T00:00:00Z', who: BOB });
  r.checkout('main');
  r.merge('feature-c', 'Merge pull request #4 from org/feature-c', { date: '2026-10-03T12:00:00Z' });
  // …and one more GitHub squash (author == committer).
  r.commit('Add d (#5)', { 'src/d.ts': 'export const d = 4;\n' }, { date: '2026-10-10T00:00:00Z' });
  return r;
}

describe('v2 change units: unknown start, linear history, bots (spec §1, §2 git fallback)', () => {
  let squash: GitFixture;
  let linear: GitFixture;
  before(() => {
    squash = squashingRepo();
    linear = linearRepo();
  });
  after(() => {
    squash.remove();
    linear.remove();
  });

  it('a window of GitHub squash commits has no cycle time (null with the spec reason), never 0 h', async () => {
    const { json } = await report(squash, '2026-09-01', '2026-10-01');
    const ct = json.kpis.cycleTime;
    // #1 and #2 start at their merge instant (unknown start); #3 is dependabot's (a bot).
    assert.equal(ct.value, null);
    assert.equal(ct.reason, UNKNOWN_START_REASON);
    assert.equal(ct.sampleSize, 0);
    assert.equal(ct.changeUnit, 'squash');
    assert.deepEqual(ct.excluded, { bots: 1, unknownStart: 2 });
  });

  it('changes with no known start still count for the deploy phase and for velocity', async () => {
    const { json } = await report(squash, '2026-09-01', '2026-10-01');
    const deploy = (json.kpis.cycleTime.phases as Record<string, { median: number | null; sampleSize: number }>).deploy!;
    // #1 09-05 10:00 → v1.1.0 09-20 00:00 = 350 h; #2 09-12 → 09-20 = 192 h; median 271 h.
    assert.equal(deploy.sampleSize, 2);
    assert.equal(deploy.median, 271);
    const v = json.kpis.velocity;
    // #1 and #2 (the bot's #3 is out): 2 changes / (30 / 7) weeks = 0.4667.
    assert.equal(v.value, 0.4667);
    assert.equal(v.sampleSize, 2);
    assert.deepEqual(v.excluded, { bots: 1 });
  });

  it("time to market leaves the bot's commit out too (lead time of #1 and #2 only)", async () => {
    const { json } = await report(squash, '2026-09-01', '2026-10-01');
    const t = json.kpis.timeToMarket;
    // v1.1.0 (09-20 00:00) first releases #1 (authored 09-05 10:00: 14.5833 d), #2 (09-12: 8 d)
    // and dependabot's #3 (left out). Median of 8 and 14.5833 = 11.2917 d.
    assert.equal(t.sampleSize, 2);
    assert.equal(t.value, 11.2917);
    assert.deepEqual(t.excluded, { bots: 1 });
  });

  it('a window that mixes a merge and a squash counts the merge only and says "merge+squash"', async () => {
    const { json } = await report(squash, '2026-10-01', '2026-10-31');
    const ct = json.kpis.cycleTime;
    assert.equal(ct.value, 36); // feature-c 10-02 00:00 → 10-03 12:00; "Add d (#5)" has no known start
    assert.equal(ct.sampleSize, 1);
    assert.equal(ct.changeUnit, 'merge+squash');
    assert.deepEqual(ct.excluded, { unknownStart: 1 });
    assert.equal(json.kpis.velocity.sampleSize, 2); // both were delivered
  });

  it('the CLI table says, under the KPIs, how many squash merges have no known start and what to do', async () => {
    const { text } = await report(squash, '2026-09-01', '2026-10-01', 'table');
    assert.match(text, /^Cycle time: 2 squash merges have no known start: connect GitHub, or run with --fetch-pr-heads$/m);
    assert.match(text, /^Cycle time: 1 item by a bot or an excluded author was left out$/m);
    assert.match(text, /^Velocity: 1 item by a bot or an excluded author was left out$/m);
  });

  it('a linear history counts each first-parent commit as a change ("commit")', async () => {
    const { json } = await report(linear, '2026-09-01', '2026-10-01');
    const ct = json.kpis.cycleTime;
    // c1 8 h and c2 24 h; c3 was committed as authored (unknown start); c4 is renovate's (a bot).
    assert.equal(ct.source, 'git');
    assert.equal(ct.changeUnit, 'commit');
    assert.equal(ct.sampleSize, 2);
    assert.equal(ct.value, 16);
    assert.deepEqual(ct.excluded, { bots: 1, unknownStart: 1 });
    const v = json.kpis.velocity;
    // c1, c2, c3: 3 changes / (30 / 7) weeks = 0.7; the previous window (08-02 → 09-01) has c0b
    // (a direct commit, unknown start, but delivered): 1 / (30 / 7) = 0.2333.
    assert.equal(v.value, 0.7);
    assert.equal(v.sampleSize, 3);
    assert.equal(v.previous, 0.2333);
    assert.equal(v.changeUnit, 'commit');
  });

  it('a linear history with only direct commits gives null cycle time with the spec reason', async () => {
    // August holds only "initial" (00:00 == 00:00) and c0b (also as authored).
    const { json } = await report(linear, '2026-07-01', '2026-09-01');
    assert.equal(json.kpis.cycleTime.value, null);
    assert.equal(json.kpis.cycleTime.reason, UNKNOWN_START_REASON);
    assert.deepEqual(json.kpis.cycleTime.excluded, { unknownStart: 2 });
    assert.equal(json.kpis.velocity.sampleSize, 2);
  });
});

/** Commits straight on main, some applied later than authored (git am, cherry-pick, rebase). */
function linearRepo(): GitFixture {
  const r = GitFixture.init();
  r.commit('initial', { 'src/a.py': 'a = 0\n' }, { date: '2026-08-01T00:00:00Z' });
  r.commit('c0b: direct', { 'src/a.py': 'a = 1\n' }, { date: '2026-08-20T00:00:00Z' });
  r.commit('c1: parse dates', { 'src/a.py': 'a = 2\n' }, { authorDate: '2026-09-02T00:00:00Z', date: '2026-09-02T08:00:00Z', who: BOB });
  r.commit('c2: handle empty input', { 'src/b.py': 'b = 1\n' }, { authorDate: '2026-09-05T00:00:00Z', date: '2026-09-06T00:00:00Z', who: ALICE });
  r.commit('c3: direct commit', { 'src/b.py': 'b = 2\n' }, { date: '2026-09-10T00:00:00Z' });
  r.commit('chore(deps): update dependency x to v2', { 'requirements.txt': 'x==2\n' }, { authorDate: '2026-09-12T00:00:00Z', date: '2026-09-12T02:00:00Z', who: RENOVATE });
  return r;
}

describe('v2 unknown start for a GitHub pull request', () => {
  const t = (iso: string) => Date.parse(iso) / 1000;
  const pr = (commitAuthorDates: number[]): PullRequest => ({
    number: 7, title: 'Rebase-merged', url: 'https://github.com/o/r/pull/7', author: 'alice', authorIsBot: false, state: 'merged', draft: false,
    createdAt: t('2026-09-01T00:00:00Z'), readyAt: t('2026-09-01T00:00:00Z'), mergedAt: t('2026-09-03T00:00:00Z'), closedAt: t('2026-09-03T00:00:00Z'),
    updatedAt: t('2026-09-03T00:00:00Z'), mergeCommitSha: null, baseRef: 'main', headRef: 'x', labels: [], additions: 1, deletions: 0,
    commitAuthorDates, firstReviewAt: t('2026-09-02T00:00:00Z'), closesIssues: [],
  });

  it('a PR whose first commit is dated at its merge instant leaves the cycle sample, keeping pickup and review', () => {
    const s = prCycleSample(pr([t('2026-09-03T00:00:00Z')]), null)!;
    assert.equal(s.unknownStart, true);
    assert.equal(s.cycle, null);
    assert.equal(s.coding, null);
    assert.equal(s.pickup, 86_400); // ready 09-01 → first review 09-02
    assert.equal(s.review, 86_400); // 09-02 → merged 09-03
  });

  it('a PR with an earlier commit keeps its cycle time (48 h from its first commit)', () => {
    const s = prCycleSample(pr([t('2026-09-01T00:00:00Z'), t('2026-09-03T00:00:00Z')]), null)!;
    assert.equal(s.unknownStart, false);
    assert.equal(s.cycle, 2 * 86_400);
  });
});
