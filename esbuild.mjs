// One build script, two worlds: the extension and CLI run in Node (cjs), the webview in the browser.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Heavy parts load only when needed, from their own files beside the bundles, so the extension's
// main bundle stays small: the TypeScript tokenizer (the whole compiler, for .ts/.js line counts),
// the Jira source (jira.js, zod, axios) and the GitHub source (octokit).
const LAZY = {
  tsScannerLines: 'src/core/sources/kloc/tsScannerLines.ts',
  tsTokenLines: 'src/core/sources/kloc/tsTokenLines.ts',
  syncJira: 'src/core/sources/jira/syncJira.ts',
  githubForPipeline: 'src/core/sources/github/githubForPipeline.ts',
};
// Worker entries: separate files by nature (a Worker runs a file), not imported by the bundles.
const WORKERS = { linesWorker: 'src/core/sources/kloc/linesWorker.ts' };
const lazyChunks = {
  name: 'lazy-chunks',
  setup(build) {
    const filter = new RegExp(`[\\\\/](${Object.keys(LAZY).join('|')})$`);
    build.onResolve({ filter }, (args) => {
      const name = args.path.split(/[\\/]/).pop();
      // Inside a lazy chunk's own entry, resolve normally.
      return args.kind === 'entry-point' ? undefined : { path: `./${name}.js`, external: true };
    });
  },
};

// The TypeScript compiler is one 9 MB file that both TS chunks need (the scanner for .ts/.js, and
// typescript-estree for .tsx/.jsx): it is a chunk of its own, so a run loads and compiles it once.
const TYPESCRIPT = { typescript: 'node_modules/typescript/lib/typescript.js' };
const sharedTypescript = {
  name: 'shared-typescript',
  setup(build) {
    build.onResolve({ filter: /^typescript(\/lib\/tsserverlibrary(\.js)?)?$/ }, () => ({ path: './typescript.js', external: true }));
  },
};

// linguist-languages is 833 modules, one per language, with fields we never read: the bundles get
// the same languages as one small table (name, type, extensions, file names), built from the package
// at build time. Every process that classifies files (the CLI, the line-counting worker) starts faster.
import { createRequire } from 'node:module';
const compactLinguist = {
  name: 'compact-linguist',
  setup(build) {
    build.onResolve({ filter: /^linguist-languages$/ }, () => ({ path: 'linguist-languages', namespace: 'compact-linguist' }));
    build.onLoad({ filter: /.*/, namespace: 'compact-linguist' }, () => {
      const all = Object.values(createRequire(import.meta.url)('linguist-languages')).filter((l) => l && typeof l === 'object' && 'type' in l);
      const table = Object.fromEntries(all.map((l) => [l.name, { name: l.name, type: l.type, extensions: l.extensions, filenames: l.filenames }]));
      return { contents: `module.exports = ${JSON.stringify(table)};`, loader: 'js' };
    });
  },
};

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  legalComments: 'none',
  logLevel: 'warning',
  // A lazy chunk is CommonJS: load it with require(). Left as import(), Node sends it through the
  // ESM loader, which first probes its format and scans all of it for export names (~0.3 s for
  // the TypeScript chunk, on every incremental run that counts lines).
  supported: { 'dynamic-import': false },
  plugins: [compactLinguist],
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [lazyChunks, compactLinguist] },
  { ...node, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', plugins: [lazyChunks, compactLinguist], banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: LAZY, outdir: 'dist', plugins: [sharedTypescript, compactLinguist] },
  { ...node, entryPoints: TYPESCRIPT, outdir: 'dist' },
  { ...node, entryPoints: WORKERS, outdir: 'dist', plugins: [lazyChunks, compactLinguist] },
];
import { existsSync } from 'node:fs';
if (existsSync('src/webview/main.ts')) {
  builds.push({
    bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: production, sourcemap: !production,
    legalComments: 'none', logLevel: 'warning', entryPoints: { webview: 'src/webview/main.ts' }, outdir: 'dist',
    loader: { '.css': 'text' },
  });
}
const present = builds.filter((b) => Object.values(b.entryPoints).every((p) => existsSync(p)));

// The sprint review's HTML export inlines Chart.js (src/core/sprintReview/chartJsSource.ts reads it
// from beside the bundle): the .vsix ships dist/*.js but no node_modules, so the UMD build is copied.
import { copyFileSync, mkdirSync } from 'node:fs';
const chartUmd = ['chart.umd.min.js', 'chart.umd.js'].find((f) => existsSync(`node_modules/chart.js/dist/${f}`));
if (chartUmd) {
  mkdirSync('dist', { recursive: true });
  copyFileSync(`node_modules/chart.js/dist/${chartUmd}`, `dist/${chartUmd}`);
} else console.warn('esbuild.mjs: chart.js UMD build not found; exported sprint-review HTML will have no charts');

if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
