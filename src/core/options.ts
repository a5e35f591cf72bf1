import { DEFAULT_EXCLUDE_GLOBS, DEFAULT_TEST_GLOBS } from './defaultGlobs';
import { checkGlobs } from './util/safeGlob';
import { builtInPattern, safePattern } from './util/safePattern';

/**
 * Every user-tunable definition knob, with the spec's defaults. The CLI (flags and
 * .engineering-kpis.json) and the extension (settings) both map onto this one object.
 */
export interface KpiOptions {
  releaseTagPattern: string;
  sourceGlobs: string[];
  excludeGlobs: string[];
  testGlobs: string[];
  excludeAuthors: string[];
  moduleDepth: number;
  bugLabelPattern: string;
  defectTypes: string[];
  featureTypes: string[];
  incidentTypes: string[];
  escalationLabels: string[];
  escalationStatuses: string[];
  escalationPriorities: string[];
  supportProjects: string[];
  escapedLabels: string[];
  /** Jira story-points field id; empty = discover by name. */
  storyPointsField: string;
}

export const DEFAULT_OPTIONS: KpiOptions = {
  // Spec §3 (v2): two to four numeric parts, so `v8.1.3.1` is a release and `v1.2.0-rc.1` is not.
  releaseTagPattern: builtInPattern('^v?\\d+(\\.\\d+){1,3}$'),
  sourceGlobs: [],
  excludeGlobs: [...DEFAULT_EXCLUDE_GLOBS],
  testGlobs: [...DEFAULT_TEST_GLOBS],
  excludeAuthors: [],
  moduleDepth: 2,
  // Spec §4: a GitHub issue is a defect when a label matches this (case-insensitive).
  bugLabelPattern: builtInPattern('^(bug|defect|regression)$'),
  defectTypes: ['Bug', 'Defect', 'Incident'],
  featureTypes: ['Story', 'Epic', 'Feature'],
  incidentTypes: ['Incident'],
  escalationLabels: ['escalated', 'escalation'],
  escalationStatuses: ['Escalated'],
  escalationPriorities: ['Highest', 'Blocker', 'Critical'],
  supportProjects: [],
  escapedLabels: ['production', 'escaped', 'customer'],
  storyPointsField: '',
};

/** Merges a partial, possibly user-written object over the defaults, keeping only known keys of the right type. */
export function resolveOptions(...layers: Array<Partial<Record<keyof KpiOptions, unknown>> | undefined>): KpiOptions {
  const out: KpiOptions = { ...DEFAULT_OPTIONS };
  const target = out as unknown as Record<string, unknown>;
  for (const layer of layers) {
    if (!layer) continue;
    for (const key of Object.keys(DEFAULT_OPTIONS) as Array<keyof KpiOptions>) {
      const v = layer[key];
      if (v === undefined) continue;
      const def = DEFAULT_OPTIONS[key];
      if (Array.isArray(def)) {
        if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw new OptionError(`${key} must be a list of strings`);
        target[key] = v;
      } else if (typeof v !== typeof def) {
        throw new OptionError(`${key} must be a ${typeof def}`);
      } else {
        target[key] = v;
      }
    }
  }
  // Checked here, once, so a bad pattern or glob is a usage error naming its setting before any work starts.
  try {
    safePattern(out.releaseTagPattern, { setting: 'releaseTagPattern' });
    safePattern(out.bugLabelPattern, { ignoreCase: true, setting: 'bugLabelPattern' });
    for (const key of ['sourceGlobs', 'excludeGlobs', 'testGlobs'] as const) checkGlobs(out[key], key);
  } catch (e) {
    throw new OptionError((e as Error).message);
  }
  if (!Number.isInteger(out.moduleDepth) || out.moduleDepth < 1) throw new OptionError('moduleDepth must be a whole number ≥ 1');
  return out;
}

export class OptionError extends Error {}
