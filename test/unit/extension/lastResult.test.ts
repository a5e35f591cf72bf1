import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportDetails } from '../../../src/core/metrics/registry';
import { KPI_NAMES } from '../../../src/core/metrics/registry';
import { LastResult, settingsKey } from '../../../src/extension/session/lastResult';
import { readSettings } from '../../../src/extension/settings/settings';
import { presentStatus } from '../../../src/extension/statusBar/statusPresentation';
import { reportWith } from './reportFixture';

const report = reportWith({ cycleTime: { value: 26.4, unit: 'hours', source: 'git', previous: 30 } });
const details = Object.fromEntries(KPI_NAMES.map((k) => [k, { items: [], series: [{ week: '2026-W40', value: k.length }] }])) as unknown as ReportDetails;
const defaults = readSettings(() => undefined);
const KEY = settingsKey(defaults);

describe('last result (shown at once in the next session)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ekpi-last-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('reads back the saved report with the time it was saved, and its details', async () => {
    const store = new LastResult(dir, '/repos/shop');
    await store.save(KEY, report, details, new Date('2026-11-22T10:05:00Z'));
    const saved = await new LastResult(dir, '/repos/shop').readReport(KEY);
    assert.equal(saved?.report.kpis.cycleTime.value, 26.4);
    assert.equal(saved?.savedAt, '2026-11-22T10:05:00.000Z');
    assert.deepEqual(await store.readDetails(saved!), details);
  });

  it('keeps one result per repository', async () => {
    await new LastResult(dir, '/repos/shop').save(KEY, report, details);
    assert.equal(await new LastResult(dir, '/repos/other').readReport(KEY), undefined);
  });

  it('shows nothing when the settings changed since (other settings give other numbers)', async () => {
    await new LastResult(dir, '/repos/shop').save(KEY, report, details);
    const thirty = settingsKey(readSettings((k) => (k === 'windowDays' ? 30 : undefined)));
    assert.notEqual(thirty, KEY);
    assert.equal(await new LastResult(dir, '/repos/shop').readReport(thirty), undefined);
  });

  it('reads nothing, and does not throw, when nothing was saved or a file is corrupt', async () => {
    const store = new LastResult(dir, '/repos/shop');
    assert.equal(await store.readReport(KEY), undefined);
    await store.save(KEY, report, details);
    const file = readdirSync(join(dir, 'lastResult')).find((f) => f.endsWith('.report.json'))!;
    writeFileSync(join(dir, 'lastResult', file), '{"schemaVersion":1,"kind":"engineeringKpis.lastReport","data":{"report":{"kpis":');
    assert.equal(await store.readReport(KEY), undefined);
  });

  it('does not pair a report with the details of another report', async () => {
    const store = new LastResult(dir, '/repos/shop');
    await store.save(KEY, report, details);
    const newer = { ...report, generatedAt: '2026-11-23T08:00:00Z' };
    const saved = await store.readReport(KEY);
    await store.save(KEY, newer, details);
    assert.equal(await store.readDetails(saved!), undefined);
  });

  it('writes atomically: no temporary file is left behind', async () => {
    await new LastResult(dir, '/repos/shop').save(KEY, report, details);
    assert.deepEqual(readdirSync(join(dir, 'lastResult')).filter((f) => f.endsWith('.tmp')), []);
    assert.equal(readdirSync(join(dir, 'lastResult')).length, 2);
  });
});

describe('status bar while the last result is shown', () => {
  const cached = presentStatus({ kind: 'computing', cachedAt: '2026-11-22T10:05:00Z' }, report, 'cycleTime');

  it('shows the cached value with the refresh spinner and says it is from cache, as of when', () => {
    assert.equal(cached.text, '$(sync~spin) 26.4h ▼12%');
    assert.match(cached.tooltip, /From cache, as of 2026\\-11\\-22 10:05 UTC; refreshing…/);
    assert.equal(cached.label, 'Engineering KPIs: 26.4h ▼12%, from cache');
  });

  it('drops the cache marker once the fresh value is in', () => {
    const fresh = presentStatus({ kind: 'ready' }, report, 'cycleTime');
    assert.equal(fresh.label, 'Engineering KPIs: 26.4h ▼12%');
    assert.doesNotMatch(fresh.tooltip, /cache/);
  });
});
