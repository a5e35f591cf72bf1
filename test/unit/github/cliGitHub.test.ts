import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { prNode, user } from '../../kit/fakeGitHubData';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';

const at = (s: string): number => Date.parse(s) / 1000;

interface Stats {
  median: number | null;
  sampleSize: number;
}
interface JsonReport {
  sources: { github: { status: string; message?: string } };
  kpis: { cycleTime: { value: number | null; source: string; sampleSize: number; phases?: Record<'coding' | 'pickup' | 'review' | 'deploy', Stats> } };
}

describe('CLI report with GitHub (fake GitHub on 127.0.0.1, origin on github.com)', () => {
  let fake: FakeGitHub;
  let repo: GitFixture;
  let cache: string;
  before(async () => {
    fake = new FakeGitHub({
      prs: [
        // coding 2 h, pickup 3 h, review 7 h, cycle 12 h
        prNode({ number: 1, createdAt: at('2026-09-01T02:00:00Z'), mergedAt: at('2026-09-01T12:00:00Z'), commits: [at('2026-09-01T00:00:00Z')], reviews: [{ author: user('bob'), at: at('2026-09-01T05:00:00Z') }] }),
        // coding 4 h, no review, cycle 10 h
        prNode({ number: 2, createdAt: at('2026-09-02T04:00:00Z'), mergedAt: at('2026-09-02T10:00:00Z'), commits: [at('2026-09-02T00:00:00Z')] }),
        // coding 1 h, pickup 1 h, review 4 h, cycle 6 h
        prNode({ number: 3, createdAt: at('2026-09-03T01:00:00Z'), mergedAt: at('2026-09-03T06:00:00Z'), commits: [at('2026-09-03T00:00:00Z')], comments: [{ author: user('carol'), at: at('2026-09-03T02:00:00Z') }] }),
      ],
    });
    await fake.start();
    repo = GitFixture.init();
    repo.commit('initial', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-08-01T00:00:00Z' });
    repo.git(['remote', 'add', 'origin', 'git@github.com:o/r.git']);
    cache = tempDir('ekpi-ghcli-');
  });
  after(async () => {
    await fake.stop();
    repo.remove();
    rmSync(cache, { recursive: true, force: true });
  });

  it('uses GitHub automatically with a token: cycle time from PRs, with phases per spec §1', async () => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', cache, '--github-api-url', fake.url], {
      env: { GITHUB_TOKEN: fake.token },
    });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.sources.github.status, 'ok', report.sources.github.message);
    const ct = report.kpis.cycleTime;
    assert.equal(ct.source, 'github');
    assert.equal(ct.sampleSize, 3);
    assert.equal(ct.value, 10, 'median of 12, 10, 6 h');
    assert.ok(ct.phases, 'phases present');
    assert.equal(ct.phases.coding.median, 2, 'median of 2, 4, 1 h');
    assert.equal(ct.phases.coding.sampleSize, 3);
    assert.equal(ct.phases.pickup.sampleSize, 2, 'the unreviewed PR has no pickup');
    assert.equal(ct.phases.review.sampleSize, 2);
    assert.equal(ct.phases.deploy.sampleSize, 0, 'nothing released');
    assert.ok(!run.stdout.includes(fake.token) && !run.stderr.includes(fake.token));
  });

  it('without GITHUB_TOKEN says "GitHub: off (set GITHUB_TOKEN)" and falls back to git', async () => {
    const before = fake.requests();
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', cache, '--github-api-url', fake.url], { env: {} });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.sources.github.status, 'off');
    assert.equal(report.sources.github.message, 'GitHub: off (set GITHUB_TOKEN)');
    assert.equal(report.kpis.cycleTime.source, 'git');
    assert.equal(fake.requests(), before);
  });

  it('--github-repo names the repository explicitly; a bad token is an error status, not a failed run', async () => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', tempDir('ekpi-ghcli2-'), '--github-repo', 'o/r', '--github-api-url', fake.url], {
      env: { GITHUB_TOKEN: 'wrong' },
    });
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as JsonReport;
    assert.equal(report.sources.github.status, 'error');
    assert.equal(report.sources.github.message, 'GitHub token rejected (401): set GITHUB_TOKEN to a valid token');
  });
});
