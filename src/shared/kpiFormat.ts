/**
 * How a KPI reads to a person, shared by the status bar, its tooltip and the panel so the same
 * number is printed the same way everywhere. Display rounding only: the report keeps full values.
 */
import type { KpiResult, KpiUnit } from '../core/report/reportTypes';
import { KPI_LABELS, formatChange as coreFormatChange, formatNumber as coreFormatNumber } from '../core/report/formatValue';
import type { PanelCommand } from './protocol';

export { KPI_LABELS };

/** Short suffix for the status bar ("26.4h"). */
const SHORT_UNIT: Record<KpiUnit, string> = {
  hours: 'h',
  'points/sprint': ' pts',
  'changes/week': '/wk',
  days: 'd',
  'defects/KLOC': '/KLOC',
  count: '',
  ratio: '',
};

/** The number alone, rounded as the CLI's table and Markdown round it (core/report/formatValue.ts). */
export function formatNumber(value: number, unit: KpiUnit): string {
  if (unit === 'ratio') return `${coreFormatNumber(value * 100, 1)}%`;
  return coreFormatNumber(value, unit === 'defects/KLOC' ? 2 : 1);
}

/** "26.4h", "0.4/wk", "50%", or "—" when there is no value. */
export function formatShort(kpi: KpiResult): string {
  if (kpi.value === null) return '—';
  const n = formatNumber(kpi.value, kpi.unit);
  return kpi.unit === 'ratio' ? n : `${n}${SHORT_UNIT[kpi.unit]}`;
}

/** Relative change against the previous window: "▼12%", "▲5%", "=0%", or undefined when not comparable. */
export function formatChange(value: number | null, previous: number | null | undefined): string | undefined {
  if (value === null) return undefined;
  return coreFormatChange({ value, previous, unit: 'count' }) || undefined;
}

export interface FixAction {
  label: string;
  command: PanelCommand;
}

/** The actions that can turn a null KPI into a number, read from its reason. */
export function fixActionsFor(reason: string | undefined): FixAction[] {
  const r = reason ?? '';
  const out: FixAction[] = [];
  if (/jira/i.test(r)) out.push({ label: 'Connect Jira', command: 'engineeringKpis.configureJira' });
  if (/github/i.test(r)) out.push({ label: 'Connect GitHub', command: 'engineeringKpis.configureGitHub' });
  if (out.length === 0) out.push({ label: 'Refresh', command: 'engineeringKpis.refresh' });
  return out;
}
