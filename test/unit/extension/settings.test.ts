import assert from 'node:assert/strict';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { githubAuthProvider, readSettings } from '../../../src/extension/settings';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

describe('extension settings', () => {
  it('uses the documented defaults when nothing is set', () => {
    const s = readSettings(from({}));
    assert.equal(s.statusBarKpi, 'cycleTime');
    assert.equal(s.windowDays, 90);
    assert.equal(s.refreshIntervalMinutes, 15);
    assert.equal(s.github.enabled, false);
    assert.equal(s.github.apiUrl, 'https://api.github.com');
    assert.equal(s.jira.url, undefined);
    assert.deepEqual(s.options, DEFAULT_OPTIONS);
    assert.deepEqual(s.problems, []);
  });

  it('maps metrics.* settings onto the core options', () => {
    const s = readSettings(from({ 'metrics.moduleDepth': 3, 'metrics.testGlobs': ['spec/**'], 'statusBar.kpi': 'velocity', windowDays: 30 }));
    assert.equal(s.options.moduleDepth, 3);
    assert.deepEqual(s.options.testGlobs, ['spec/**']);
    assert.deepEqual(s.options.excludeGlobs, DEFAULT_OPTIONS.excludeGlobs);
    assert.equal(s.statusBarKpi, 'velocity');
    assert.equal(s.windowDays, 30);
  });

  it('falls back to defaults and reports a problem for invalid options', () => {
    const s = readSettings(from({ 'metrics.releaseTagPattern': '(' }));
    assert.deepEqual(s.options, DEFAULT_OPTIONS);
    assert.equal(s.problems.length, 1);
    assert.match(s.problems[0] ?? '', /invalid pattern/);
  });

  it('ignores unknown KPI names and window lengths', () => {
    const s = readSettings(from({ 'statusBar.kpi': 'happiness', windowDays: 45, refreshIntervalMinutes: 0 }));
    assert.equal(s.statusBarKpi, 'cycleTime');
    assert.equal(s.windowDays, 90);
    assert.equal(s.refreshIntervalMinutes, 15);
  });

  it('reads Jira settings but never a token', () => {
    const s = readSettings(from({ 'jira.url': ' https://acme.atlassian.net ', 'jira.boardId': 7, 'jira.deployment': 'auto', 'jira.token': 'secret' }));
    assert.equal(s.jira.url, 'https://acme.atlassian.net');
    assert.equal(s.jira.boardId, 7);
    assert.equal(s.jira.deployment, undefined);
    assert.ok(!JSON.stringify(s).includes('secret'));
  });

  it('picks the GitHub Enterprise auth provider for other API hosts', () => {
    assert.equal(githubAuthProvider('https://api.github.com'), 'github');
    assert.equal(githubAuthProvider('https://git.acme.corp/api/v3'), 'github-enterprise');
  });
});
