import { parse } from '@typescript-eslint/typescript-estree';
import { scannerTokenLines } from './tsScannerLines';
import { isJsx } from './isJsx';

export { scannerTokenLines };

/**
 * Lines of TypeScript/JavaScript that hold at least one token of typescript-eslint's token
 * stream (comments are not tokens). Returns null when the file does not parse, so the caller
 * can fall back to the comment scanner instead of dropping the file.
 * This module is bundled separately (it carries the TypeScript compiler) and loaded lazily.
 */
export function estreeTokenLines(text: string, filePath: string): number | null {
  const jsx = /\.(tsx|jsx)$/i.test(filePath) || /\.(js|mjs|cjs)$/i.test(filePath);
  try {
    const ast = parse(text, { tokens: true, loc: true, range: false, comment: false, jsx, filePath, suppressDeprecatedPropertyWarnings: true });
    const lines = new Set<number>();
    for (const t of ast.tokens ?? []) {
      for (let l = t.loc.start.line; l <= t.loc.end.line; l++) lines.add(l);
    }
    return lines.size;
  } catch {
    return null;
  }
}

/**
 * The line count used for KLOC: the scanner's lines for plain TS/JS (fast, equal to the token
 * stream), and the full typescript-estree token stream for JSX files, where telling JSX text
 * from code needs the parser.
 */
export function tsTokenLines(text: string, filePath: string): number | null {
  if (isJsx(filePath)) return estreeTokenLines(text, filePath);
  return scannerTokenLines(text, false);
}
