import type { CommentStyle } from './languages';

interface Syntax {
  line: string[];
  block: Array<[string, string]>;
  quotes: string[];
  /** Block comments nest: WebAssembly text's `(; (; ;) ;)` ends at the second `;)`. */
  nested?: boolean;
  /** A comment from a line that starts with the first word to one that starts with the second (Ruby's =begin/=end). */
  lineStartBlock?: [string, string];
}

const SYNTAX: Record<Exclude<CommentStyle, 'ts' | 'none'>, Syntax> = {
  c: { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'", '`'] },
  hash: { line: ['#'], block: [], quotes: ['"', "'"] },
  ruby: { line: ['#'], block: [], quotes: ['"', "'"], lineStartBlock: ['=begin', '=end'] },
  dashdash: { line: ['--'], block: [['{-', '-}'], ['--[[', ']]']], quotes: ['"', "'"] },
  semicolon: { line: [';'], block: [['#|', '|#']], quotes: ['"'] },
  percent: { line: ['%'], block: [], quotes: ['"'] },
  wat: { line: [';;'], block: [['(;', ';)']], quotes: ['"'], nested: true },
};

/** `line` starts with `word` as a whole word (Ruby reads "=begin" only so, and only at column 0). */
function startsWithWord(line: string, word: string): boolean {
  if (!line.startsWith(word)) return false;
  const next = line.charCodeAt(word.length);
  return Number.isNaN(next) || next === 32 || next === 9 || next === 13;
}

/**
 * Counts lines that hold something other than white space and comments. It tracks string
 * literals so that "//" inside a string is code, and block comments across lines.
 */
export function countCodeLines(text: string, style: CommentStyle): number {
  if (style === 'none' || style === 'ts') return text.split('\n').filter((l) => l.trim() !== '').length;
  const syn = SYNTAX[style];
  let count = 0;
  let block: { open: string; close: string; depth: number } | null = null;
  let inLineStartBlock = false;
  for (const line of text.split('\n')) {
    if (syn.lineStartBlock) {
      if (inLineStartBlock) {
        if (startsWithWord(line, syn.lineStartBlock[1])) inLineStartBlock = false;
        continue;
      }
      if (!block && startsWithWord(line, syn.lineStartBlock[0])) {
        inLineStartBlock = true;
        continue;
      }
    }
    let code = false;
    let i = 0;
    let quote: string | null = null;
    while (i < line.length) {
      if (block) {
        const end = line.indexOf(block.close, i);
        const inner = syn.nested ? line.indexOf(block.open, i) : -1;
        if (inner >= 0 && (end < 0 || inner < end)) {
          block.depth += 1;
          i = inner + block.open.length;
          continue;
        }
        if (end < 0) break;
        i = end + block.close.length;
        if (--block.depth === 0) block = null;
        continue;
      }
      const ch = line[i]!;
      if (quote) {
        if (ch === '\\') i += 2;
        else { if (ch === quote) quote = null; i += 1; }
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r') { i += 1; continue; }
      const opener = syn.block.find(([open]) => line.startsWith(open, i));
      if (opener) { block = { open: opener[0], close: opener[1], depth: 1 }; i += opener[0].length; continue; }
      if (syn.line.some((p) => line.startsWith(p, i))) break;
      code = true;
      if (syn.quotes.includes(ch)) quote = ch;
      i += 1;
    }
    if (code) count += 1;
  }
  return count;
}
