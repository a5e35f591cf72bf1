import picomatch from 'picomatch';
import { DEFAULT_EXCLUDE_GLOBS, DEFAULT_TEST_GLOBS } from '../defaultGlobs';
import { PatternError, safePattern } from './safePattern';

/**
 * Globs (sourceGlobs, excludeGlobs, testGlobs) may come from the repository's own config and are
 * matched against the repository's file names: picomatch's regexes backtrack, so `*a*a*a*a*b`
 * against a 255-character name of a's takes seconds per file. Globs are parsed by picomatch (its
 * syntax and semantics stay) and matched on RE2, in linear time, like every other pattern.
 *
 * With `dot: true` picomatch's only lookarounds guard each segment against being empty or exactly
 * "." or "..": a git path never has such a segment, so dropping the guards changes no match and
 * leaves a regex RE2 compiles. What still needs lookaround (a negated extglob `!(x)`, a leading
 * `!`) is refused, with the setting named.
 */
const SEGMENT_GUARDS = ['(?!\\.{1,2}(?:\\/|$))', '(?!(?:^|\\/)\\.{1,2}(?:\\/|$))', '(?=.)'];

// The spec's defaults are ours, not input: picomatch matches them directly, so a default run never loads RE2.
const OURS = new Set([...DEFAULT_EXCLUDE_GLOBS, ...DEFAULT_TEST_GLOBS]);

function globSource(glob: string, setting: string): string {
  if (glob.trim() === '') throw new PatternError(`${setting} has an empty glob: remove it, or write one like "src/**/*.ts"`);
  let source: string;
  try {
    source = picomatch.makeRe(glob, { dot: true }).source;
  } catch (e) {
    throw new PatternError(`${setting} has a glob that cannot be used (${String((e as Error).message).split('\n')[0]})`);
  }
  source = SEGMENT_GUARDS.reduce((s, guard) => s.split(guard).join(''), source);
  try {
    safePattern(source, { setting });
  } catch {
    throw new PatternError(`${setting} glob ${JSON.stringify(glob)} is not supported: negation (!…, !(…)) is not; list what to match instead`);
  }
  return source;
}

/** True when a path matches any of the globs (none: never). Throws PatternError naming `setting` for a glob it cannot use. */
export function safeGlobMatcher(globs: readonly string[], setting: string): (path: string) => boolean {
  if (globs.length === 0) return () => false;
  if (globs.every((g) => OURS.has(g))) return picomatch([...globs], { dot: true });
  const re = safePattern(globs.map((g) => `(?:${globSource(g, setting)})`).join('|'), { setting });
  return (p) => re.test(p);
}

/** Throws PatternError, naming `setting`, for a glob safeGlobMatcher cannot use; compiles nothing for the defaults. */
export function checkGlobs(globs: readonly string[], setting: string): void {
  if (!globs.every((g) => OURS.has(g))) safeGlobMatcher(globs, setting);
}
