// One build script, two worlds: the extension and CLI run in Node (cjs), the webview in the browser.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The TypeScript tokenizer pulls in the whole TypeScript compiler (megabytes). It is loaded only
// when line counting meets a .ts/.js file, so it lives in its own file beside the bundles and the
// extension's main bundle stays small.
const lazyTsTokens = {
  name: 'lazy-ts-tokens',
  setup(build) {
    build.onResolve({ filter: /[\\/]tsTokenLines$/ }, (args) =>
      args.importer.endsWith('tsTokenLines.ts') ? undefined : { path: './tsTokenLines.js', external: true });
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
};

const builds = [
  { ...node, entryPoints: { extension: 'src/extension/extension.ts' }, outdir: 'dist', external: ['vscode'], plugins: [lazyTsTokens] },
  { ...node, entryPoints: { cli: 'src/cli.ts' }, outdir: 'dist', plugins: [lazyTsTokens], banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: { tsTokenLines: 'src/core/kloc/tsTokenLines.ts' }, outdir: 'dist' },
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

if (watch) {
  for (const b of present) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(present.map((b) => esbuild.build(b)));
}
