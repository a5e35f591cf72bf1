import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { collectRealContent } from '../../../bench/synth/realContent';
import { REAL_SPECS } from '../../../bench/synth/realRepos';
import { codeLines } from '../../../src/core/sources/kloc/codeLines';
import { languageOf } from '../../../src/core/sources/kloc/languages';
import { REGEX_AFTER_WORDS, lexTokenLines } from '../../../src/core/sources/kloc/tokenLineLexer';
import { estreeTokenLines, scannerTokenLines } from '../../../src/core/sources/kloc/tsTokenLines';
import * as tsScannerLines from '../../../src/core/sources/kloc/tsScannerLines';

const ROOT = path.join(__dirname, '../../..');

/** Each is lexed by the lexer itself (not handed to the scanner), and must come out as the scanner's count. */
const CASES: Record<string, string> = {
  'regex vs division': 'const a = b / 2; /* real\n comment */\nconst r = /\\/\\*not a comment/g.test(s);\nlet c = (x) / y / z;\n',
  'regex with a class holding a slash and a quote': "const r = /[/'\"]+/g;\n// c\nconst s = r.source;\n",
  'regex after keywords, division after contextual keywords': 'return /a/;\ntypeof /b/;\nconst of = 1, type = 2, r = of / type / 2;\nyield /c/;\n',
  'division after ++, ), ], } and !': 'a++ / 2 / b;\n(x) / 1;\nq[1] / 2;\n({}) / 3;\nx! / y;\n',
  'templates with nested substitutions': 'const t = `line1 ${a + `inner ${b}`} // not a comment\n/* still template */ ${ {k: 1}.k } end`;\n// a comment\n',
  'template spanning blank lines, substitution spanning comments': 'const t = `a\n\n\nb${ // c\n\n x /* d\n\n */ }c\n`;\n',
  'escaped backtick and dollar in a template': 'const t = `\\` \\${ not a substitution }\n`;\n',
  'line continuation in strings': "const s = 'a\\\nb';\nconst t = \"c\\\n\";\nconst u = 'd\\\r\ne';\n",
  'line continuation onto a blank line: the string ends there, unterminated': "const s = 'a\\\n\r\nx();\nconst t = 'b\\\n\nx();\n",
  'unterminated string ends at the line break': "const s = 'abc\nconst t = 1;\n",
  'strings with comment markers': "const s = '// no'; const d = \"/* no */\";\n/* yes */ x();\n",
  'comments only and blank lines': '// one\n\n/*\n * two\n */\n\n   \n',
  'block comment ending mid-line, then code': '/* a\n b */ x();\n/* c */\n',
  'CRLF line ends': 'const a = 1;\r\n// c\r\n\r\n/* d\r\n */\r\nb();\r\n',
  'lone CR ends a line comment: code after it is on the same line': '// comment\rcode();\n// only\n',
  'shebang': '#!/usr/bin/env node\nconsole.log(1);\n',
  'private names and a lone #': 'class A { #x = 1; m() { return this.#x / 2; } }\n#\n',
  'numbers: fraction, exponent, separators, BigInt, hex, legacy octal': 'a = 1. / 2;\nb = .5 / 1e3 / 1_000n / 0xFFn / 0b1 / 0o7 / 017 / 019.5;\nc = 1..toString();\n',
  'a letter straight after a number is a token of its own': 'x = 3in / 2;\ny = 1nn / 2;\n',
  'backslash outside strings (a regex the / rule took for division)': 'if (x) /\\d+/.test(y);\n',
  'unterminated regular expression recovers as the scanner does': 'x = a\n/ b) / c;\nlet y = /abc\nz();\n',
  'non-ASCII white space is blank': '\u00a0\u3000\n\ufeffconst a = 1;\n',
  'non-ASCII names and escaped names, not followed by "/"': "const 県 = { 県: '大阪府' }, c = '©';\nx = ©;\nlet \\u0061b = 1, 𝑥 = 2, #y县;\nconst r = /x/g;\n",
  'U+FFFD outside strings and comments: the rest of the file is one token': 'a();\n\ufffd\n\n// c\n',
  'words after which / starts a regular expression, one by one': [...REGEX_AFTER_WORDS].map((w) => `${w} /x/g;\n`).join(''),
  'type-level code': 'type A<T> = T extends Array<infer U> ? U : never;\ninterface B {\n  x: number; // c\n}\n',
  'empty file': '',
};

describe('the .ts/.js code-line lexer (equal to TypeScript\'s scanner, without loading it)', () => {
  for (const [name, src] of Object.entries(CASES)) {
    it(`counts what the scanner counts: ${name}`, () => {
      const lexed = lexTokenLines(src);
      assert.notEqual(lexed, null, 'lexed, not left to the scanner');
      assert.equal(lexed, scannerTokenLines(src, false));
    });
  }

  it('counts a known file by hand: 4 code lines of 8', () => {
    const src = "// header comment\nimport { x } from './x';\n\n/* block\n   comment */\nexport function main(): number {\n  return x(); // trailing\n}\n";
    assert.equal(lexTokenLines(src), 4);
  });

  it("leaves to the scanner only what rests on its Unicode tables: '/' after a run beyond ASCII, a digit right after one, '\\u{…}', merge-conflict markers", () => {
    for (const src of ['const x = 県 / 2;\n', 'a = x\\u0061 / 2;\n', 'a = 県1;\n', 'const \\u{61} = 1;\n', '<<<<<<< HEAD\na();\n=======\nb();\n>>>>>>> other\n']) {
      assert.equal(lexTokenLines(src), null, JSON.stringify(src));
    }
  });

  it("reads '/' after exactly the words the scanner's rule treats as starting an expression", () => {
    // tsScannerLines.ts: after a keyword "/" divides only for this, super, true, false, null and
    // the contextual keywords (AbstractKeyword..OfKeyword); the installed compiler's keywords decide.
    const { SyntaxKind: K } = ts;
    const operands = new Set([K.ThisKeyword, K.SuperKeyword, K.TrueKeyword, K.FalseKeyword, K.NullKeyword]);
    const regexAfter: string[] = [];
    for (let k = K.FirstKeyword; k <= K.LastKeyword; k++) {
      if (!operands.has(k) && !(k >= K.AbstractKeyword && k <= K.OfKeyword)) regexAfter.push(ts.tokenToString(k)!);
    }
    assert.deepEqual([...REGEX_AFTER_WORDS].sort(), regexAfter.sort());
  });

  it('equals the scanner on any mix of tricky fragments, or leaves the text to it', () => {
    // The fragments that open and close comments, strings, templates and regular expressions
    // come often; the rarer rules (numbers, private names, markers, non-ASCII) less often.
    const common = fc.constantFrom('/', '//', '/*', '*/', '\n', ' ', '"', "'", '`', '${', '{', '}', '(', ')', '[', ']', '\\', 'x', 'return', '1', ';', '=');
    const rare = fc.constantFrom(
      '/=', '*', '\r', '\r\n', '\t', '\\u0061', 'typeof', 'of', 'defer', 'this', 'a1', '$', '_', '0', '017', '019', '0x1F', '0b2', '1.', '.5', '1e',
      '1e+', '1n', 'n', '_1', '#', '#!', '!', '!=', '++', '--', '+', '-', '.', '...', '?', '?.', ':', ',', '<', '>', '|', '=======', '<<<<<<< ', '|||||||',
      'é', '県', '𝑥', '©', '\\u{61}', '\\u200b', '\\x', '\u00a0', '\u2028', '\ufeff', '\ufffd', '\u0000', '\u000b',
    );
    const fragment = fc.oneof({ arbitrary: common, weight: 3 }, { arbitrary: rare, weight: 1 });
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 40 }), (parts) => {
        const src = parts.join('');
        const lexed = lexTokenLines(src);
        return lexed === null || lexed === scannerTokenLines(src, false);
      }),
      { numRuns: 20_000 },
    );
  });

  it("equals the scanner on every .ts/.js file of this repository's tests and bench (src is compared with typescript-estree in tsTokenLines.test.ts)", () => {
    const files = ['test', 'bench'].flatMap((d) => walk(path.join(ROOT, d)));
    assert.ok(files.length > 100);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const lexed = lexTokenLines(text);
      assert.notEqual(lexed, null, `${f}: lexed, not left to the scanner`);
      assert.equal(lexed, scannerTokenLines(text, false), f);
    }
  });

  describe('on a sample of the realistic JS bench repository (real code from node_modules, bench/synth/realRepos.ts)', () => {
    const spec = REAL_SPECS.find((s) => s.name === 'js')!;
    // The same files the bench repository is built from, every 24th of them for the slow parser.
    const files = collectRealContent(spec.packages, spec.targetLines, spec.testShare).files;

    it('the product\'s count equals the scanner\'s (the old counter) on every file', () => {
      assert.ok(files.length > 1000);
      const counters = { scanner: tsScannerLines };
      for (const f of files) assert.equal(codeLines(f.text, f.path, languageOf(f.path)!, counters), scannerTokenLines(f.text, false), f.path);
    });

    it("the product's count equals typescript-estree's token lines on every 24th file", () => {
      const sample = files.filter((_, i) => i % 24 === 0);
      assert.ok(sample.length > 50);
      const counters = { scanner: tsScannerLines };
      for (const f of sample) assert.equal(codeLines(f.text, f.path, languageOf(f.path)!, counters), estreeTokenLines(f.text, f.path), f.path);
    });
  });
});

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.(ts|js|mjs|cjs)$/.test(e.name)) out.push(p);
  }
  return out;
}
