/**
 * Editor numbers for `npm run bench` (call benchEditor() after `npm run build`): bundle sizes, the
 * .vsix file list, and the cost of loading dist/extension.js and calling activate() against a
 * stand-in `vscode` module (every API call returns a no-op). The status bar's time to value and the
 * panel's first render are measured in a real VS Code by `npm run test:e2e`, which prints them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import Module from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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
  const root = resolve(__dirname, '..');
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
  return rows;
}
