// Issue 13, "Screens that never mislead", as a user meets them in code-server: a stale repository and
// its remedy button, a squash-merging history (no "0 h" cycle time), Export Report from a custom
// window, and a commit in a drill-down opening its diff. Each test leaves a screenshot.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXPECTED } from './expected.mjs';
import { kpiStatus, launchBrowser, openWorkbench, panelFrame, runCommand, startCodeServer } from '../kit/codeServer.mjs';

const KPIS = ['cycleTime', 'velocity', 'timeToMarket', 'defectDensity', 'escalations', 'testEffectiveness'];
const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Builds a fixture variant (scripts/e2e/makeFixture.mjs) and returns its anchor T (epoch seconds). */
function makeFixture(dir, ...flags) {
  return Number(execFileSync('node', ['scripts/e2e/makeFixture.mjs', dir, ...flags], { encoding: 'utf8' }).trim());
}

export async function panelFlows({ test, assert, VSIX, OUT, SHOTS, fixture, port }) {
  const stale = join(OUT, 'fixture-stale');
  const squash = join(OUT, 'fixture-squash');
  const exported = join(OUT, 'fixture-export');
  makeFixture(stale, '--age-days', '200');
  makeFixture(squash, '--squash');
  cpSync(fixture, exported, { recursive: true });
  const T = Number(execFileSync('git', ['log', '-1', '--format=%ct', 'main'], { cwd: fixture, encoding: 'utf8' }).trim()) + 3 * 86_400;

  const server = await startCodeServer({ vsix: VSIX, port, trusted: true });
  const browser = await launchBrowser();
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    const frame = panelFrame(page);
    const value = (kpi) => frame.locator(`[data-kpi="${kpi}"] .number`).getAttribute('data-value');
    const near = (got, want) => got !== null && want !== null && Math.abs(Number(got) - want) < 5e-4;

    await test('a stale repository: every card says when the last commit was, offers the 90 days up to it (no Refresh), and the button shows values', async () => {
      await openWorkbench(page, server.url, stale);
      await kpiStatus(page).waitFor({ timeout: 60_000 });
      await runCommand(page, 'Engineering KPIs: Open Panel');
      const last = execFileSync('git', ['log', '-1', '--format=%cI', 'main'], { cwd: stale, encoding: 'utf8' }).trim();
      const lastDay = isoDay(Date.parse(last));
      const reason = frame.locator('[data-kpi="cycleTime"] .reason');
      await reason.waitFor({ timeout: 60_000 });
      assert((await reason.innerText()) === `no commits in window; the last commit is ${lastDay}`, `reason was "${await reason.innerText()}"`);
      const button = frame.locator('[data-kpi="cycleTime"] vscode-button[data-remedy="upTo"]');
      assert((await button.innerText()).trim() === `Show the 90 days up to the last commit (${lastDay})`, `button was "${await button.innerText()}"`);
      assert((await frame.locator('.card vscode-button', { hasText: 'Refresh' }).count()) === 0, 'a card offers Refresh, which cannot help here');
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'stale-repository.png') });
      await button.click();
      await frame.locator('#app[data-window="upTo"][aria-busy="false"]').waitFor({ timeout: 20_000 });
      await frame.locator(`[data-kpi="cycleTime"] .number[data-value="${EXPECTED[90].cycleTime}"]`).waitFor({ timeout: 20_000 });
      // The 90 days up to the last commit hold the same changes as the fresh fixture's last 90 days.
      for (const kpi of KPIS) {
        const got = await value(kpi);
        assert(EXPECTED[90][kpi] === null ? got === 'null' : near(got, EXPECTED[90][kpi]), `${kpi}: expected ${EXPECTED[90][kpi]}, got ${got}`);
      }
      const shown = await frame.locator('[data-window-shown="upTo"]').innerText();
      assert(shown === `Showing 90 days up to ${lastDay}`, `window label was "${shown}"`);
      await frame.locator('figure.chart canvas').first().waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'stale-repository-last-commit.png') });
    });

    await test('a squash-merging history: cycle time is no value with the spec reason and the count left out, never 0 h', async () => {
      await openWorkbench(page, server.url, squash);
      await kpiStatus(page).waitFor({ timeout: 60_000 });
      await runCommand(page, 'Engineering KPIs: Open Panel');
      const card = frame.locator('[data-kpi="cycleTime"]');
      await card.locator('.number[data-value="null"]').waitFor({ timeout: 60_000 });
      const text = await card.innerText();
      assert(!/\b0(\.0)? ?(h|hours)\b/.test(text), `cycle time card shows zero hours: ${text}`);
      assert(/squash merges keep no branch history/.test(text), `no spec reason on the card: ${text}`);
      assert(/6 squash merges have no known start: connect GitHub, or run Fetch Pull Request Heads/.test(text), `no excluded count (in the editor's words) on the card: ${text}`);
      assert(!text.includes('--fetch-pr-heads'), `the card names the CLI flag: ${text}`);
      assert(/a change is a squash merge/.test(text), `no change unit on the card: ${text}`);
      assert((await card.locator('vscode-button', { hasText: 'Connect GitHub' }).count()) === 1, 'no Connect GitHub remedy');
      // The squash merges still count as changes for velocity: 6 in 90 days.
      assert(near(await value('velocity'), 6 / (90 / 7)), `velocity was ${await value('velocity')}`);
      const tooltipRows = await kpiStatus(page).getAttribute('aria-label');
      assert(tooltipRows && !/0h/.test(tooltipRows), `status bar says ${tooltipRows}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'squash-merges.png') });
    });

    // A custom window [T-100d, T-20d], days inclusive: changes B (40 h, T-62d) and F (50 h, T-45d) -> median 45 h.
    const since = isoDay(T * 1000 - 100 * DAY);
    const until = isoDay(T * 1000 - 20 * DAY);
    await test('Export Report from a custom window writes that window (named in the file and its name) with the panel\'s numbers', async () => {
      await openWorkbench(page, server.url, exported);
      await kpiStatus(page).waitFor({ timeout: 60_000 });
      await runCommand(page, 'Engineering KPIs: Open Panel');
      await frame.locator('vscode-radio[data-window="custom"]').click({ timeout: 60_000 });
      await frame.locator('input[aria-label="From (UTC)"]').fill(since);
      await frame.locator('input[aria-label="To (UTC, inclusive)"]').fill(until);
      await frame.locator('.custom-window vscode-button', { hasText: 'Apply' }).click();
      await frame.locator('#app[data-window="custom"][aria-busy="false"]').waitFor({ timeout: 20_000 });
      await frame.locator('[data-kpi="cycleTime"] .number[data-value="45"]').waitFor({ timeout: 20_000 });
      const change = await frame.locator('[data-kpi="cycleTime"] .change').innerText();
      // The previous window is the same 81 days before `since`: it names its own dates.
      const prevSince = isoDay(Date.parse(`${since}T00:00:00Z`) - 81 * DAY);
      const prevUntil = isoDay(Date.parse(`${since}T00:00:00Z`) - DAY);
      assert(change.includes(`${prevSince} – ${prevUntil} (the previous 81 days)`) && !change.includes(until), `comparison was "${change}"`);
      const panel = Object.fromEntries(await Promise.all(KPIS.map(async (k) => [k, await value(k)])));

      await runCommand(page, 'Engineering KPIs: Export Report…');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'JSON' }).first().click({ timeout: 15_000 });
      const input = page.locator('.quick-input-widget input[type="text"]');
      let path = '';
      for (let i = 0; i < 50 && !path.endsWith('.json'); i++) {
        path = await input.inputValue();
        if (!path.endsWith('.json')) await page.waitForTimeout(100);
      }
      assert(path.endsWith(`kpi-report-${since}-to-${until}.json`), `save dialog path was "${path}"`);
      await page.keyboard.press('Enter');
      const file = join(exported, path.split('/').pop());
      for (let i = 0; i < 100 && !existsSync(file); i++) await page.waitForTimeout(100);
      assert(existsSync(file), `${file} was not written`);
      const report = JSON.parse(readFileSync(file, 'utf8'));
      assert(report.window.since === `${since}T00:00:00Z` || report.window.since.startsWith(`${since}T00:00:00`), `file window since ${report.window.since}`);
      assert(report.window.until.startsWith(isoDay(Date.parse(`${until}T00:00:00Z`) + DAY)), `file window until ${report.window.until}`);
      for (const k of KPIS) {
        const v = report.kpis[k].value;
        assert(v === null ? panel[k] === 'null' : near(panel[k], v), `${k}: panel ${panel[k]}, file ${v}`);
      }
      await page.locator('.notifications-toasts', { hasText: 'saved to' }).waitFor({ timeout: 10_000 });
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'export-custom-window.png') });
    });

    await test('a commit in a drill-down opens its diff in a read-only editor', async () => {
      await frame.locator('[data-kpi="defectDensity"] .toggle').click();
      const commit = frame.locator('#drill-defectDensity button[data-commit]').first();
      await commit.waitFor({ timeout: 10_000 });
      const id = await commit.getAttribute('data-commit');
      await commit.click();
      const tab = page.locator('.tabs-container .tab', { hasText: `${id}.diff` });
      await tab.waitFor({ timeout: 20_000 });
      const editor = page.locator('.editor-instance .monaco-editor .view-lines').first();
      await editor.locator('text=fix: null check in util').waitFor({ timeout: 20_000 });
      const text = await editor.innerText();
      assert(/diff --git a\/src\/lib\/util\.ts/.test(text.replace(/\u00a0/g, ' ')), `no diff in the editor: ${text.slice(0, 300)}`);
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(SHOTS, 'commit-diff.png') });
    });
  } finally {
    await browser.close();
    server.stop();
  }
}
