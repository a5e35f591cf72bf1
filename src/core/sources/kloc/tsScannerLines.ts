import ts from 'typescript';

// The default import and local names, not `import * as ts`: the compiler is a chunk of its own
// (see esbuild.mjs), and a namespace import of an external module reads every member through a
// getter, which cost a second per 4,000 files in this loop.
const { SyntaxKind } = ts;

/** Tokens after which a "/" divides; anywhere else it starts a regular expression (as TypeScript's parser decides). */
const ENDS_EXPRESSION = new Set<ts.SyntaxKind>([
  SyntaxKind.Identifier, SyntaxKind.PrivateIdentifier, SyntaxKind.NumericLiteral, SyntaxKind.BigIntLiteral,
  SyntaxKind.StringLiteral, SyntaxKind.RegularExpressionLiteral, SyntaxKind.NoSubstitutionTemplateLiteral,
  SyntaxKind.TemplateTail, SyntaxKind.CloseParenToken, SyntaxKind.CloseBracketToken, SyntaxKind.CloseBraceToken,
  SyntaxKind.ThisKeyword, SyntaxKind.SuperKeyword, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword, SyntaxKind.PlusPlusToken, SyntaxKind.MinusMinusToken, SyntaxKind.ExclamationToken,
]);

/** Contextual keywords (type, of, as, get…) are identifiers as often as not: after one, "/" divides. */
function dividesAfter(prev: ts.SyntaxKind): boolean {
  return ENDS_EXPRESSION.has(prev) || (prev >= SyntaxKind.AbstractKeyword && prev <= SyntaxKind.OfKeyword);
}

/**
 * Lines that hold at least one token, from TypeScript's own scanner — the lexer whose tokens
 * typescript-eslint's token stream is made of. It re-scans "/" as a regular expression where an
 * expression may start and "}" as the rest of a template literal, as the parser does, so comment
 * and string boundaries come out the same. About 80× faster than a full typescript-estree parse;
 * test/unit/kloc/tsTokenLines.test.ts proves it equal to typescript-estree's token stream on a
 * corpus of real and tricky files.
 */
export function scannerTokenLines(text: string, jsx: boolean): number {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, jsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard, text);
  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (pos: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= pos) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lines = new Set<number>();
  // Brace depth inside each open template substitution, innermost last.
  const templates: number[] = [];
  let prev: ts.SyntaxKind = SyntaxKind.Unknown;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if ((kind === SyntaxKind.SlashToken || kind === SyntaxKind.SlashEqualsToken) && !dividesAfter(prev)) {
      kind = scanner.reScanSlashToken();
    } else if (kind === SyntaxKind.TemplateHead) {
      templates.push(0);
    } else if (kind === SyntaxKind.OpenBraceToken && templates.length) {
      templates[templates.length - 1]! += 1;
    } else if (kind === SyntaxKind.CloseBraceToken && templates.length) {
      if (templates[templates.length - 1] === 0) {
        kind = scanner.reScanTemplateToken(false);
        if (kind === SyntaxKind.TemplateTail) templates.pop();
      } else templates[templates.length - 1]! -= 1;
    }
    if (kind === SyntaxKind.NewLineTrivia || kind === SyntaxKind.WhitespaceTrivia || kind === SyntaxKind.SingleLineCommentTrivia || kind === SyntaxKind.MultiLineCommentTrivia || kind === SyntaxKind.ShebangTrivia || kind === SyntaxKind.ConflictMarkerTrivia) continue;
    const start = lineOf(scanner.getTokenStart());
    const end = lineOf(Math.max(scanner.getTokenStart(), scanner.getTokenEnd() - 1));
    for (let l = start; l <= end; l++) lines.add(l);
    prev = kind;
  }
  return lines.size;
}
