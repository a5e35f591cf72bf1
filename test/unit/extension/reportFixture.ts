import type { KpiResult } from '../../../src/core/model/kpi';
import { KPIS, type Report } from '../../../src/core/metrics/registry';

/** A report with chosen KPI values; everything else neutral. */
export function reportWith(kpis: Partial<Report['kpis']>): Report {
  const none = (unit: KpiResult['unit']): KpiResult => ({ value: null, unit, reason: 'no data' });
  return {
    schemaVersion: 1,
    generatedAt: '2026-11-22T10:00:00Z',
    repository: { path: '/repos/shop', defaultBranch: 'main', head: 'abc', shallow: false },
    window: { since: '2026-08-24T10:00:00Z', until: '2026-11-22T10:00:00Z' },
    sources: { git: { status: 'ok' }, github: { status: 'off' }, jira: { status: 'off' } },
    // Each KPI of the registry, in the unit of its last variant (git's, where it has one).
    kpis: { ...(Object.fromEntries(KPIS.map((k) => [k.name, none(k.variants[k.variants.length - 1]!.unit)])) as Report['kpis']), ...kpis },
  };
}
