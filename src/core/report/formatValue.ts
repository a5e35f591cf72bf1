import type { KpiResult, KpiUnit } from '../model/kpi';
import type { Report } from '../metrics/registry';

/** Display rounding only (the JSON keeps the computed value). */
export function formatNumber(v: number | null | undefined, digits = 1): string {
  if (v == null) return '—';
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(digits);
}

/** A ratio as a percentage with one decimal ("50.0%"): the CLI, the panel and the status bar print it so. */
export function formatRatio(v: number): string {
  return `${(v * 100).toFixed(1)}%`;
}

/** The number alone, rounded as its unit is everywhere (CLI, status bar, panel): defects/KLOC to 2 decimals, a ratio as a percentage. */
export function formatUnitNumber(v: number, unit: KpiUnit): string {
  if (unit === 'ratio') return formatRatio(v);
  return formatNumber(v, unit === 'defects/KLOC' ? 2 : 1);
}

export function formatKpiValue(k: KpiResult): string {
  if (k.value == null) return '—';
  if (k.unit === 'ratio') return formatRatio(k.value);
  return `${formatUnitNumber(k.value, k.unit)} ${k.unit}`;
}

/** Relative change against the previous window, e.g. "▼12%"; empty when either side is missing. */
export function formatChange(k: KpiResult): string {
  if (k.value == null || k.previous == null || k.previous === 0) return '';
  const pct = Math.round(((k.value - k.previous) / k.previous) * 100);
  return `${pct > 0 ? '▲' : pct < 0 ? '▼' : '='}${Math.abs(pct)}%`;
}

export function sourceLine(report: Report): string {
  return (['git', 'github', 'jira'] as const)
    .map((s) => {
      const st = report.sources[s];
      const label = s === 'git' ? 'git' : s === 'github' ? 'GitHub' : 'Jira';
      // Sources word their messages for people and name themselves ("GitHub: off (set GITHUB_TOKEN)",
      // "Jira rejected the credentials…"): show those as they are; otherwise name the source.
      if (st.message?.startsWith(label)) return st.message;
      return `${label}: ${st.status}${st.message ? ` (${st.message})` : ''}`;
    })
    .join(' · ');
}
