import { safeGlobMatcher } from '../../util/safeGlob';
import { languageOf, type LanguageInfo } from './languages';

/**
 * What the line counter is given: the spec's globs (§4 Size), the only options it reads. The
 * cache keys on them, so the same globs count the same lines whichever host asked.
 */
export interface KlocConfig {
  /** Empty: every file of a programming language is source. */
  sourceGlobs: string[];
  excludeGlobs: string[];
  testGlobs: string[];
}

export type FileClass = { kind: 'source' | 'test'; language: LanguageInfo } | null;

/**
 * Decides, from the spec's globs, whether a path is source, test, or neither (§4 Size).
 * Default sourceGlobs (empty) means "every file of a programming language".
 */
export function fileClassifier(options: KlocConfig): (path: string) => FileClass {
  const isSource = options.sourceGlobs.length > 0 ? safeGlobMatcher(options.sourceGlobs, 'sourceGlobs') : null;
  const isExcluded = safeGlobMatcher(options.excludeGlobs, 'excludeGlobs');
  const isTest = safeGlobMatcher(options.testGlobs, 'testGlobs');
  return (p) => {
    if (isExcluded(p)) return null;
    const language = languageOf(p);
    if (isSource ? !isSource(p) : !language?.programming) return null;
    const lang = language ?? { name: 'Other', programming: true, comments: 'none' as const };
    return { kind: isTest(p) ? 'test' : 'source', language: lang };
  };
}

/** Test-file matcher alone, for "did this fix touch a test" (§6). */
export function testMatcher(testGlobs: string[]): (path: string) => boolean {
  return safeGlobMatcher(testGlobs, 'testGlobs');
}
