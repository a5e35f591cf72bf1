import picomatch from 'picomatch';
import type { KpiOptions } from '../options';
import { languageOf, type LanguageInfo } from './languages';

export type FileClass = { kind: 'source' | 'test'; language: LanguageInfo } | null;

/**
 * Decides, from the spec's globs, whether a path is source, test, or neither (§4 Size).
 * Default sourceGlobs (empty) means "every file of a programming language".
 */
export function fileClassifier(options: Pick<KpiOptions, 'sourceGlobs' | 'excludeGlobs' | 'testGlobs'>): (path: string) => FileClass {
  const opts = { dot: true };
  const isSource = options.sourceGlobs.length > 0 ? picomatch(options.sourceGlobs, opts) : null;
  const isExcluded = picomatch(options.excludeGlobs.length > 0 ? options.excludeGlobs : ['\0never'], opts);
  const isTest = picomatch(options.testGlobs.length > 0 ? options.testGlobs : ['\0never'], opts);
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
  return testGlobs.length > 0 ? picomatch(testGlobs, { dot: true }) : () => false;
}
