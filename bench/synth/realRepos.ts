/**
 * The two realistic bench repositories of issue 14: real code from node_modules (realContent.ts)
 * in histories shaped like two real projects (realHistory.ts). Each is built once and cached under
 * .bench/, keyed by REAL_GENERATOR_VERSION, its parameters and a digest of the files it is made of
 * (so a different package-lock builds a new one instead of reusing a stale one).
 *
 *   node --import tsx bench/synth/realRepos.ts [js|ruby]   build (or reuse) and print the statistics
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BENCH_DIR, HISTORY_END, buildWithFastImport } from './generateRepo';
import { collectRealContent, type RealContent } from './realContent';
import { RealHistoryWriter, type RealHistoryParams, type RealHistoryStats } from './realHistory';

export const REAL_GENERATOR_VERSION = 1;

export interface RealRepoSpec {
  /** The BENCH_REPOS name. */
  name: 'js' | 'ruby';
  title: string;
  history: RealHistoryParams;
  packages: readonly string[];
  targetLines: number;
  testShare: number;
}

/** Issue 14 (a): a webpack-like JS/TS project, ~34k squash-merged commits, half its lines tests. */
const JS_SPEC: RealRepoSpec = {
  name: 'js',
  title: 'JS/TS, squash merges',
  history: { seed: 20261201, commits: Number(process.env.BENCH_JS_COMMITS ?? 35_000), end: HISTORY_END, years: 8, shape: 'squash' },
  packages: [
    'eslint', '@typescript-eslint/eslint-plugin', 'mocha', 'axios', 'fast-check', 'ajv', 'acorn', 'markdown-it', 'cheerio', 'esquery',
    'diff', 'bottleneck', '@typescript-eslint/typescript-estree', '@typescript-eslint/scope-manager', 'commander', 'minimatch', 'glob',
    'typescript', '@eslint/eslintrc', '@types/node', 'yargs', 'semver', 'espree', 'picomatch', 'esbuild', '@vscode/vsce', 'eslint-scope',
    'js-yaml', 'parse5', 'htmlparser2',
  ],
  targetLines: 420_000,
  testShare: 0.5,
};

/**
 * Issue 14 (b): a rails-like history (merge commits, stable branches with their own releases),
 * 100k+ commits, ~400k lines, two thirds of them tests. Its code is JS/TS too: node_modules holds
 * no Ruby, and the history's shape, not the language, is what this one measures.
 */
const RUBY_SPEC: RealRepoSpec = {
  name: 'ruby',
  title: 'rails-like history, merge commits + stable branches',
  history: { seed: 20261202, commits: Number(process.env.BENCH_RUBY_COMMITS ?? 110_000), end: HISTORY_END, years: 15, shape: 'merge' },
  packages: [
    'undici', '@azure/msal-common', '@azure/msal-node', 'chart.js', 're2js', '@vscode-elements/elements', '@lit/reactive-element',
    'linguist-languages', '@octokit/plugin-rest-endpoint-methods', 'playwright-core', 'css-select', 'entities', 'domutils',
    '@octokit/plugin-paginate-rest', 'ts-api-utils', 'chokidar', 'fast-glob', '@secretlint/core', '@typescript-eslint/utils',
    '@typescript-eslint/types', '@typescript-eslint/type-utils', '@eslint/core', '@eslint/plugin-kit', 'jira.js',
  ],
  targetLines: 420_000,
  testShare: 0.69,
};

export const REAL_SPECS: readonly RealRepoSpec[] = [JS_SPEC, RUBY_SPEC];

export interface RealRepo {
  spec: RealRepoSpec;
  dir: string;
  stats: RealHistoryStats;
  content: Omit<RealContent, 'files'>;
  generateSeconds: number;
  gitBytes: number;
  reused: boolean;
}

interface RealRecord {
  version: number;
  stats: RealHistoryStats;
  content: Omit<RealContent, 'files'>;
  generateSeconds: number;
  gitBytes: number;
}

export async function ensureRealRepo(spec: RealRepoSpec, log: (s: string) => void = () => {}): Promise<RealRepo> {
  const content = collectRealContent(spec.packages, spec.targetLines, spec.testShare);
  const digest = createHash('sha256');
  for (const f of content.files) digest.update(`${f.path}\0${f.text}\0`);
  const h = spec.history;
  const dir = join(BENCH_DIR, `real-${spec.name}-v${REAL_GENERATOR_VERSION}-s${h.seed}-c${h.commits}-${digest.digest('hex').slice(0, 10)}`);
  const summary = { packages: content.packages, lines: content.lines, testLines: content.testLines };
  const recordPath = `${dir}.json`;
  if (existsSync(dir) && existsSync(recordPath)) {
    const rec = JSON.parse(readFileSync(recordPath, 'utf8')) as RealRecord;
    if (rec.version === REAL_GENERATOR_VERSION) return { spec, dir, stats: rec.stats, content: rec.content, generateSeconds: rec.generateSeconds, gitBytes: rec.gitBytes, reused: true };
  }
  log(`generating ${spec.name}: ${h.commits} commits over ${content.files.length} real files (${content.lines} lines) into ${dir} ...`);
  const built = await buildWithFastImport(dir, (out) => new RealHistoryWriter(content.files, h).write(out));
  const rec: RealRecord = { version: REAL_GENERATOR_VERSION, content: summary, ...built };
  writeFileSync(recordPath, JSON.stringify(rec, null, 2));
  return { spec, dir, content: summary, ...built, reused: false };
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  for (const spec of REAL_SPECS.filter((s) => names.length === 0 || names.includes(s.name))) {
    const repo = await ensureRealRepo(spec, (s) => console.error(s));
    console.log(JSON.stringify(repo, null, 2));
  }
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
