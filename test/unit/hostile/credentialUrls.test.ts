import { strict as assert } from 'node:assert';
import { rmSync } from 'node:fs';
import { syncJira } from '../../../src/core/sources/jira/syncJira';
import { checkCredentialUrl, CLI_URL_ROLES, redactUrls } from '../../../src/core/sources/http/credentialUrl';
import { readSettings } from '../../../src/extension/settings/settings';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess, type CliRun } from '../../kit/runCliInProcess';
import { spyOnOutbound, type OutboundSpy } from './outboundSpy';

const ENV = { GITHUB_TOKEN: 'ghp_secret_token', JIRA_PAT: 'jira-secret-pat', JIRA_EMAIL: 'me@example.com', JIRA_API_TOKEN: 'jira-secret-token' };

function oneLine(run: CliRun): string {
  const lines = run.stderr.trim().split('\n');
  assert.equal(lines.length, 1, `one line, got:\n${run.stderr}`);
  return lines[0]!;
}

describe('hostile: credentials never travel in clear or inside a URL', () => {
  let repo: GitFixture;
  let cache: string;
  let spy: OutboundSpy;
  before(() => {
    repo = GitFixture.init();
    repo.commit('initial', { 'a.ts': 'export const a = 1;\n' }, { date: '2026-08-01T00:00:00Z' });
    repo.git(['remote', 'add', 'origin', 'git@github.com:o/r.git']);
    cache = tempDir('ekpi-creds-');
  });
  after(() => {
    repo.remove();
    rmSync(cache, { recursive: true, force: true });
  });
  beforeEach(() => {
    spy = spyOnOutbound();
  });
  afterEach(() => spy.restore());

  const cli = (command: 'report' | 'sprint-review', flags: string[]) =>
    runCliInProcess([command, '--repo', repo.dir, '--format', 'json', '--cache-dir', cache, '--offline', ...flags], { env: ENV });

  describe('plain http', () => {
    it('--jira-url http://<remote host> is refused with exit 2 and one line saying why', async () => {
      const run = await cli('report', ['--jira-url', 'http://jira.example.test', '--jira-project', 'P']);
      assert.equal(run.code, 2);
      assert.match(oneLine(run), /--jira-url .*plain http.*jira\.example\.test.*https:\/\//);
      assert.equal(run.stdout, '');
    });

    it('--github-api-url http://<remote host> is refused the same way, for sprint-review too', async () => {
      for (const command of ['report', 'sprint-review'] as const) {
        const run = await cli(command, ['--github-api-url', 'http://ghe.example.test/api/v3']);
        assert.equal(run.code, 2, command);
        assert.match(oneLine(run), /--github-api-url .*plain http.*ghe\.example\.test/);
      }
    });

    it('loopback addresses (the test fakes) may use http; look-alikes may not', () => {
      for (const ok of ['http://127.0.0.1:8080', 'http://127.9.8.7', 'http://localhost:3000/jira', 'http://[::1]:9000', 'https://jira.example.test']) {
        assert.ok('url' in checkCredentialUrl(ok, CLI_URL_ROLES.jira), ok);
      }
      for (const bad of ['http://128.0.0.1', 'http://localhost.evil.test', 'http://127.0.0.1.nip.io', 'http://[::2]', 'ftp://jira.example.test', 'jira.example.test']) {
        assert.ok('problem' in checkCredentialUrl(bad, CLI_URL_ROLES.jira), bad);
      }
    });

    it('the core refuses too, whoever calls it: syncJira sends nothing to an http URL and says why', async () => {
      const data = await syncJira({ url: 'http://jira.example.test', project: 'P', token: async () => ENV.JIRA_PAT }, cache, { retry: { maxRetries: 0 } });
      assert.equal(data.status.status, 'error');
      assert.match(data.status.message ?? '', /plain http/);
      assert.equal(data.requests, 0);
      assert.deepEqual(spy.sent, []);
    });

    it('editor settings with an http URL are a problem naming the setting, and the sync refuses them', () => {
      const s = readSettings((k) => ({ 'jira.url': 'http://jira.example.test', 'github.apiUrl': 'http://ghe.example.test/api/v3' })[k]);
      assert.equal(s.problems.length, 2, s.problems.join('\n'));
      assert.match(s.problems.join('\n'), /engineeringKpis\.jira\.url .*plain http/);
      assert.match(s.problems.join('\n'), /engineeringKpis\.github\.apiUrl .*plain http/);
    });
  });

  describe('user name or password inside the URL', () => {
    it('--jira-url with user:password is refused (exit 2), points at the environment variables, and never echoes the password', async () => {
      const run = await cli('report', ['--jira-url', 'http://admin:PASSW0RD@127.0.0.1:9', '--jira-project', 'P']);
      assert.equal(run.code, 2);
      const line = oneLine(run);
      assert.match(line, /JIRA_EMAIL/);
      assert.match(line, /JIRA_API_TOKEN/);
      assert.match(line, /JIRA_PAT/);
      assert.ok(!run.stdout.includes('PASSW0RD') && !run.stderr.includes('PASSW0RD') && !run.stderr.includes('admin'));
    });

    it('--github-api-url with a token inside is refused and points at GITHUB_TOKEN; sprint-review too', async () => {
      for (const command of ['report', 'sprint-review'] as const) {
        const run = await cli(command, ['--github-api-url', 'https://x-access-token:ghs_INSIDE@ghe.example.test/api/v3']);
        assert.equal(run.code, 2, command);
        assert.match(oneLine(run), /GITHUB_TOKEN/);
        assert.ok(!run.stderr.includes('ghs_INSIDE') && !run.stdout.includes('ghs_INSIDE'));
      }
    });

    it('a URL refused for another reason is quoted without its userinfo', async () => {
      const run = await cli('report', ['--jira-url', 'ftp://admin:PASSW0RD@jira.example.test']);
      assert.equal(run.code, 2);
      assert.ok(!run.stderr.includes('PASSW0RD'), run.stderr);
      assert.equal(redactUrls('see https://u:p@h.test/x and http://h2.test'), 'see https://***@h.test/x and http://h2.test');
    });

    it('editor settings with userinfo are a problem that does not quote it, and the sync refuses them', async () => {
      const s = readSettings((k) => ({ 'jira.url': 'https://admin:PASSW0RD@jira.example.test' })[k]);
      assert.equal(s.problems.length, 1);
      assert.ok(!s.problems[0]!.includes('PASSW0RD'));
      const data = await syncJira({ url: 'https://admin:PASSW0RD@jira.example.test', project: 'P', token: async () => ENV.JIRA_PAT }, cache, { retry: { maxRetries: 0 } });
      assert.equal(data.status.status, 'error');
      assert.ok(!(data.status.message ?? '').includes('PASSW0RD'));
      assert.deepEqual(spy.sent, []);
    });
  });
});
