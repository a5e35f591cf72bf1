/**
 * Real code for the realistic bench repositories: JavaScript and TypeScript files that ship inside
 * node_modules (present on every machine after `npm ci`), taken from a fixed list of packages in
 * a fixed order, so every machine with the same package-lock builds the same repository.
 *
 * Files the product would not count anyway (minified or generated, spec §4) and very large ones
 * are skipped, so the repository's lines at HEAD are the lines a report counts. Each file goes to
 * the source or the test side (test/… or *.test.js) to keep the wanted share of test lines.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contentExclusion } from '../../src/core/sources/kloc/generatedContent';

const NODE_MODULES = resolve(import.meta.dirname, '..', '..', 'node_modules');
const CODE = /\.(js|mjs|cjs|jsx|ts|mts|cts|tsx)$/;
/** Bundles and huge generated tables would dominate HEAD; real projects keep files smaller. */
const MAX_LINES = 6000;
const MIN_LINES = 8;
/** Path segments the default excludeGlobs drop (dist, build, ...), renamed so the file counts. */
const EXCLUDED_SEGMENT = /^(node_modules|vendor|third_party|dist|build|out)$/;
/** Packaging folders that carry no meaning in a project's own tree. */
const PACKAGING_SEGMENT = /^(lib|src|cjs|esm|es|umd|_cjs|_esm|_types|types|commonjs|module)$/;

export interface RealFile {
  /** The package it came from (for the record). */
  pkg: string;
  /** Its path inside the generated repository. */
  path: string;
  text: string;
  lines: number;
  test: boolean;
  /** The package, as the module a change is about. */
  module: string;
}

export interface RealContent {
  files: RealFile[];
  /** Packages used, with the lines each gave, in the order taken. */
  packages: Array<{ name: string; version: string; files: number; lines: number }>;
  lines: number;
  testLines: number;
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile() && CODE.test(e.name) && !e.name.endsWith('.min.js')) out.push(p);
  }
}

const lineCount = (text: string): number => {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return text.length > 0 && !text.endsWith('\n') ? n + 1 : n;
};

/**
 * Takes files from `packages` in order until `targetLines` physical lines are collected; about
 * `testShare` of those lines end up in test files. Throws when node_modules cannot supply them.
 */
export function collectRealContent(packages: readonly string[], targetLines: number, testShare: number): RealContent {
  const files: RealFile[] = [];
  const used: RealContent['packages'] = [];
  const taken = new Set<string>();
  let lines = 0;
  let testLines = 0;
  let asTestFile = false;
  for (const pkg of packages) {
    if (lines >= targetLines) break;
    const root = join(NODE_MODULES, pkg);
    if (!existsSync(join(root, 'package.json'))) continue;
    const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version?: string }).version ?? '?';
    const module = pkg.replace(/^@/, '').replace(/\//g, '-');
    const paths: string[] = [];
    walk(root, paths);
    const record = { name: pkg, version, files: 0, lines: 0 };
    for (const abs of paths) {
      if (lines >= targetLines) break;
      const text = readFileSync(abs, 'utf8');
      const n = lineCount(text);
      if (n < MIN_LINES || n > MAX_LINES || text.includes('\0') || contentExclusion(abs, text) !== null) continue;
      const rel = abs.slice(root.length + 1).split('/')
        .filter((s, i, all) => i === all.length - 1 || !PACKAGING_SEGMENT.test(s))
        .map((s) => (EXCLUDED_SEGMENT.test(s) ? `${s}_` : s));
      const declaration = /\.d\.[mc]?ts$/.test(abs);
      const test = !declaration && testLines < testShare * (lines + n);
      let path: string;
      if (!test) path = ['packages', module, ...rel].join('/');
      else {
        // Half the tests live under test/, half beside the code as *.test.js (both are test globs).
        asTestFile = !asTestFile;
        const name = rel[rel.length - 1] ?? 'index.js';
        const dot = name.indexOf('.');
        path = asTestFile
          ? ['packages', module, ...rel.slice(0, -1), `${name.slice(0, dot)}.test${name.slice(dot)}`].join('/')
          : ['test', module, ...rel].join('/');
      }
      if (taken.has(path)) continue;
      taken.add(path);
      files.push({ pkg, path, text, lines: n, test, module });
      lines += n;
      if (test) testLines += n;
      record.files++;
      record.lines += n;
    }
    if (record.files > 0) used.push(record);
  }
  if (lines < targetLines * 0.9) throw new Error(`node_modules gave only ${lines} of ${targetLines} lines from ${packages.join(', ')}: run npm ci`);
  return { files, packages: used, lines, testLines };
}
