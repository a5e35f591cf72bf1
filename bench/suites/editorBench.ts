/**
 * Editor numbers for `npm run bench` (call benchEditor() after `npm run build`): bundle sizes, the
 * .vsix file list, and the cost of loading dist/extension.js and calling activate() against a
 * stand-in `vscode` module (every API call returns a no-op); then, when the e2e harness is installed
 * (scripts/e2e/install.sh) and the bench repository exists, the status bar's time to a value and the
 * panel's first render with data in a real VS Code with a warm cache (bench/suites/editorSpeed.mjs), each
 * beside the same measure of a trivial extension (the floor that code-server itself sets); then a first
 * open with no cache and no last result: activate() → the first value (issue 14's 2.0 s bar) and → the
 * whole report.
 * BENCH_EDITOR=0 skips the VS Code part (it takes a few minutes).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BENCH_DIR, DEFAULT_PARAMS, repoKey } from '../synth/generateRepo';

const KB = 1024;
const EXTENSION_LIMIT = 1.5 * KB * KB;
const WEBVIEW_LIMIT = 600 * KB;

type Loader = (request: string, parent: unknown, isMain: boolean) => unknown;

/** A do-nothing object graph: any property is callable, constructible and yields the same stub. */
function vscodeStub(): unknown {
  const fn = function () {
    return undefined;
  };
  const stub: object = new Proxy(fn, {
    get: (_t, p) => (p === 'then' ? undefined : p === 'workspaceFolders' ? [] : p === 'isTrusted' ? false : p === Symbol.iterator ? [][Symbol.iterator] : stub),
    apply: () => stub,
    construct: () => stub,
    // Assignments (item.text = …) are accepted and forgotten.
    set: () => true,
    defineProperty: () => true,
  });
  return stub;
}

export async function benchEditor(): Promise<Array<{ name: string; value: string }>> {
  const root = resolve(__dirname, '..', '..');
  const size = (f: string) => statSync(join(root, 'dist', f)).size;
  const ext = size('extension.js');
  const web = size('webview.js');
  const rows = [
    { name: 'dist/extension.js', value: `${(ext / KB).toFixed(0)} KB (limit 1536 KB) ${ext <= EXTENSION_LIMIT ? 'ok' : 'FAIL'}` },
    { name: 'dist/webview.js', value: `${(web / KB).toFixed(0)} KB (limit 600 KB) ${web <= WEBVIEW_LIMIT ? 'ok' : 'FAIL'}` },
  ];

  const files = execFileSync('npx', ['vsce', 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n')
    .filter(Boolean);
  rows.push({ name: '.vsix files', value: `${files.length} files, node_modules ${files.some((f) => f.includes('node_modules')) ? 'PRESENT (FAIL)' : 'absent (ok)'}` });

  // Restricted-mode stub (isTrusted false): activate() must return without touching git either way.
  const mod = Module as unknown as { _load: Loader };
  const original = mod._load;
  // The bundle reads the module's own keys (esbuild's __toESM), so the top level is a plain object.
  const api = Object.fromEntries(
    ['window', 'workspace', 'commands', 'authentication', 'env', 'Uri', 'RelativePattern', 'EventEmitter', 'Disposable', 'ThemeColor', 'MarkdownString', 'StatusBarAlignment', 'ProgressLocation', 'ViewColumn', 'ConfigurationTarget'].map((k) => [k, vscodeStub()]),
  );
  mod._load = (request, parent, isMain) => (request === 'vscode' ? api : original(request, parent, isMain));
  try {
    const t0 = performance.now();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const extension = require(join(root, 'dist', 'extension.js')) as { activate(ctx: unknown): void };
    const t1 = performance.now();
    const storage = mkdtempSync(join(tmpdir(), 'ekpi-bench-'));
    const context = { subscriptions: [] as unknown[], secrets: vscodeStub(), globalStorageUri: { fsPath: storage }, extensionUri: vscodeStub() };
    extension.activate(context);
    const t2 = performance.now();
    rows.push({ name: 'load dist/extension.js', value: `${(t1 - t0).toFixed(1)} ms` });
    rows.push({ name: 'activate() (stub vscode)', value: `${(t2 - t1).toFixed(2)} ms (limit 50 ms) ${t2 - t1 <= 50 ? 'ok' : 'FAIL'}` });
  } finally {
    mod._load = original;
  }
  rows.push(...(await benchEditorSpeed(root)));
  return rows;
}

const SPEED_TIMEOUT_MS = 12 * 60_000;
const STATUS_LIMIT_MS = 1500;
const PANEL_LIMIT_MS = 500;
/** Issue 14 goal 4: a first open's status bar has a value ≤ 2.0 s after activate(). */
const FIRST_VALUE_LIMIT_MS = 2000;

interface SpeedRun {
  /** Host start → the first value (the saved last result when there is one). */
  statusMs: number;
  /** Host start → the freshly computed value. */
  statusFreshMs: number;
  fromCache: boolean;
  statusText: string;
  activateUptimeMs: number;
  computedMs: number;
  panelMs: number;
  panelLogMs: number | null;
  panelDocMs: number | null;
  /** The panel closed and opened again in the same window. */
  panelAgainMs: number;
  /** activate() → the first value, and → the whole report's (a first open shows a partial one first). */
  firstAfterActivateMs: number;
  fullAfterActivateMs: number;
  firstText: string;
  /** Refresh start → the partial result shown (log); null when none was (a warm start shows the last result). */
  firstKpisMs: number | null;
}
/** test/e2e/floorExtension: the same measures with no work of ours. */
interface FloorRun {
  statusMs: number;
  /** activate() → its status bar item shown. */
  afterActivateMs: number;
  activateUptimeMs: number;
  panelScriptMs: number;
  panelMs: number;
  panelScriptDocMs: number;
  panelAgainMs: number;
}
interface SpeedResult {
  skipped?: string;
  error?: string;
  runs?: SpeedRun[];
  floors?: FloorRun[];
}

/** Runs bench/suites/editorSpeed.mjs in its own process group, under a time limit; never throws. */
async function runEditorSpeed(root: string, repo: string, cold: boolean): Promise<SpeedResult> {
  return new Promise((done) => {
    const args = [join(root, 'bench', 'suites', 'editorSpeed.mjs'), repo, '--no-build', ...(cold ? ['--cold'] : [])];
    const child = spawn(process.execPath, args, { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
      process.stderr.write(d);
    });
    const kill = (sig: NodeJS.Signals): void => {
      try {
        if (child.pid) process.kill(-child.pid, sig);
      } catch {
        /* already gone */
      }
    };
    let timedOut = false;
    // SIGTERM lets the script stop code-server and chromium; SIGKILL follows if it does not exit.
    const timer = setTimeout(() => {
      timedOut = true;
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 10_000).unref();
    }, SPEED_TIMEOUT_MS);
    child.on('error', (e) => {
      clearTimeout(timer);
      done({ error: e.message });
    });
    child.on('close', () => {
      clearTimeout(timer);
      if (timedOut) return done({ error: `timed out after ${SPEED_TIMEOUT_MS / 60_000} min` });
      try {
        done(JSON.parse(out.trim().split('\n').pop() ?? '') as SpeedResult);
      } catch {
        done({ error: `no result (${err.trim().split('\n').pop() ?? 'no output'})` });
      }
    });
  });
}

const ms = (x: number | null | undefined): string => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${Math.round(x)} ms`);

const bar = (xs: number[], limit: number): string => {
  const best = Math.min(...xs);
  return `${ms(best)} best of ${xs.length} (runs ${xs.map(ms).join(', ')}; limit ${limit} ms) ${best <= limit ? 'ok' : 'FAIL'}`;
};
const list = (xs: Array<number | null>): string => (xs.length ? xs.map(ms).join(', ') : 'n/a');

async function benchEditorSpeed(root: string): Promise<Array<{ name: string; value: string }>> {
  const name = 'VS Code speed (warm cache, 100k commits)';
  if (process.env.BENCH_EDITOR === '0') return [{ name, value: 'skipped (BENCH_EDITOR=0)' }];
  const repo = join(BENCH_DIR, repoKey(DEFAULT_PARAMS));
  if (!existsSync(join(repo, '.git'))) return [{ name, value: `skipped: bench repository ${repo} not generated` }];
  const r = await runEditorSpeed(root, repo, false);
  return [...warmRows(name, r), ...coldRows(await runEditorSpeed(root, repo, true))];
}

/**
 * Issue 14 goal 4: a first open (no cache, no last result) of the 100k-commit repository. The first
 * value is the partial report's (the KPIs git's history gives) as soon as it is known; the bar is
 * activate() → that value.
 */
function coldRows(r: SpeedResult): Array<{ name: string; value: string }> {
  const name = 'VS Code first open (cold: no cache, no last result, 100k commits)';
  if (r.skipped) return [{ name, value: `skipped: ${r.skipped}` }];
  if (r.error || !r.runs?.length) return [{ name, value: `not measured: ${r.error ?? 'no runs'}` }];
  const runs = r.runs;
  const floors = r.floors ?? [];
  return [
    { name: 'first open: status bar value after activate()', value: bar(runs.map((x) => x.firstAfterActivateMs), FIRST_VALUE_LIMIT_MS) },
    { name: '  its text', value: runs[0]?.firstText.replace(/^Engineering KPIs: /, '') ?? '' },
    { name: '  the whole report after activate()', value: list(runs.map((x) => x.fullAfterActivateMs)) },
    { name: '  refresh start → first KPIs / → computed (log)', value: `${list(runs.map((x) => x.firstKpisMs))} / ${list(runs.map((x) => x.computedMs))}` },
    { name: '  floor: a trivial extension\'s item after its activate()', value: list(floors.map((x) => x.afterActivateMs)) },
  ];
}

function warmRows(name: string, r: SpeedResult): Array<{ name: string; value: string }> {
  if (r.skipped) return [{ name, value: `skipped: ${r.skipped}` }];
  if (r.error || !r.runs?.length) return [{ name, value: `not measured: ${r.error ?? 'no runs'}` }];
  const runs = r.runs;
  const floors = r.floors ?? [];
  return [
    { name: `status bar value after extension host start${runs[0]?.fromCache ? ' (last result, marked "from cache")' : ''}`, value: bar(runs.map((x) => x.statusMs), STATUS_LIMIT_MS) },
    { name: '  fresh value after extension host start', value: list(runs.map((x) => x.statusFreshMs)) },
    { name: '  floor: a trivial extension\'s item after host start', value: list(floors.map((x) => x.statusMs)) },
    { name: '  host start → activate(): ours / floor', value: `${list(runs.map((x) => x.activateUptimeMs))} / ${list(floors.map((x) => x.activateUptimeMs))}` },
    { name: '  first refresh, start → computed (log)', value: list(runs.map((x) => x.computedMs)) },
    { name: '  status bar text', value: runs[0]?.statusText.replace(/^Engineering KPIs: /, '') ?? '' },
    { name: 'panel first render with data after Open Panel', value: bar(runs.map((x) => x.panelMs), PANEL_LIMIT_MS) },
    { name: '  floor: a trivial webview, command → data drawn', value: list(floors.map((x) => x.panelMs)) },
    { name: '  floor: command → its script runs', value: list(floors.map((x) => x.panelScriptMs)) },
    { name: '  second opening: ours / floor', value: `${list(runs.map((x) => x.panelAgainMs))} / ${list(floors.map((x) => x.panelAgainMs))}` },
    { name: '  inside the webview document: ours / floor', value: `${list(runs.map((x) => x.panelDocMs))} / ${list(floors.map((x) => x.panelScriptDocMs))}` },
  ];
}
