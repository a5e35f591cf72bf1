import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

let cached: string | null | undefined;

/** The UMD build's names across chart.js 4.x releases (esbuild.mjs copies whichever exists into dist/). */
export const CHART_JS_UMD_FILES = ['chart.umd.min.js', 'chart.umd.js'];

/**
 * The Chart.js UMD build, read at render time so the exported HTML works offline: next to the
 * running bundle (dist/, where esbuild.mjs copies it; the packaged .vsix has nothing else), else
 * from the installed chart.js package (tests and the CLI run from source).
 * null when neither exists; the HTML then says charts are unavailable instead of failing.
 */
export function chartJsCandidates(bundleDir: string = __dirname): string[] {
  const dirs = [bundleDir];
  try {
    dirs.push(path.dirname(require.resolve('chart.js')));
  } catch {
    // chart.js is not installed beside this bundle (a packaged extension): only dist/ remains.
  }
  return dirs.flatMap((d) => CHART_JS_UMD_FILES.map((f) => path.join(d, f)));
}

export function loadChartJsSource(): string | null {
  if (cached !== undefined) return cached;
  const found = chartJsCandidates().find((p) => existsSync(p));
  cached = found ? readFileSync(found, 'utf8') : null;
  return cached;
}
