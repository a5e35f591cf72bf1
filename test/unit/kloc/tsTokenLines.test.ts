import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { lexTokenLines } from '../../../src/core/sources/kloc/tokenLineLexer';
import { estreeTokenLines, scannerTokenLines, tsTokenLines } from '../../../src/core/sources/kloc/tsTokenLines';

const TRICKY: Record<string, string> = {
  'regex vs division': 'const a = b / 2; /* real\n comment */\nconst r = /\\/\\*not a comment/g.test(s);\nlet c = (x) / y / z;\n',
  'templates with nested substitutions': 'const t = `line1 ${a + `inner ${b}`} // not a comment\n/* still template */ ${ {k: 1}.k } end`;\n// a comment\n',
  'comments only and blank lines': '// one\n\n/*\n * two\n */\n\n   \n',
  'strings with comment markers': "const s = '// no'; const d = \"/* no */\";\n/* yes */ x();\n",
  'regex after keywords and operators': 'if (/a/.test(x)) return /b\\//.exec(y);\nconst z = a ? /c/ : /d*/;\n',
  'division after closing tokens': 'const q = (a) / 2 / (b) / c[1] / 3;\nconst w = this.n / total;\n',
  'type-level code': 'type A<T> = T extends Array<infer U> ? U : never;\ninterface B {\n  x: number; // c\n}\n',
  'shebang and empty file': '#!/usr/bin/env node\nconsole.log(1);\n',
  'contextual keyword as identifier': 'const of = 4, type = 2;\nconst r = of / type / 2;\n',
};

function walk(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir)) {
    const p = path.join(dir, e);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|js|mjs)$/.test(e)) out.push(p);
  }
  return out;
}

describe('TypeScript/JavaScript line counting (spec §4: lines holding a typescript-eslint token)', () => {
  for (const [name, src] of Object.entries(TRICKY)) {
    it(`the scanner's lines equal typescript-estree's token lines: ${name}`, () => {
      assert.equal(scannerTokenLines(src, false), estreeTokenLines(src, 'x.ts'));
    });
  }

  it("equals typescript-estree's token lines on every source file of this repository: the scanner, and the lexer that counts in its place", () => {
    const files = walk(path.join(__dirname, '../../../src'));
    assert.ok(files.length > 50);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const estree = estreeTokenLines(text, f);
      assert.equal(scannerTokenLines(text, false), estree, f);
      assert.equal(lexTokenLines(text), estree, `${f} (lexer)`);
    }
  });

  it('counts a known file by hand: 4 token lines of 8', () => {
    const src = "// header comment\nimport { x } from './x';\n\n/* block\n   comment */\nexport function main(): number {\n  return x(); // trailing\n}\n";
    assert.equal(tsTokenLines(src, 'main.ts'), 4);
  });

  it('uses the full parser for JSX files', () => {
    const src = "export const A = () => (\n  <div className='a'>\n    Don't // text, not a comment\n  </div>\n);\n";
    assert.equal(tsTokenLines(src, 'a.tsx'), 5);
  });
});
