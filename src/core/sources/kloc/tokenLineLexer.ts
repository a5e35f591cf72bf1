/**
 * TypeScript/JavaScript code lines in one pass over the text, without the TypeScript compiler:
 * a lexer that finds exactly the token boundaries tsScannerLines.ts gets from TypeScript's scanner
 * (comments, strings, template literals and their substitutions, regular expressions), with the
 * same rule for "/" (a regular expression unless the token before it ends an expression). It
 * counts, as that one does, the lines that hold at least one token, a multi-line token on every
 * line it spans; a line is a stretch between two "\n".
 *
 * Outside comments, strings, templates and regular expressions, characters beyond ASCII and "\u"
 * escapes are an identifier or an invalid character as the scanner's Unicode tables say; either
 * way the tokens end at the same place, so the lexer follows them and only gives up (returns
 * null, and the caller asks the scanner) where the answer rests on those tables: a "/" right
 * after such a run, a digit right after a non-ASCII character or backslash in it, a "\u{…}"
 * escape; and at a merge-conflict marker. Of the 22,000 .ts/.js files in this repository's
 * node_modules, none. test/unit/kloc/tokenLineLexer.test.ts proves it equal to the scanner (cases,
 * random fragments, real code); the bench compares both with typescript-estree on a whole
 * realistic repository.
 */

// What the token before a "/" makes of it. WORD: an identifier or keyword, decided only when a
// "/" follows (the keyword test is the costly part, and most words are not followed by one).
// UNSURE: a run of characters beyond ASCII (see wideRunEnd), whose last token only the scanner's
// Unicode tables tell: an identifier (then "/" divides) or an invalid character (it does not).
const REGEX = 0;
const DIVIDE = 1;
const WORD = 2;
const UNSURE = 3;

/**
 * The words after which the scanner reads "/" as a regular expression: TypeScript's reserved and
 * strict-mode reserved words but this, super, true, false and null, and `defer`, the one keyword
 * past the contextual range tsScannerLines.ts dividesAfter tests; every other word is an operand.
 * The unit test derives this list from the installed compiler's keywords.
 */
export const REGEX_AFTER_WORDS: ReadonlySet<string> = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'return', 'switch',
  'throw', 'try', 'typeof', 'var', 'void', 'while', 'with',
  'implements', 'interface', 'let', 'package', 'private', 'protected', 'public', 'static', 'yield', 'defer',
]);

/** A–Z, a–z, $, _ (an identifier's first character, ASCII only), and with the digits any later one. */
const ID_START = new Uint8Array(128);
const ID_PART = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 36 || c === 95;
  ID_START[c] = letter ? 1 : 0;
  ID_PART[c] = letter || (c >= 48 && c <= 57) ? 1 : 0;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isDigitOrSeparator = (c: number): boolean => (c >= 48 && c <= 57) || c === 95;
const isHexOrSeparator = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70) || c === 95;
/** The scanner's line breaks: a comment or regular expression ends at any of them. */
const isLineBreak = (c: number): boolean => c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
/** The scanner's white space above U+007F (NBSP, NEL, the Unicode spaces, BOM), and its two line breaks there. */
const isWideSpace = (c: number): boolean =>
  c === 0xa0 || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
const isSpaceLike = (c: number): boolean => c === 32 || c === 9 || c === 11 || c === 12 || c === 10 || c === 13 || isWideSpace(c);
/**
 * After an identifier's ASCII characters, what could still go on with it: a character beyond
 * ASCII, or a "\u" escape (any other backslash ends it).
 */
const goesOnBeyondAscii = (text: string, at: number): boolean => {
  const c = text.charCodeAt(at);
  return c >= 128 || (c === 92 && text.charCodeAt(at + 1) === 117);
};

/** `text[at..]` starts a merge-conflict marker the scanner skips (seven of `<`, `=`, `>` or `|` at a line start). */
function conflictMarker(text: string, at: number, c: number): boolean {
  if (at > 0 && !isLineBreak(text.charCodeAt(at - 1))) return false;
  for (let k = 1; k < 7; k++) if (text.charCodeAt(at + k) !== c) return false;
  return true;
}

/** End of the number at `at` as the scanner reads it (digits, fraction, exponent, BigInt suffix). */
function numberEnd(text: string, at: number): number {
  let j = at;
  const c = text.charCodeAt(j);
  const d = text.charCodeAt(j + 1);
  if (c === 48 && j + 2 < text.length && (d === 120 || d === 88 || d === 98 || d === 66 || d === 111 || d === 79)) {
    // 0x…, 0b…, 0o…, then only a BigInt "n": a letter or digit after them is a token of its own.
    const base = d === 120 || d === 88 ? 16 : d === 98 || d === 66 ? 2 : 8;
    j += 2;
    for (let e = text.charCodeAt(j); base === 16 ? isHexOrSeparator(e) : e === 95 || (e >= 48 && e < 48 + base); e = text.charCodeAt(++j));
    return text.charCodeAt(j) === 110 ? j + 1 : j;
  }
  let leadingZero = false;
  if (c === 48 && isDigit(d)) {
    // Legacy octal (017) ends at its digits; a decimal with a leading zero (019.5) takes a
    // fraction and exponent but no suffix, and nothing after it is looked at.
    let octal = true;
    for (j++; isDigit(text.charCodeAt(j)); j++) if (text.charCodeAt(j) >= 56) octal = false;
    if (octal) return j;
    leadingZero = true;
  }
  while (isDigitOrSeparator(text.charCodeAt(j))) j++;
  let integer = true;
  if (text.charCodeAt(j) === 46) {
    integer = false;
    j++;
    while (isDigitOrSeparator(text.charCodeAt(j))) j++;
  }
  const e = text.charCodeAt(j);
  if (e === 101 || e === 69) {
    integer = false;
    j++;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    while (isDigitOrSeparator(text.charCodeAt(j))) j++;
  }
  if (leadingZero) return j;
  if (integer && text.charCodeAt(j) === 110) j++;
  // An identifier straight after is an error the scanner makes a token of its own, except a lone
  // "n", which it takes into the number. Where the identifier goes on beyond ASCII, the number
  // ends here either way, and the rest is a run of the caller's (wideRunEnd).
  const f = text.charCodeAt(j);
  if (f >= 128 || ID_START[f] !== 1) return j;
  let k = j + 1;
  while (ID_PART[text.charCodeAt(k)] === 1) k++;
  return k === j + 1 && f === 110 && !goesOnBeyondAscii(text, k) ? k : j;
}

/**
 * End of a run of identifier characters that reaches beyond ASCII (from `at`: a non-ASCII
 * character, a "\u" escape, or an identifier that goes on with one of them): ASCII letters,
 * digits, $, _, backslashes and any character above U+007F but white space and U+FFFD. Whether
 * the scanner makes one identifier of it or an invalid character and more tokens, its tokens end
 * there, on this line; only the kind of the last one is unsure. -1 where even that end is not
 * sure: a digit right after a non-ASCII character or a backslash (a number, or part of a name?),
 * or a "\u{…}" escape.
 */
function wideRunEnd(text: string, at: number): number {
  let j = at;
  for (; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c >= 128) {
      if (c === 0xfffd || isWideSpace(c)) break;
      continue;
    }
    if (c === 92) {
      if (text.charCodeAt(j + 1) === 117 && text.charCodeAt(j + 2) === 123) return -1;
      continue;
    }
    if (ID_PART[c] !== 1) break;
    if (c <= 57 && c >= 48 && j > at) {
      const before = text.charCodeAt(j - 1);
      if (before >= 128 || before === 92) return -1;
    }
  }
  return j;
}

/**
 * The scanner's end for a regular expression it cannot close on its line (`body` is where the
 * line ends): back to the first unbalanced ")", "]" or "}" outside a class, less white space and
 * ";" before it. Such a "/" is usually a division the "/" rule took for a regular expression.
 */
function unterminatedRegexEnd(text: string, start: number, body: number): number {
  let j = start;
  let escape = false;
  let classDepth = 0;
  let quantifier = false;
  let groups = 0;
  for (; j < body; j++) {
    const ch = text.charCodeAt(j);
    if (escape) escape = false;
    else if (ch === 92) escape = true;
    else if (ch === 91) classDepth++;
    else if (ch === 93 && classDepth) classDepth--;
    else if (!classDepth) {
      if (ch === 123) quantifier = true;
      else if (ch === 125 && quantifier) quantifier = false;
      else if (!quantifier) {
        if (ch === 40) groups++;
        else if (ch === 41 && groups) groups--;
        else if (ch === 41 || ch === 93 || ch === 125) break;
      }
    }
  }
  while (j > 0 && (isSpaceLike(text.charCodeAt(j - 1)) || text.charCodeAt(j - 1) === 59)) j--;
  return j;
}

/**
 * End of the rest of a template literal from `j` (just after "`" or a substitution's "}"): just
 * past the "`" that closes it, or the end of the text; negated (~end) where "${" stops it.
 */
function templateEnd(text: string, j: number): number {
  const n = text.length;
  for (; j < n; j++) {
    const c = text.charCodeAt(j);
    if (c === 96) return j + 1;
    if (c === 36 && text.charCodeAt(j + 1) === 123) return ~(j + 2);
    if (c === 92) j++;
  }
  return n;
}

/**
 * The lines a token from `from` to `to` runs onto after its first: one per "\n" in it (a line
 * continuation's too), but for the text's last character, after which no line starts.
 */
function linesAfterFirst(text: string, from: number, to: number): number {
  let lines = 0;
  for (let k = text.indexOf('\n', from); k >= 0 && k < to && k < text.length - 1; k = text.indexOf('\n', k + 1)) lines++;
  return lines;
}

/** Code lines of a .ts/.js text as tsScannerLines.ts counts them, or null where that one must decide. */
export function lexTokenLines(text: string): number | null {
  const n = text.length;
  let count = 0;
  // Whether the line the lexer is on holds a token already.
  let counted = false;
  let prev = REGEX;
  let wordStart = 0;
  let wordEnd = 0;
  // Brace depth inside each open template substitution, innermost last (as tsScannerLines.ts).
  const templates: number[] = [];
  let i = 0;
  if (text.charCodeAt(0) === 35 && text.charCodeAt(1) === 33) {
    // A shebang at the very start is trivia, up to the line break.
    i = 2;
    while (i < n && !isLineBreak(text.charCodeAt(i))) i++;
  }

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) {
      i++;
      continue;
    }
    if (c === 10) {
      counted = false;
      i++;
      continue;
    }
    if (c === 13 || c === 11 || c === 12) {
      i++;
      continue;
    }
    if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        // To the line break; most characters are neither below CR nor among U+2028/U+2029.
        for (i += 2; i < n; i++) {
          const x = text.charCodeAt(i);
          if (x > 13 && x < 0x2028) continue;
          if (isLineBreak(x)) break;
        }
        continue;
      }
      if (d === 42) {
        const close = text.indexOf('*/', i + 2);
        const stop = close < 0 ? n : close + 2;
        const nl = text.indexOf('\n', i + 2);
        if (nl >= 0 && nl < stop) counted = false;
        i = stop;
        continue;
      }
      if (!counted) {
        count++;
        counted = true;
      }
      if (prev === UNSURE) return null;
      const divides = prev === DIVIDE || (prev === WORD && !REGEX_AFTER_WORDS.has(text.slice(wordStart, wordEnd)));
      if (divides) {
        i += d === 61 ? 2 : 1;
        prev = REGEX;
        continue;
      }
      // A regular expression: to the "/" outside a character class, then its flags.
      let j = i + 1;
      let inClass = false;
      let escape = false;
      for (;;) {
        const r = text.charCodeAt(j);
        if (j >= n || isLineBreak(r)) break;
        if (escape) escape = false;
        else if (r === 47 && !inClass) break;
        else if (r === 91) inClass = true;
        else if (r === 92) escape = true;
        else if (r === 93) inClass = false;
        j++;
      }
      if (j >= n || text.charCodeAt(j) !== 47) j = unterminatedRegexEnd(text, i + 1, j);
      else {
        const flags = ++j;
        while (ID_PART[text.charCodeAt(j)] === 1) j++;
        const f = text.charCodeAt(j);
        if (f >= 128 && f !== 0xfffd && !isWideSpace(f)) {
          // Flags going on beyond ASCII: flags or an invalid character, the scanner's tables say.
          i = wideRunEnd(text, flags);
          if (i < 0) return null;
          prev = UNSURE;
          continue;
        }
      }
      i = j;
      prev = DIVIDE;
      continue;
    }
    if (c >= 128) {
      // White space or a line break beyond ASCII (not a line of its own: lines end at "\n").
      if (isWideSpace(c)) {
        i++;
        continue;
      }
      if (!counted) count++;
      if (c === 0xfffd) {
        // The scanner takes a file with U+FFFD outside strings and comments for binary: one token
        // from here to the end, on every line it covers.
        for (let k = text.indexOf('\n', i); k >= 0 && k < n - 1; k = text.indexOf('\n', k + 1)) count++;
        return count;
      }
      counted = true;
      i = wideRunEnd(text, i);
      if (i < 0) return null;
      prev = UNSURE;
      continue;
    }
    if (c === 92) {
      if (!counted) {
        count++;
        counted = true;
      }
      if (text.charCodeAt(i + 1) === 117) {
        // "\u": an escaped identifier, or an invalid character and a name.
        i = wideRunEnd(text, i);
        if (i < 0) return null;
        prev = UNSURE;
        continue;
      }
      // Outside strings any other backslash is an invalid character of its own.
      i++;
      prev = REGEX;
      continue;
    }
    if (!counted) {
      count++;
      counted = true;
    }
    if (ID_START[c] === 1) {
      let j = i + 1;
      while (j < n) {
        if (ID_PART[text.charCodeAt(j)] !== 1) break;
        j++;
      }
      if (goesOnBeyondAscii(text, j)) {
        i = wideRunEnd(text, i);
        if (i < 0) return null;
        prev = UNSURE;
        continue;
      }
      wordStart = i;
      wordEnd = j;
      prev = WORD;
      i = j;
      continue;
    }
    if (isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)))) {
      i = numberEnd(text, i);
      prev = DIVIDE;
      continue;
    }
    switch (c) {
      case 34:
      case 39: {
        let j = i + 1;
        for (; j < n; j++) {
          const s = text.charCodeAt(j);
          if (s === c) {
            j++;
            break;
          }
          if (s === 10 || s === 13) break; // unterminated at the line break
          if (s !== 92) continue;
          j++;
          const e = text.charCodeAt(j);
          if (e === 13 && text.charCodeAt(j + 1) === 10) j++;
          if (text.charCodeAt(j) === 10) {
            // A line continuation: the next line holds the string only if it goes on there.
            const next = text.charCodeAt(j + 1);
            if (j + 1 < n && next !== 10 && next !== 13) count++;
            else counted = false;
          }
        }
        i = Math.min(j, n);
        prev = DIVIDE;
        continue;
      }
      case 96: {
        const e = templateEnd(text, i + 1);
        const end = e < 0 ? ~e : e;
        count += linesAfterFirst(text, i, end);
        i = end;
        if (e < 0) {
          templates.push(0);
          prev = REGEX;
        } else prev = DIVIDE;
        continue;
      }
      case 123:
        if (templates.length > 0) templates[templates.length - 1]! += 1;
        i++;
        prev = REGEX;
        continue;
      case 125:
        if (templates.length > 0 && templates[templates.length - 1] === 0) {
          const e = templateEnd(text, i + 1);
          const end = e < 0 ? ~e : e;
          count += linesAfterFirst(text, i, end);
          i = end;
          if (e < 0) prev = REGEX;
          else {
            templates.pop();
            prev = DIVIDE;
          }
          continue;
        }
        if (templates.length > 0) templates[templates.length - 1]! -= 1;
        i++;
        prev = DIVIDE;
        continue;
      case 41:
      case 93:
        i++;
        prev = DIVIDE;
        continue;
      case 43:
      case 45: {
        const d = text.charCodeAt(i + 1);
        if (d === c) {
          i += 2;
          prev = DIVIDE;
        } else {
          i += d === 61 ? 2 : 1;
          prev = REGEX;
        }
        continue;
      }
      case 33:
        if (text.charCodeAt(i + 1) === 61) {
          i += text.charCodeAt(i + 2) === 61 ? 3 : 2;
          prev = REGEX;
        } else {
          i++;
          prev = DIVIDE;
        }
        continue;
      case 46:
        i += text.charCodeAt(i + 1) === 46 && text.charCodeAt(i + 2) === 46 ? 3 : 1;
        prev = REGEX;
        continue;
      case 35: {
        // "#!" past the start is one invalid character; "#name" (or a lone "#") a private name.
        const d = text.charCodeAt(i + 1);
        if (d === 33) {
          i++;
          prev = REGEX;
          continue;
        }
        let j = i + 1;
        if (ID_START[d] === 1) while (ID_PART[text.charCodeAt(j)] === 1) j++;
        if (goesOnBeyondAscii(text, j)) {
          // A private name going on beyond ASCII, or "#" before a run of it: the scanner's tables tell.
          i = wideRunEnd(text, i + 1);
          if (i < 0) return null;
          prev = UNSURE;
          continue;
        }
        i = j;
        prev = DIVIDE;
        continue;
      }
      case 60:
      case 61:
      case 62:
      case 124:
        if (conflictMarker(text, i, c)) return null;
        i++;
        prev = REGEX;
        continue;
      default:
        // The other punctuators, and control characters (an invalid character is a token too).
        i++;
        prev = REGEX;
        continue;
    }
  }
  return count;
}
