import { formatNumber } from '../report/formatValue';
import type { Direction, Figure, FigureUnit } from './reviewTypes';
import { noDensityNote } from '../metrics/defectDensity/hotspots';

/** Display rounding only; the JSON keeps the computed value. */
export function formatFigureValue(v: number | null, unit: FigureUnit): string {
  if (v == null) return '—';
  switch (unit) {
    case 'ratio':
      return `${(v * 100).toFixed(1)}%`;
    case 'hours':
      return `${formatNumber(v, 1)} h`;
    case 'days':
      return `${formatNumber(v, 1)} d`;
    default:
      return formatNumber(v, 1);
  }
}

/** Beyond two days a duration reads better in days: "60 h" is "2.5 d". */
export const DAYS_AFTER_HOURS = 48;

/** A single item's duration (an outlier, an escalation): hours up to 48 h, then days. */
export function formatDuration(hours: number | null): string {
  if (hours == null) return '—';
  return hours > DAYS_AFTER_HOURS ? formatFigureValue(hours / 24, 'days') : formatFigureValue(hours, 'hours');
}

/** "and 175 more files" under a list cut to its first entries; empty when nothing was cut. */
export function moreLine(more: number, one: string, many: string): string {
  return more > 0 ? `and ${more} more ${more === 1 ? one : many}` : '';
}

export function directionMark(d: Direction | null): string {
  return d === 'up' ? '▲' : d === 'down' ? '▼' : d === 'same' ? '=' : '';
}

/** The four cells every figure row shows: this period, previous, mean of last 3, change. */
export function figureCells(f: Figure): [string, string, string, string] {
  return [
    formatFigureValue(f.value, f.unit),
    formatFigureValue(f.previous, f.unit),
    f.meanLast3 == null ? '—' : `${formatFigureValue(f.meanLast3, f.unit)}${f.meanOver < 3 ? ` (${f.meanOver})` : ''}`,
    directionMark(f.direction),
  ];
}

export function periodWord(kind: 'sprint' | 'range'): string {
  return kind === 'sprint' ? 'sprint' : 'period';
}

/** A hotspot file's defects per KLOC; a file too small for a density (spec §4 v2) says so instead of a bare dash. */
export function formatHotspotDensity(density: number | null): string {
  return density == null ? `— (${noDensityNote('file')})` : formatFigureValue(density, 'count');
}

/** The data-quality section without notes: "no gaps" only when no source is missing either. */
export function noGapsSentence(r: { missing: unknown[] }): string {
  return r.missing.length
    ? 'No other gaps: every figure shown was computed from up-to-date sources.'
    : 'No gaps: every figure was computed from configured, up-to-date sources.';
}
