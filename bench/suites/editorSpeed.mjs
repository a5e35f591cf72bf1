// The editor's two speed bars of issue 5, measured in a real VS Code (code-server + chromium, the
// e2e harness of test/kit/codeServer.mjs) on the 100,000-commit bench repository with a warm cache:
//
//   status bar  extension host start → our status bar item shows a KPI value (first the saved last
//               result, marked "from cache"; then the fresh one)
//   panel       "Engineering KPIs: Open Panel" issued from the palette → cards with values in the webview;
//               then closed and opened again (a second opening skips the webview's first start)
//
// Beside ours, the same measures of test/e2e/floorExtension (a status bar item set in activate(), a
// webview that draws one value sent by the host): the part of each time that is code-server's own.
//
// --cold (issue 14 goal 4): no warm cache and no saved last result, as on a first open of the
// repository; each run then also reports activate() → the first value (a partial report: the KPIs
// git's history gives, the rest still loading) and activate() → the full report.
//
// Usage: node bench/suites/editorSpeed.mjs <bench repo dir> [--no-build] [--runs N] [--cold]
// Prints one JSON object on stdout ({ skipped } or { runs, floors }); progress goes to stderr.
// bench/suites/editorBench.ts runs it under a time limit; SIGTERM stops code-server and chromium.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { findLogs, harnessMissing, launchBrowser, openWorkbench, runCommand, startCodeServer } from '../../test/kit/codeServer.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const benchRepo = args.find((a) => !a.startsWith('--'));
const RUNS = Number(args[args.indexOf('--runs') + 1]) || 2;
const BUILD = !args.includes('--no-build');
const COLD = args.includes('--cold');
const WAIT_MS = 60_000;
const log = (s) => console.error(`· editor: ${s}`);
/** Undone last first: a run's code-server, browser and profile; then the clone, cache and .vsix. */
const runCleanups = [];
const cleanups = [];

async function cleanup(list) {
  while (list.length) {
    try {
      await list.pop()();
    } catch {
      /* best effort */
    }
  }
}
const cleanupAll = async () => {
  await cleanup(runCleanups);
  await cleanup(cleanups);
};
// Whatever goes wrong (an error thrown in an event handler too), code-server is stopped before exiting.
process.on('uncaughtException', (e) => {
  void cleanupAll().finally(() => {
    process.stdout.write(JSON.stringify({ error: String(e?.message ?? e).split('\n')[0] }) + '\n');
    process.exit(0);
  });
});
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => {
    void cleanupAll().finally(() => process.exit(1));
  });
}

/** A port nothing listens on now (the OS picks it), so a leftover server can never answer for ours. */
async function freePort() {
  const srv = createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

/** Polls `check` (returns a truthy value when done) every `everyMs` until it does or `ms` pass. */
async function poll(check, ms, what, everyMs = 10) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check().catch(() => undefined);
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** "2026-11-22 16:38:11.123 [info] …": VS Code writes local time, as does new Date(y, m, …) here. */
function logTime(line) {
  const m = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)\.(\d{3})/.exec(line);
  return m ? new Date(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], +m[7]).getTime() : undefined;
}

/**
 * When the extension host of this server started, from /proc (10 ms resolution): the process whose
 * command line says extensionHost and whose environment is this throw-away profile's.
 */
function extensionHostStart(state) {
  const starts = [];
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('extensionHost')) continue;
      if (!readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`XDG_CACHE_HOME=${join(state, 'xdg-cache')}`)) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
      const now = Date.now();
      const upSeconds = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
      starts.push(now - (upSeconds - ticks / 100) * 1000);
    } catch {
      /* gone or not ours */
    }
  }
  return starts.length ? Math.min(...starts) : undefined;
}

function readLog(state) {
  return findLogs(state).map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** Fills the cache for `repo` under `cacheRoot`: the CLI names its folder as the extension does (repoCacheDir). */
function prewarm(repo, cacheRoot) {
  execFileSync('node', [join(ROOT, 'dist/cli.js'), 'report', '--repo', repo, '--cache-dir', cacheRoot, '--format', 'json'], { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 });
}

/**
 * A value of the whole report: neither an earlier session's ("from cache") nor a partial one (its
 * label says how many KPIs are still loading).
 */
const isFullValue = (label) => !label.includes('from cache') && !/KPIs? loading/.test(label);

/**
 * Runs in the workbench page from its first script on: records each label the status bar items
 * of ours and of the floor take, with the page's Date.now() (the same clock as this process's), as
 * the DOM changes. Polling the label through the browser every few ms instead cost ~0.4 s of CPU
 * here and more in Chromium within the 2-core machine's seconds being measured.
 */
function recordStatusLabels(prefixes) {
  const seen = (window.__ekpiStatus = []);
  const record = (bar) => {
    for (const e of bar.querySelectorAll('[aria-label]')) {
      const label = e.getAttribute('aria-label');
      if (prefixes.some((p) => label.startsWith(p)) && seen[seen.length - 1]?.label !== label) seen.push({ at: Date.now(), label });
    }
  };
  const watchBar = (bar) => {
    record(bar);
    new MutationObserver(() => record(bar)).observe(bar, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'] });
  };
  const findBar = new MutationObserver(() => {
    const bar = document.getElementById('workbench.parts.statusbar');
    if (!bar) return;
    findBar.disconnect();
    watchBar(bar);
  });
  findBar.observe(document, { childList: true, subtree: true });
}

/** The first label the status bar item whose label starts with `prefix` took that shows a number (and passes `accept`): when, and the label. */
async function statusValue(page, prefix, accept = () => true) {
  const isValue = (label) => label.startsWith(prefix) && new RegExp(`^${prefix}[^A-Za-z]*\\d`).test(label) && accept(label);
  return poll(async () => (await page.evaluate(() => window.__ekpiStatus ?? [])).find((e) => isValue(e.label)), WAIT_MS, `the status bar value of "${prefix}"`, 100);
}

/** The first time `selector` exists in a webview document, as that document's Date.now() (or a data attribute of it). */
async function inWebview(page, selector, attr) {
  return poll(async () => {
    for (const f of page.frames()) {
      if (!f.url().includes('fake.html')) continue;
      const t = await f.evaluate(([sel, a]) => {
        const e = document.querySelector(sel);
        return e ? (a ? Number(e.getAttribute(a)) : Date.now()) : 0;
      }, [selector, attr]).catch(() => 0);
      if (t) return t;
    }
    return undefined;
  }, WAIT_MS, `${selector} in a webview`);
}

/** Closes the panel, waits until its document is gone, opens it again: the time of a second opening. */
async function reopen(page, title, selector, attr) {
  await runCommand(page, 'View: Close Editor');
  await poll(async () => {
    for (const f of page.frames()) {
      if (f.url().includes('fake.html') && (await f.evaluate((sel) => !!document.querySelector(sel), selector).catch(() => false))) return undefined;
    }
    return true;
  }, 10_000, 'the panel to close');
  const issued = await runCommand(page, title);
  return (await inWebview(page, selector, attr)) - issued;
}

async function startRun(vsix, repo, seedStorage, publisherName) {
  const server = await startCodeServer({ vsix, port: await freePort(), trusted: true });
  runCleanups.push(async () => {
    await new Promise((r) => setTimeout(r, 500)); // let code-server exit before its profile goes
    rmSync(server.state, { recursive: true, force: true });
  });
  runCleanups.push(() => server.stop());
  // code-server's globalStorage for the extension: <user-data-dir>/User/globalStorage/<publisher>.<name>.
  const storage = join(server.state, 'data/User/globalStorage', publisherName);
  mkdirSync(storage, { recursive: true });
  if (seedStorage) cpSync(seedStorage, storage, { recursive: true });
  const browser = await launchBrowser();
  runCleanups.push(() => browser.close());
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.addInitScript(recordStatusLabels, ['Engineering KPIs: ', 'Editor floor: ']);
  await openWorkbench(page, server.url, repo);
  return { server, page, storage };
}

/**
 * The extension's globalStorage after one earlier session on the repository: the CLI's warm cache plus
 * what the extension keeps of its last result (the status bar and panel show that first). This is the
 * state a user's editor is in when it starts again.
 */
async function primeStorage(vsix, repo, warmCache, publisherName, into) {
  const { page, storage } = await startRun(vsix, repo, warmCache, publisherName);
  await statusValue(page, 'Engineering KPIs: ', isFullValue);
  // The last result is written after the status bar shows it: wait until the files settle.
  await poll(async () => existsSync(join(storage, 'lastResult')) && readdirSync(join(storage, 'lastResult')).filter((f) => f.endsWith('.json')).length >= 2, 10_000, 'the saved last result', 100).catch(() => log('no saved last result (older build?)'));
  await new Promise((r) => setTimeout(r, 300));
  cpSync(storage, into, { recursive: true });
  await cleanup(runCleanups);
}

async function measureOnce(vsix, repo, seedStorage, publisherName) {
  const { server, page } = await startRun(vsix, repo, seedStorage, publisherName);

  // 1) Status bar: a value is a number in its label ("Engineering KPIs: 6.5h ▲11%"), not "KPIs" (computing)
  //    or a restricted/no-repository state; first any value (the saved last result, labelled "from cache"),
  //    then the fresh one. Host start: the extension host process's start time in /proc (statusProcMs,
  //    reported); cross-check: the activate() log line's time minus the uptime it prints.
  const first = await statusValue(page, 'Engineering KPIs: ');
  const fresh = isFullValue(first.label) ? first : await statusValue(page, 'Engineering KPIs: ', isFullValue);
  const procStart = extensionHostStart(server.state);
  const activateLine = await poll(async () => readLog(server.state).split('\n').find((l) => l.includes('activate() took')), 10_000, 'the activate() log line', 100);
  const computedLine = await poll(async () => readLog(server.state).split('\n').find((l) => /: (cached pass|computed) in \d+ ms/.test(l)), 10_000, 'the computed log line', 100);
  const uptime = Number(/extension host up ([\d.]+) s/.exec(activateLine)?.[1]);
  const hostStart = procStart ?? (logTime(activateLine) ?? NaN) - uptime * 1000;
  const computedMs = Number(/in (\d+) ms/.exec(computedLine)?.[1]);
  // A first open shows the KPIs git gives before the rest (RepoSession.showPartial logs it).
  const partialLine = readLog(server.state).split('\n').find((l) => /: first KPIs in \d+ ms/.test(l));
  const firstKpisMs = partialLine ? Number(/first KPIs in (\d+) ms/.exec(partialLine)?.[1]) : null;

  // 2) Panel, opened once the fresh value is in (the extension host is idle, as when a user clicks):
  //    from the palette's Enter to the first card with a number in the webview's document.
  const issued = await runCommand(page, 'Engineering KPIs: Open Panel');
  const renderedAt = await inWebview(page, '#app .card .number:not([data-value="null"])');
  const panelLine = await poll(async () => readLog(server.state).split('\n').find((l) => l.includes('panel: first render with data')), 10_000, 'the panel log line', 100).catch(() => '');
  const panelLogMs = Number(/with data (\d+) ms/.exec(panelLine)?.[1]);
  const panelDocMs = Number(/\((\d+) ms of it inside/.exec(panelLine)?.[1]);

  const panelAgainMs = await reopen(page, 'Engineering KPIs: Open Panel', '#app .card .number:not([data-value="null"])');

  // activate()'s own instant: the host's start plus the uptime its log line gives.
  const activateAt = hostStart + uptime * 1000;
  return {
    panelAgainMs,
    firstAfterActivateMs: first.at - activateAt, fullAfterActivateMs: fresh.at - activateAt, firstText: first.label,
    statusMs: first.at - hostStart, statusFreshMs: fresh.at - hostStart, fromCache: first.label.includes('from cache'), statusText: fresh.label,
    activateUptimeMs: uptime * 1000, computedMs, firstKpisMs,
    panelMs: renderedAt - issued, panelLogMs: Number.isFinite(panelLogMs) ? panelLogMs : null, panelDocMs: Number.isFinite(panelDocMs) ? panelDocMs : null,
  };
}

/** The same two measures for test/e2e/floorExtension: what code-server costs with no work of ours. */
async function measureFloor(floorVsix, repo) {
  const { server, page } = await startRun(floorVsix, repo, undefined, 'ekpi-bench.editor-floor');
  const shown = await statusValue(page, 'Editor floor: ');
  const hostStart = extensionHostStart(server.state) ?? NaN;
  const activateUptimeMs = Number(/activated (\d+) ms/.exec(shown.label)?.[1]);
  const issued = await runCommand(page, 'Editor Floor: Open Panel');
  const dataAt = await inWebview(page, '#floor[data-data-at]', 'data-data-at');
  const scriptAt = await inWebview(page, '#floor[data-script-at]', 'data-script-at');
  const scriptDocMs = await inWebview(page, '#floor[data-script-doc-ms]', 'data-script-doc-ms').catch(() => NaN);
  const panelAgainMs = await reopen(page, 'Editor Floor: Open Panel', '#floor[data-data-at]', 'data-data-at');
  return { statusMs: shown.at - hostStart, afterActivateMs: shown.at - hostStart - activateUptimeMs, activateUptimeMs, panelScriptMs: scriptAt - issued, panelMs: dataAt - issued, panelScriptDocMs: scriptDocMs, panelAgainMs };
}

async function main() {
  const missing = harnessMissing();
  if (missing) return { skipped: missing };
  if (!benchRepo || !existsSync(join(benchRepo, '.git'))) return { skipped: `bench repository not found (${benchRepo ?? 'none given'}); run npm run bench once` };
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const publisherName = `${pkg.publisher}.${pkg.name}`;
  const work = mkdtempSync(join(tmpdir(), 'ekpi-editor-bench-'));
  cleanups.push(() => rmSync(work, { recursive: true, force: true }));

  if (BUILD) {
    log('npm run build');
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  log('packaging the .vsix and the floor extension');
  const vsix = join(work, 'engineering-kpis.vsix');
  const vsce = (cwd, out) => execFileSync('npx', ['vsce', 'package', '--no-dependencies', '--no-rewrite-relative-links', '--allow-missing-repository', '--skip-license', '-o', out], { cwd, stdio: 'ignore', timeout: 120_000 });
  vsce(ROOT, vsix);
  const floorVsix = join(work, 'editor-floor.vsix');
  vsce(join(ROOT, 'test/e2e/floorExtension'), floorVsix);

  // A shared clone: the cached bench repository stays untouched, objects are not copied. It costs
  // git what a user's clone does: the metadata pass took the same CPU (0.7-0.95 s, interleaved runs)
  // on the bench repository itself, on this shared clone and on a full `git clone --no-local` (one
  // pack, no commit-graph, like a fresh clone).
  log('cloning the bench repository (--shared)');
  const repo = join(work, 'repo');
  execFileSync('git', ['clone', '-q', '--shared', benchRepo, repo], { stdio: 'ignore' });
  const repoReal = realpathSync(repo);
  const runs = [];
  const floors = [];
  if (COLD) {
    // Each run's profile is new: an empty cache and no last result, the repository's first open.
    await alternate(floorVsix, vsix, repoReal, undefined, publisherName, runs, floors);
    return { cold: true, runs, floors };
  }
  log('pre-warming the cache with the CLI');
  const warmCache = join(work, 'cache');
  const s = Date.now();
  prewarm(repoReal, warmCache);
  prewarm(repoReal, warmCache); // the second run is the warm one the extension will see; it also settles the cache
  log(`cache ready in ${((Date.now() - s) / 1000).toFixed(1)} s`);
  log('one earlier editor session, so the extension has its last result saved');
  const warmState = join(work, 'state');
  await primeStorage(vsix, repoReal, warmCache, publisherName, warmState);

  await alternate(floorVsix, vsix, repoReal, warmState, publisherName, runs, floors);
  return { runs, floors };
}

/** Ours and the floor alternate, so both see the same load on a shared machine. */
async function alternate(floorVsix, vsix, repoReal, seedStorage, publisherName, runs, floors) {
  for (let i = 0; i < RUNS; i++) {
    for (const [what, list, measure] of [['floor', floors, () => measureFloor(floorVsix, repoReal)], ['ours', runs, () => measureOnce(vsix, repoReal, seedStorage, publisherName)]]) {
      log(`run ${i + 1}/${RUNS} (${what})`);
      try {
        list.push(await measure());
        log(JSON.stringify(list[list.length - 1]));
      } catch (e) {
        if (!list.length && i === RUNS - 1) throw e;
        log(`run ${i + 1} (${what}) failed: ${String(e?.message ?? e).split('\n')[0]}`);
      } finally {
        await cleanup(runCleanups); // this run's code-server, chromium and profile
      }
    }
  }
}

let result;
try {
  result = await main();
} catch (e) {
  result = { error: String(e?.message ?? e).split('\n')[0] };
}
await cleanupAll();
process.stdout.write(JSON.stringify(result) + '\n');
process.exit(0);
