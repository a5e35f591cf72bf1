import { strict as assert } from 'node:assert';
import { cliReviewAdvice } from '../../../src/cli/reviewAdvice';
import type { SourceStatus } from '../../../src/core/model/dataset';
import { reviewAdvice } from '../../../src/extension/common/sourceWording';

const off: SourceStatus = { status: 'off' };
const git: SourceStatus = { status: 'ok' };

describe('the words each host gives a missing source in the sprint review', () => {
  it('off: the CLI names its flags and environment, the editor its commands', () => {
    assert.deepEqual(cliReviewAdvice({ jira: off, github: { status: 'off', message: 'GitHub: off (set GITHUB_TOKEN)', fault: { kind: 'no-credentials' } } }), {
      jira: 'add --jira-url, --jira-project and --jira-board, with JIRA_PAT (Server) or JIRA_EMAIL and JIRA_API_TOKEN (Cloud) in the environment',
      github: 'set GITHUB_TOKEN (the origin remote on github.com, or --github-repo OWNER/NAME)',
    });
    assert.deepEqual(reviewAdvice({ git, jira: off, github: off }), { jira: 'run Configure Jira', github: 'run Configure GitHub' });
  });

  it('a Jira that failed before giving data: the CLI keeps the core\'s CLI-worded message, the editor says the cause and its command, never JIRA_PAT', () => {
    const failed: SourceStatus = { status: 'error', message: 'Jira: 401 Unauthorized (check JIRA_PAT)', fault: { kind: 'auth', httpStatus: 401 } };
    assert.equal(cliReviewAdvice({ jira: failed, github: git }).jira, 'Jira: 401 Unauthorized (check JIRA_PAT)');
    const editor = reviewAdvice({ git, jira: failed, github: git }).jira!;
    assert.equal(editor, '401: the token was rejected — run Configure Jira');
    const host: SourceStatus = { status: 'error', message: 'Jira: getaddrinfo ENOTFOUND jira.example.invalid', fault: { kind: 'host-not-found', host: 'jira.example.invalid' } };
    assert.equal(reviewAdvice({ git, jira: host, github: git }).jira, 'host not found: jira.example.invalid — check the Jira URL (Configure Jira) or your network');
  });
});
