import type { CommentStyle } from './languages';

interface Syntax {
  line: string[];
  block: Array<[string, string]>;
  quotes: string[];
}

const SYNTAX: Record<Exclude<CommentStyle, 'ts' | 'none'>, Syntax> = {
  c: { line: ['//'], block: [['/*', '*/']], quotes: ['"', "'", '`'] },
  hash: { line: ['#'], block: [], quotes: ['"', "'"] },
  dashdash: { line: ['--'], block: [['{-', '-}'], ['--[[', ']]']], quotes: ['"', "'"] },
  semicolon: { line: [';'], block: [['#|', '|#']], quotes: ['"'] },
  percent: { line: ['%'], block: [], quotes: ['"'] },
};

/**
 * Counts lines that hold something other than white space and comments. It tracks string
 * literals so that "//" inside a string is code, and block comments across lines.
 */
export function countCodeLines(text: string, style: CommentStyle): number {
  if (style === 'none' || style === 'ts') return text.split('\n').filter((l) => l.trim() !== '').length;
  const syn = SYNTAX[style];
  let count = 0;
  let inBlock: string | null = null;
  for (const line of text.split('\n')) {
    let code = false;
    let i = 0;
    let quote: string | null = null;
    while (i < line.length) {
      if (inBlock) {
        const end = line.indexOf(inBlock, i);
        if (end < 0) { i = line.length; break; }
        i = end + inBlock.length;
        inBlock = null;
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
      if (opener) { inBlock = opener[1]; i += opener[0].length; continue; }
      if (syn.line.some((p) => line.startsWith(p, i))) break;
      code = true;
      if (syn.quotes.includes(ch)) quote = ch;
      i += 1;
    }
    if (code) count += 1;
  }
  return count;
}
