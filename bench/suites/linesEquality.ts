/**
 * The line counter's exactness on a whole checkout: for every TypeScript/JavaScript file, the
 * product's count against the counter it replaced (any difference would change a report) and
 * against typescript-estree's token lines (the definition the scanner was proved equal to).
 */
import { codeLines } from '../../src/core/sources/kloc/codeLines';
import { isJsx } from '../../src/core/sources/kloc/isJsx';
import { lexTokenLines } from '../../src/core/sources/kloc/tokenLineLexer';
import * as scanner from '../../src/core/sources/kloc/tsScannerLines';
import * as estree from '../../src/core/sources/kloc/tsTokenLines';
import { countOld, type CheckoutFile } from './linesSpeed';

export interface LinesEquality {
  files: number;
  /** Files whose count equals the old counter's. */
  sameAsOld: number;
  /** Files whose count equals typescript-estree's token lines. */
  sameAsEstree: number;
  /** Files typescript-estree cannot parse (no reference to compare with). */
  unparsed: number;
  /** .ts/.js texts the lexer left to the TypeScript scanner. */
  leftToScanner: number;
  /** The first files where the count differs from either. */
  differences: Array<{ path: string; ours: number; old: number; estree: number | null }>;
  pass: boolean;
}

const SHOWN = 5;

export function linesEquality(files: CheckoutFile[]): LinesEquality {
  const ts = files.filter((f) => f.language.comments === 'ts');
  const result: LinesEquality = { files: ts.length, sameAsOld: 0, sameAsEstree: 0, unparsed: 0, leftToScanner: 0, differences: [], pass: false };
  for (const f of ts) {
    const ours = codeLines(f.text, f.path, f.language, { scanner, estree })!;
    const old = countOld(f);
    const reference = estree.estreeTokenLines(f.text, f.path);
    if (!isJsx(f.path) && lexTokenLines(f.text) === null) result.leftToScanner++;
    if (ours === old) result.sameAsOld++;
    if (reference === null) result.unparsed++;
    else if (ours === reference) result.sameAsEstree++;
    if ((ours !== old || (reference !== null && ours !== reference)) && result.differences.length < SHOWN) result.differences.push({ path: f.path, ours, old, estree: reference });
  }
  result.pass = result.sameAsOld === result.files;
  return result;
}

/** One line: what the check found, PASS when every count equals the old counter's. */
export function describeEquality(e: LinesEquality): string {
  const estreeDiffers = e.files - e.unparsed - e.sameAsEstree;
  const where = e.differences.map((d) => `${d.path}: ours ${d.ours}, old ${d.old}, typescript-estree ${d.estree ?? 'unparsed'}`).join('; ');
  return `${e.pass ? '✅ PASS' : '❌ FAIL'} ours = the old counter on ${e.sameAsOld} of ${e.files} .ts/.js files; ` +
    `= typescript-estree's token lines on ${e.sameAsEstree} of ${e.files - e.unparsed}${e.unparsed ? ` (${e.unparsed} it cannot parse)` : ''}` +
    `${estreeDiffers ? ` (${estreeDiffers} ${estreeDiffers === 1 ? 'differs' : 'differ'}${e.pass ? ', as with the old counter' : ''})` : ''}; ${e.leftToScanner} text(s) left to the scanner` +
    (where ? `\n    ${where}` : '');
}
