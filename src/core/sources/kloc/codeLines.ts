import { countCodeLines } from './commentScanner';
import { isJsx } from './isJsx';
import type { LanguageInfo } from './languages';
import { lexTokenLines } from './tokenLineLexer';

/**
 * The TypeScript-based counters, loaded only when a file needs them (each carries the compiler):
 * the scanner for the few .ts/.js texts the lexer leaves to it, typescript-estree for JSX.
 */
export interface TsCounters {
  scanner?: typeof import('./tsScannerLines');
  estree?: typeof import('./tsTokenLines');
}

/**
 * A file's code lines (spec §4 Size): .ts/.js from the lexer (equal to TypeScript's scanner, which
 * it falls back to), .tsx/.jsx from typescript-estree's token stream (only the parser tells JSX
 * text from code; a file it cannot parse gets the C-style comment scanner), other languages from
 * the comment scanner. Null when the counter the text needs is not in `ts` yet.
 */
export function codeLines(text: string, filePath: string, language: LanguageInfo, ts: TsCounters): number | null {
  if (language.comments !== 'ts') return countCodeLines(text, language.comments);
  if (isJsx(filePath)) return ts.estree ? (ts.estree.estreeTokenLines(text, filePath) ?? countCodeLines(text, 'c')) : null;
  return lexTokenLines(text) ?? ts.scanner?.scannerTokenLines(text, false) ?? null;
}
