import { lexTokenLines } from './tokenLineLexer';

/**
 * Small texts that take the lexer down every one of its paths. V8 optimizes a hot function for
 * the paths it has seen run; a path first met later (a "!==", a "\u0061" name, a BigInt) throws
 * the optimized code away, and the lexer runs unoptimized until the compiler, on another core, has
 * built it again. On a cold count of 15 MB of JavaScript that happened five to eight times, each
 * rebuild of the big lexer costing 30–130 ms of CPU, and the count took twice as long as with
 * every path seen first. test/unit/kloc/lexerWarmUp.test.ts checks, with V8's block coverage,
 * that these texts still reach every block of the lexer.
 */
export const WARM_UP_TEXTS: readonly string[] = [
  '#!/usr/bin/env node\nconst a = b / 2; /* block\n comment */ const r = /\\/\\*x[/\\]]+/gi.test(s);\nlet c = (x) / y /= z;\n',
  "return /a/; typeof /b/; r = of / type / 2; yield /c/;\na++ / 2 / b-- - -c + +d += 1 -= 2; (x) / 1; q[1] / 2; ({}) / 3; x! / y; a !== b != c; ...d;\n",
  'const t = `line1 ${a + `inner ${b}`} // no\n/* no */ ${ {k: 1}.k } end`;\nconst u = `a\n\nb${ // c\n x /* d\n */ }c\n`; const v = `\\` \\${ n }`;\n',
  "const s = 'a\\\nb'; const t = \"c\\\n\"; const u = 'd\\\r\ne'; const w = 'x\\\n\r\ny'; const v = 'e\\\n\nz'; const q = 'abc\nnext = \"// no /* no */\";\n",
  '// one\n\n/*\n * two\n */\n\n \t \v\f\r\n/* a */ x();\r\n// comment\rcode();\n',
  'class A { #x = 1; m() { return this.#x / 2; } }\n#\n#!\na = 1. / 2; b = .5 / 1e3 / 2E+3 / 1e-5 / 1_000n / 0xFFn / 0b1 / 0o7 / 017 / 019.5 / 0X1 / 0B1 / 0O7; c = 1..toString(); x = 3in / 2; y = 1nn / 2; z = 1n;\n',
  'if (x) /\\d+/.test(y);\nx = a\n/ b) / c;\nlet y = /ab(c{1,2}[)]\\)/\n z = /a(b)c]/;\nw = /x/g\u00e9;\n',
  "\u00a0\u3000\u2028\n\ufeffconst 県 = { 県: '大阪府' }, c = '©';\nx = ©;\nlet \\u0061b = 1, 𝑥 = 2, #y县, k\\u0061 = 3, q3\\u0061 = 4, n = 1\u00e9;\n\\x;\n",
  'type A<T> = T extends Array<infer U> ? U : never;\ninterface B { x: number; y?: string | null & {} }\nlet z = a < b > c <= d >= e | f || g\n< h;\n',
  'r = /\\d[x]{1,2}(y)) z\nm = 1.5n + 県\u3000;\n',
  'a();\n\ufffd\n\n// c\n',
  'const x = 県 / 2;\n',
  'a = x\\u0061 / 2;\n',
  'a = 県1;\n',
  'const \\u{61} = 1;\n',
  '<<<<<<< HEAD\na();\n=======\nb();\n>>>>>>> other\n',
  'x = /a/g県 / 2;\n',
  'x = /a/g県1;\n',
  'ab県1;\n',
  '#a県1;\n',
  '/* never closed',
  '`never closed',
  '',
];

/**
 * V8 starts recording what a function's paths see only once the function has run a while (its
 * feedback is allocated lazily, after a budget of bytecodes): the first pass over the texts records
 * little of the big lexer's paths. One pass left two or three re-optimizations; two left none.
 */
const WARM_UP_ROUNDS = 3;

/** Runs the lexer over WARM_UP_TEXTS (a few milliseconds), before a count of many files. */
export function warmUpLexer(): void {
  for (let round = 0; round < WARM_UP_ROUNDS; round++) for (const text of WARM_UP_TEXTS) lexTokenLines(text);
}
