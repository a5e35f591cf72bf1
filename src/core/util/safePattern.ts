import type { RE2JS } from 're2js';

/**
 * Every pattern a user, a repository (`.engineering-kpis.json` is repository-controlled) or a
 * setting supplies runs on RE2 (re2js, a pure-JS port): matching is linear in the input, so no
 * pattern can make the run hang on tags or server-sent labels the way `(a+)+$` does on a
 * backtracking engine. The price is RE2's syntax: no backreferences and no lookaround.
 */
export interface SafePattern {
  readonly source: string;
  /** True when the pattern matches anywhere in `s` (like RegExp.prototype.test). */
  test(s: string): boolean;
}

/** A pattern RE2 cannot compile; the message names the setting and says why, in one line. */
export class PatternError extends Error {}

// The shipped defaults are our own literals (no nested repeats), not input: they keep V8's engine,
// so a run with default settings and the extension's activation never load RE2 (~150 KB).
const builtIn = new Set<string>();

/** Marks a pattern literal written in this code base (a default), which need not go through RE2. */
export function builtInPattern(source: string): string {
  builtIn.add(source);
  return source;
}

let re2: typeof RE2JS | undefined;
function loadRe2(): typeof RE2JS {
  // Loaded on the first non-default pattern only (see builtIn above).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  re2 ??= (require('re2js') as typeof import('re2js')).RE2JS;
  return re2;
}

// Patterns are few (a run has two or three) but tested per tag and per issue: compile each once.
const compiled = new Map<string, SafePattern>();

export function safePattern(source: string, opts: { ignoreCase?: boolean; setting: string }): SafePattern {
  const key = `${opts.ignoreCase ? 'i' : '-'}${source}`;
  const hit = compiled.get(key);
  if (hit) return hit;
  let pattern: SafePattern;
  if (builtIn.has(source)) {
    const native = new RegExp(source, opts.ignoreCase ? 'i' : '');
    pattern = { source, test: (s) => native.test(s) };
  } else {
    const RE2 = loadRe2();
    let re: RE2JS;
    try {
      re = RE2.compile(source, opts.ignoreCase ? RE2.CASE_INSENSITIVE : 0);
    } catch (e) {
      const why = String((e as Error).message).replace(/^error parsing regexp: /, '').replace(/[\r\n]+/g, ' ');
      throw new PatternError(`${opts.setting} ${JSON.stringify(source)} is not a valid RE2 pattern (${why}; backreferences and lookaround are not supported)`);
    }
    pattern = { source, test: (s) => re.test(s) };
  }
  if (compiled.size > 64) compiled.clear();
  compiled.set(key, pattern);
  return pattern;
}
