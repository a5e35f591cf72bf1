import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KPIS } from '../../../src/core/metrics/registry';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCE_ORDER = ['jira', 'github', 'git'];

interface SettingSchema {
  enum?: string[];
  enumDescriptions?: string[];
}

function statusBarSetting(): SettingSchema {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, SettingSchema> } } };
  const setting = pkg.contributes.configuration.properties['engineeringKpis.statusBar.kpi'];
  assert.ok(setting, 'package.json has no engineeringKpis.statusBar.kpi setting');
  return setting;
}

/** docs/metrics.md's `## ` sections by heading: each KPI's is "## N. Label (`name`, unit)". */
function docSections(): Array<{ heading: string; body: string }> {
  const text = readFileSync(join(ROOT, 'docs', 'metrics.md'), 'utf8');
  return text.split(/^(?=## )/m).filter((s) => s.startsWith('## ')).map((s) => ({ heading: s.slice(0, s.indexOf('\n')), body: s }));
}

describe('KPI registry: every KPI is complete wherever it shows', () => {
  it('each KPI has a unique name, a label, an icon and units on its variants, and a git variant or a reason for having none', () => {
    assert.equal(new Set(KPIS.map((k) => k.name)).size, KPIS.length, 'KPI names must be unique');
    for (const k of KPIS) {
      assert.match(k.name, /^[a-z][A-Za-z]+$/, `${k.name}: a name is a camelCase JSON key`);
      assert.ok(k.label.trim().length > 0, `${k.name}: no label`);
      assert.match(k.icon, /^[a-z-]+$/, `${k.name}: the icon must be a codicon name`);
      assert.ok(k.variants.length > 0, `${k.name}: no variant`);
      for (const v of k.variants) assert.ok(v.unit.length > 0, `${k.name}/${v.source}: no unit`);
      const hasGit = k.variants.some((v) => v.source === 'git');
      assert.ok(hasGit || k.unavailable?.reason, `${k.name}: without a git variant it needs an 'unavailable' reason (null with a reason, never 0)`);
    }
  });

  it('each KPI lists its variants Jira > GitHub > git, the order the first available one is chosen in', () => {
    for (const k of KPIS) {
      const ranks = k.variants.map((v) => SOURCE_ORDER.indexOf(v.source));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b), `${k.name}: variants out of order (${k.variants.map((v) => v.source).join(', ')})`);
    }
  });

  it("package.json's status-bar setting offers exactly the registry's KPIs, in its order, each with a description", () => {
    const setting = statusBarSetting();
    assert.deepEqual(setting.enum, KPIS.map((k) => k.name));
    assert.equal(setting.enumDescriptions?.length, KPIS.length, 'one enumDescription per KPI');
    KPIS.forEach((k, i) => assert.ok(setting.enumDescriptions![i]!.includes(k.label.split(' ').pop()!), `${k.name}: its description does not name it`));
  });

  it('docs/metrics.md has a section per KPI, headed by its label and name, that names each unit its variants report', () => {
    const sections = docSections();
    for (const k of KPIS) {
      const section = sections.find((s) => s.heading.includes(`\`${k.name}\``));
      assert.ok(section, `docs/metrics.md has no "## … (\`${k.name}\` …)" section`);
      assert.ok(section.heading.includes(k.label), `${k.name}: the docs heading "${section.heading}" does not say "${k.label}"`);
      for (const unit of new Set(k.variants.map((v) => v.unit))) {
        assert.ok(section.body.includes(unit), `${k.name}: its docs section never names the unit "${unit}"`);
      }
    }
  });
});
