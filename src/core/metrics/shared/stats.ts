import type { Stats } from '../../model/kpi';

/**
 * Percentile by linear interpolation between closest ranks (the "R-7"/NumPy default), so that
 * p50 is the ordinary median. `sorted` must be ascending.
 */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (pos - lo);
}

/** Rounds for the report JSON only: 4 decimals keep hours exact to the second-ish without float noise. */
export function round4(x: number | null): number | null {
  return x == null ? null : Math.round(x * 10_000) / 10_000;
}

/** Stats of durations given in seconds, reported in `unitSeconds` units (3600 = hours, 86400 = days). */
export function durationStats(seconds: ReadonlyArray<number | null>, unitSeconds: number): Stats {
  const xs = seconds.filter((s): s is number => s != null).map((s) => s / unitSeconds).sort((a, b) => a - b);
  if (xs.length === 0) return { value: null, p85: null, mean: null, sampleSize: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return { value: round4(percentile(xs, 0.5)), p85: round4(percentile(xs, 0.85)), mean: round4(mean), sampleSize: xs.length };
}

export const HOUR = 3600;
export const DAY = 86_400;
export const WEEK = 7 * DAY;
