import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

let cached: string | null | undefined;

/**
 * The Chart.js UMD build, read at render time so the exported HTML works offline: next to the
 * running bundle (dist/) when the build copied it there, else from the installed chart.js package.
 * null when neither exists; the HTML then says charts are unavailable instead of failing.
 */
export function loadChartJsSource(): string | null {
  if (cached !== undefined) return cached;
  const candidates = [path.join(__dirname, 'chart.umd.min.js')];
  try {
    candidates.push(path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js'));
  } catch {
    // chart.js is not installed beside this bundle (a packaged extension): only dist/ remains.
  }
  const found = candidates.find((p) => existsSync(p));
  cached = found ? readFileSync(found, 'utf8') : null;
  return cached;
}
