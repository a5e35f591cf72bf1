import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_OPTIONS } from '../../../src/core/options';
import { DEFAULT_WINDOW_DAYS, PRESET_WINDOW_DAYS } from '../../../src/core/model/time';
import { githubAuthProvider, OPTION_SETTING_PREFIX, readSettings } from '../../../src/extension/settings/settings';

const from = (values: Record<string, unknown>) => (key: string) => values[key];

type ManifestSetting = { enum?: unknown; default?: unknown };

/** package.json's settings, by id: what the Settings UI shows and VS Code hands readSettings when unset. */
function manifestSettings(): Record<string, ManifestSetting> {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
    contributes: { configuration: { properties: Record<string, ManifestSetting> } | Array<{ properties: Record<string, ManifestSetting> }> };
  };
  const configs = ([] as Array<{ properties: Record<string, ManifestSetting> }>).concat(manifest.contributes.configuration);
  return Object.assign({}, ...configs.map((c) => c.properties)) as Record<string, ManifestSetting>;
}

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
    assert.match(s.problems[0] ?? '', /is not a valid RE2 pattern/);
  });

  it("package.json's metrics.* setting defaults are the core's DEFAULT_OPTIONS (one default, mirrored for the Settings UI)", () => {
    // VS Code hands readSettings the manifest's default for an unset setting, so a manifest default
    // that drifted from the core's would silently win in the editor while the CLI used the core's.
    const props = manifestSettings();
    for (const [key, value] of Object.entries(DEFAULT_OPTIONS)) {
      const setting = props[`engineeringKpis.${OPTION_SETTING_PREFIX}${key}`];
      assert.ok(setting, `package.json declares engineeringKpis.metrics.${key}`);
      assert.deepEqual(setting.default, value, `default of engineeringKpis.metrics.${key}`);
    }
    assert.equal(DEFAULT_OPTIONS.releaseTagPattern, '^v?\\d+(\\.\\d+){1,3}$'); // spec §3 (v2)
  });

  it("package.json's windowDays offers the core's preset lengths and defaults to the core's default window (90 days, spec Conventions)", () => {
    const setting = manifestSettings()['engineeringKpis.windowDays']!;
    assert.deepEqual(setting.enum, [...PRESET_WINDOW_DAYS]);
    assert.equal(setting.default, DEFAULT_WINDOW_DAYS);
    assert.equal(DEFAULT_WINDOW_DAYS, 90);
  });

  it('ignores unknown KPI names and window lengths', () => {
    const s = readSettings(from({ 'statusBar.kpi': 'happiness', windowDays: 45, refreshIntervalMinutes: 0 }));
    assert.equal(s.statusBarKpi, 'cycleTime');
    assert.equal(s.windowDays, 90);
    assert.equal(s.refreshIntervalMinutes, 15);
  });

  it('turns the sprint review\'s per-person rows on only when the setting is true', () => {
    assert.equal(readSettings(from({})).sprintReviewPerPerson, false);
    assert.equal(readSettings(from({ 'sprintReview.perPerson': 'yes' })).sprintReviewPerPerson, false);
    assert.equal(readSettings(from({ 'sprintReview.perPerson': true })).sprintReviewPerPerson, true);
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { default?: unknown }> } } };
    assert.equal(pkg.contributes.configuration.properties['engineeringKpis.sprintReview.perPerson']?.default, false);
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
