import { strict as assert } from 'node:assert';
import { sourceLine } from '../../../src/core/report/formatValue';
import type { Report } from '../../../src/core/metrics/registry';

const withSources = (sources: Report['sources']) => ({ sources }) as Report;

describe('the sources line of the table and Markdown reports', () => {
  it('shows a message that names its source as it is, and names the source otherwise', () => {
    const line = sourceLine(withSources({
      git: { status: 'ok' },
      github: { status: 'off', message: 'GitHub: off (set GITHUB_TOKEN)' },
      jira: { status: 'error', message: 'connection refused' },
    }));
    assert.equal(line, 'git: ok · GitHub: off (set GITHUB_TOKEN) · Jira: error (connection refused)');
  });

  it('keeps a source-worded error whole, with its fix', () => {
    const line = sourceLine(withSources({
      git: { status: 'ok' },
      github: { status: 'error', message: 'GitHub token rejected (401): set GITHUB_TOKEN to a valid token' },
      jira: { status: 'off' },
    }));
    assert.equal(line, 'git: ok · GitHub token rejected (401): set GITHUB_TOKEN to a valid token · Jira: off');
  });
});
