import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { resolveGitHubTarget } from '../../../src/core/sources/github/githubTarget';
import { EDITOR_URL_ROLES } from '../../../src/extension/settings/settings';
import { FakeGitHub } from '../../kit/fakeGitHub';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import { spyOnOutbound, type OutboundSpy } from './outboundSpy';

interface JsonReport {
  sources: { github: { status: string; message?: string } };
  kpis: { cycleTime: { source: string } };
}

const TOKEN = 'ghp_hostile_secret_0123456789';

/** The repository decides its origin URL; only the user decides where GITHUB_TOKEN may go. */
describe('hostile: which host gets GITHUB_TOKEN (origin is repository-controlled)', () => {
  let repo: GitFixture;
  let cache: string;
  let spy: OutboundSpy;
  beforeEach(() => {
    repo = GitFixture.init();
    repo.commit('initial', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-08-01T00:00:00Z' });
    cache = tempDir('ekpi-tokenhost-');
    spy = spyOnOutbound();
  });
  afterEach(() => {
    spy.restore();
    repo.remove();
    rmSync(cache, { recursive: true, force: true });
  });

  const report = (extra: string[] = []) =>
    runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', cache, ...extra], { env: { GITHUB_TOKEN: TOKEN }, httpLimits: { syncBudgetMs: 1500 } });

  it('an origin on a host merely named like GitHub gets no request: GitHub is off and says which flag enables it', async () => {
    repo.git(['remote', 'add', 'origin', 'https://github.evil.test/v/r.git']);
    const run = await report();
    assert.equal(run.code, 0, run.stderr);
    const r = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(spy.sent.map((o) => o.url), [], 'nothing was sent anywhere');
    assert.equal(r.sources.github.status, 'off');
    assert.equal(r.sources.github.message, 'GitHub: off (origin is on github.evil.test; set --github-api-url to use it)');
    assert.equal(r.kpis.cycleTime.source, 'git');
  });

  it('the same holds for ssh and scp-style origins on such a host', async () => {
    repo.git(['remote', 'add', 'origin', 'git@github.evil.test:v/r.git']);
    const run = await report();
    const r = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(spy.external(), []);
    assert.equal(r.sources.github.message, 'GitHub: off (origin is on github.evil.test; set --github-api-url to use it)');
  });

  it('an origin on github.com is trusted without being told: the token goes to api.github.com only', async () => {
    repo.git(['remote', 'add', 'origin', 'git@github.com:o/r.git']);
    const run = await report();
    assert.equal(run.code, 0, run.stderr);
    const hosts = new Set(spy.external().map((o) => o.host));
    assert.deepEqual([...hosts], ['api.github.com']);
    assert.ok(spy.external().every((o) => o.authorization === `token ${TOKEN}`));
  });

  it('an API URL the user names (loopback here) gets the token even though origin is elsewhere', async () => {
    repo.git(['remote', 'add', 'origin', 'https://github.evil.test/o/r.git']);
    const fake = new FakeGitHub({ token: TOKEN });
    await fake.start();
    try {
      const run = await report(['--github-api-url', fake.url]);
      assert.equal(run.code, 0, run.stderr);
      const r = JSON.parse(run.stdout) as JsonReport;
      assert.equal(r.sources.github.status, 'ok', r.sources.github.message);
      assert.ok(fake.requests() > 0);
      assert.deepEqual(spy.external(), [], 'nothing went to the origin host');
    } finally {
      await fake.stop();
    }
  });

  it("naming github.com's own API does not trust an Enterprise-looking origin either", async () => {
    repo.git(['remote', 'add', 'origin', 'https://github.evil.test/v/r.git']);
    const run = await report(['--github-api-url', 'https://api.github.com']);
    const r = JSON.parse(run.stdout) as JsonReport;
    assert.deepEqual(spy.external(), []);
    assert.equal(r.sources.github.status, 'off');
  });

  it('in the editor the message names the setting, not the flag', async () => {
    repo.git(['remote', 'add', 'origin', 'https://github.evil.test/v/r.git']);
    // What the extension passes: the setting's default API URL and the setting's name.
    const target = await resolveGitHubTarget(repo.dir, { apiUrl: 'https://api.github.com', apiUrlRole: EDITOR_URL_ROLES.github, token: async () => TOKEN });
    assert.deepEqual(target, { status: { status: 'off', message: 'GitHub: off (origin is on github.evil.test; set engineeringKpis.github.apiUrl to use it)' } });
  });
});
