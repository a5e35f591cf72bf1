import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { DEFAULT_HTTP_LIMITS } from '../../../src/core/sources/http/httpLimits';
import { syncJira } from '../../../src/core/sources/jira/syncJira';
import { syncGitHub } from '../../../src/core/sources/github/syncGitHub';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { manyMergedPrs } from '../../kit/fakeGitHubData';
import { FakeJira } from '../../kit/fakeJira';
import { fakeIssue } from '../../kit/fakeJiraData';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { HostileServer, type Misbehaviour } from './hostileServer';

interface JsonReport {
  sources: Record<'github' | 'jira', { status: string; message?: string }>;
  kpis: { cycleTime: { source: string; value: number | null } };
}

const MiB = 1024 * 1024;
// One source at a time: with both tokens set, origin (github.com) would send the Jira runs to api.github.com.
const ENV = { github: { GITHUB_TOKEN: 'ghp_secret' }, jira: { JIRA_PAT: 'jira-pat' } };

/**
 * A server must not be able to crash the run (memory) or hold it (time): every response body is
 * capped, every request has a total deadline, every sync a budget; a breach is that source's
 * error status and the report is still printed. The limits are turned down for the tests.
 */
describe('hostile: servers that send too much or too slowly', function () {
  this.timeout(30_000);
  let repo: GitFixture;
  let server: HostileServer | undefined;
  const caches: string[] = [];
  before(() => {
    repo = GitFixture.init();
    repo.commit('initial', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-08-01T00:00:00Z' });
    repo.git(['remote', 'add', 'origin', 'git@github.com:o/r.git']);
  });
  afterEach(async () => {
    await server?.stop();
    server = undefined;
  });
  after(() => {
    repo.remove();
    for (const c of caches) rmSync(c, { recursive: true, force: true });
  });

  async function runAgainst(b: Misbehaviour, source: 'github' | 'jira', httpLimits: { maxBodyBytes?: number; requestTimeoutMs?: number; syncBudgetMs?: number }) {
    server = await new HostileServer(b).start();
    const cache = tempDir('ekpi-hostile-');
    caches.push(cache);
    const flags = source === 'github' ? ['--github-api-url', server.url] : ['--jira-url', server.url, '--jira-project', 'P'];
    const started = Date.now();
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', cache, ...flags], { env: ENV[source], httpLimits });
    return { run, seconds: (Date.now() - started) / 1000, report: run.code === 0 ? (JSON.parse(run.stdout) as JsonReport) : undefined };
  }

  it('the documented defaults: 32 MiB per response, 60 s per request, 10 minutes per sync', () => {
    assert.deepEqual(DEFAULT_HTTP_LIMITS, { maxBodyBytes: 32 * MiB, requestTimeoutMs: 60_000, syncBudgetMs: 600_000 });
  });

  for (const source of ['github', 'jira'] as const) {
    it(`${source}: a body past the cap is cut off while streaming; the source says so and the report is printed`, async () => {
      const { run, report } = await runAgainst({ kind: 'huge', bytes: 64 * MiB }, source, { maxBodyBytes: 1 * MiB });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(report!.sources[source].status, 'error');
      assert.match(report!.sources[source].message ?? '', /larger than 1 MiB/);
      assert.equal(report!.kpis.cycleTime.source, 'git', 'the git KPIs are still there');
      assert.equal(server!.completed, 0, 'the client stopped reading before the server finished');
      assert.ok(server!.bytesSent < 64 * MiB);
    });

    it(`${source}: a server that accepts and never answers times out; the run finishes`, async () => {
      const { run, report, seconds } = await runAgainst({ kind: 'hang' }, source, { requestTimeoutMs: 300, syncBudgetMs: 1500 });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(report!.sources[source].status, 'error');
      assert.match(report!.sources[source].message ?? '', /timed out after \d+(\.\d+)? s/);
      assert.ok(seconds < 20, `took ${seconds} s`);
    });

    it(`${source}: an answer trickled a byte at a time is a timeout too (the deadline is total, not idle)`, async () => {
      const { run, report, seconds } = await runAgainst({ kind: 'trickle', everyMs: 50 }, source, { requestTimeoutMs: 500, syncBudgetMs: 1500 });
      assert.equal(run.code, 0, run.stderr);
      assert.match(report!.sources[source].message ?? '', /timed out after \d+(\.\d+)? s/);
      assert.ok(server!.bytesSent > 0, 'bytes kept arriving');
      assert.ok(seconds < 20, `took ${seconds} s`);
    });
  }

  it('github: a small gzip body that inflates past the cap is cut off too (the cap counts decoded bytes)', async () => {
    server = await new HostileServer({ kind: 'gzipBomb', bytes: 64 * MiB }).start();
    const cache = tempDir('ekpi-hostile-');
    caches.push(cache);
    const data = await syncGitHub({ owner: 'o', name: 'r', apiUrl: server.url, token: async () => 't', bugLabelPattern: DEFAULT_OPTIONS.bugLabelPattern }, cache, { httpLimits: { maxBodyBytes: 1 * MiB } });
    assert.ok(server.bytesSent < 1 * MiB, 'the compressed body itself is under the cap');
    assert.equal(data.status.status, 'error');
    assert.match(data.status.message ?? '', /larger than 1 MiB/);
  });

  it('github: retries of a server that keeps failing stop when the sync budget is spent', async () => {
    // 502 is retried with 1 s, 4 s, 9 s waits in production; a 1.5 s budget leaves room for one.
    const { run, report, seconds } = await runAgainst({ kind: 'status', status: 502 }, 'github', { syncBudgetMs: 1500 });
    assert.equal(run.code, 0, run.stderr);
    assert.equal(report!.sources.github.status, 'error');
    assert.ok(server!.requests.length <= 2, `${server!.requests.length} requests`);
    assert.ok(seconds < 10, `took ${seconds} s`);
  });

  it('jira: a Retry-After longer than the budget left is not waited out', async () => {
    server = await new HostileServer({ kind: 'status', status: 503, headers: { 'retry-after': '5' } }).start();
    const cache = tempDir('ekpi-hostile-');
    caches.push(cache);
    const data = await syncJira({ url: server.url, project: 'P', token: async () => 'pat' }, cache, { httpLimits: { syncBudgetMs: 1500 } });
    assert.equal(data.status.status, 'error');
    assert.equal(server.requests.length, 1, 'no retry was started that the budget could not afford');
  });

  it('github: a sync that times out keeps what the last sync cached, and says when that was', async () => {
    const fake = new FakeGitHub({ prs: manyMergedPrs(3, Date.UTC(2026, 0, 5) / 1000) });
    await fake.start();
    server = await new HostileServer({ kind: 'relay', to: fake.url }).start();
    const cache = tempDir('ekpi-hostile-');
    caches.push(cache);
    const cfg = { owner: fake.owner, name: fake.name, apiUrl: server.url, token: async () => fake.token, bugLabelPattern: DEFAULT_OPTIONS.bugLabelPattern };
    const limits = { requestTimeoutMs: 300, syncBudgetMs: 1000 };
    try {
      const first = await syncGitHub(cfg, cache, { httpLimits: limits });
      assert.equal(first.status.status, 'ok', first.status.message);
      server.behaviour = { kind: 'hang' };
      const second = await syncGitHub(cfg, cache, { httpLimits: limits });
      assert.equal(second.status.status, 'error');
      assert.match(second.status.message ?? '', /timed out after/);
      assert.ok(second.status.asOf, 'says how old the data is');
      assert.equal(second.pullRequests.length, 3, 'the cached pull requests are used');
    } finally {
      await fake.stop();
    }
  });

  it('jira: a sync that times out keeps what the last sync cached, and says when that was', async () => {
    const fake = await new FakeJira({ variant: 'server', issues: [fakeIssue({ id: 1, key: 'AR-1', created: Date.UTC(2026, 0, 5) / 1000 })] }).start();
    server = await new HostileServer({ kind: 'relay', to: fake.url }).start();
    const cache = tempDir('ekpi-hostile-');
    caches.push(cache);
    const cfg = { url: server.url, project: 'AR', token: async () => 'secret-token' };
    const limits = { requestTimeoutMs: 300, syncBudgetMs: 1000 };
    try {
      const first = await syncJira(cfg, cache, { httpLimits: limits });
      assert.equal(first.status.status, 'ok', first.status.message);
      assert.equal(first.issues.length, 1);
      server.behaviour = { kind: 'hang' };
      const second = await syncJira(cfg, cache, { httpLimits: limits, now: () => Math.floor(Date.now() / 1000) + 2 * 86_400 });
      assert.equal(second.status.status, 'error');
      assert.match(second.status.message ?? '', /timed out after/);
      assert.ok(second.status.asOf);
      assert.equal(second.issues.length, 1, 'the cached issues are used');
    } finally {
      await fake.stop();
    }
  });
});
