import { round4 } from '../metrics/shared/stats';
import type { Direction, Figure, FigureUnit, PeriodValue } from './reviewTypes';

/** Reasons come from KPI functions that speak of a "window"; the review speaks of a period. */
const periodWords = (s: string): string => s.replace(/\bin window\b/g, 'in period');

/**
 * One figure from its per-period values, newest first: this period, the previous one, and the mean
 * of the last 3 periods that have a value (a missing period is left out, never counted as 0).
 */
export function compare(values: PeriodValue[], unit: FigureUnit): Figure {
  const [cur, prev] = values;
  const last3 = values.slice(0, 3).map((v) => v.value).filter((v): v is number => v != null);
  const value = cur?.value ?? null;
  const previous = prev?.value ?? null;
  let direction: Direction | null = null;
  if (value != null && previous != null) direction = value > previous ? 'up' : value < previous ? 'down' : 'same';
  return {
    value,
    unit,
    previous,
    meanLast3: last3.length ? round4(last3.reduce((s, x) => s + x, 0) / last3.length) : null,
    meanOver: last3.length,
    direction,
    ...(value == null ? { reason: periodWords(cur?.reason ?? 'not computable') } : {}),
    ...(cur?.excluded ? { excluded: cur.excluded } : {}),
    ...(value == null && cur?.needs?.length ? { needs: cur.needs } : {}),
  };
}

/** compare() for every key of a section, given each period's values. */
export function compareAll<K extends string>(periods: Array<Record<K, PeriodValue>>, units: Record<K, FigureUnit>): Record<K, Figure> {
  const keys = Object.keys(units) as K[];
  return Object.fromEntries(keys.map((k) => [k, compare(periods.map((p) => p[k]), units[k])])) as Record<K, Figure>;
}
