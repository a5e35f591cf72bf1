import { round4 } from '../shared/stats';

/**
 * Spec §4 (v2): the smallest file and module that get a density. Below them one fix reads as
 * hundreds or thousands of defects per KLOC (a one-line file with one fix is 1,000/KLOC), so a
 * density would rank noise first.
 */
export const MIN_DENSITY_LINES = { file: 50, module: 500 } as const;

export type HotspotKind = keyof typeof MIN_DENSITY_LINES;

/** Defects per KLOC of a file or module, or null when it is too small for a density to mean anything. */
export function hotspotDensity(kind: HotspotKind, defects: number, lines: number): number | null {
  return lines >= MIN_DENSITY_LINES[kind] ? round4(defects / (lines / 1000)) : null;
}

/** What a hotspot without a density says instead ("under 50 source lines"). */
export const noDensityNote = (kind: HotspotKind): string => `under ${MIN_DENSITY_LINES[kind]} source lines`;

/**
 * Spec §4 (v2) order: more defects first, then the higher density; a hotspot with a density
 * comes before an equal count without one (its number is known, the other's is not). Callers
 * break the remaining ties by name.
 */
export function compareHotspots(a: { defects: number; density: number | null }, b: { defects: number; density: number | null }): number {
  return b.defects - a.defects || (b.density ?? -1) - (a.density ?? -1);
}
