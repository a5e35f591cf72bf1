/**
 * Issue 14: the faster paths must give the same reports. A warm run must print what the cold run
 * printed, and after each step of new commits the incremental run what a cold run (empty cache)
 * prints on the same repository, byte for byte (generatedAt aside).
 */
import type { ReportRun } from './reportRuns';
import type { Bar } from './table';

export interface SameReportCheck {
  step: string;
  /** undefined: one of the runs failed, nothing to compare. */
  identical: boolean | undefined;
}

export function compareReports(step: string, a: ReportRun | undefined, b: ReportRun | undefined): SameReportCheck {
  return { step, identical: a?.json === undefined || b?.json === undefined ? undefined : a.json === b.json };
}

export function sameReportRows(checks: SameReportCheck[]): Array<{ name: string; value: string }> {
  return checks.map((c) => ({ name: c.step, value: c.identical === undefined ? 'not compared (a run failed)' : c.identical ? 'byte-identical' : 'DIFFERENT' }));
}

/** The bar: how many compared pairs differ (none may); no value when nothing could be compared. */
export function sameReportBar(name: string, checks: SameReportCheck[]): Bar {
  const compared = checks.filter((c) => c.identical !== undefined);
  return { name, value: compared.length ? compared.filter((c) => !c.identical).length : undefined, limit: 0, unit: 'differences' };
}
