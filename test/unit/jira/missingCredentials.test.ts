import { strict as assert } from 'node:assert';
import { GitFixture, tempDir } from '../../kit/gitFixture';
import { runCliInProcess } from '../../kit/runCliInProcess';
import type { Report } from '../../../src/core/metrics/registry';

describe('Jira configured without credentials or with a bad URL (CLI)', () => {
  let repo: GitFixture;
  before(() => {
    repo = GitFixture.init();
    repo.commit('one', { 'a.ts': 'let a = 1;\n' }, { date: '2026-03-01T00:00:00Z' });
  });
  after(() => repo.remove());

  const jiraMessage = async (url: string, env: NodeJS.ProcessEnv = {}) => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--format', 'json', '--cache-dir', tempDir(), '--jira-url', url], { env });
    assert.equal(run.code, 0, run.stderr);
    return (JSON.parse(run.stdout) as Report).sources.jira;
  };

  it('names the Cloud credentials for an atlassian.net site, and falls back to git', async () => {
    const jira = await jiraMessage('https://example.atlassian.net');
    assert.equal(jira.status, 'error');
    assert.equal(jira.message, 'No Jira credentials: set JIRA_EMAIL and JIRA_API_TOKEN');
  });

  it('names both kinds of credentials when the site could be Server or Cloud', async () => {
    const jira = await jiraMessage('https://jira.corp.example');
    assert.equal(jira.message, 'No Jira credentials: set JIRA_PAT (Server/Data Center) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud)');
  });

  it('rejects a --jira-url that is not an address with exit code 2', async () => {
    const run = await runCliInProcess(['report', '--repo', repo.dir, '--jira-url', 'example.atlassian.net']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--jira-url must be an https:\/\/ address like https:\/\/example\.atlassian\.net/);
  });
});
