/**
 * The KPI panel in the browser. It says `ready`, then draws whatever state the host sends. Only UI
 * intent (window, open drill-down) goes to setState; KPI data is always asked for again.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import type { KpiName } from '../core/metrics/registry';
import { isPanelUiState, isReviewMessage, isStateMessage, type PanelCommand, type PanelUiState, type StateMessage, type WebviewMessage, type WindowChoice } from '../shared/protocol';
import css from './panel.css';
import reviewCss from './sprintReview/sprintReview.css';
import { setupReviewTabs } from './sprintReview/sprintReviewTab';
import { cards, fillSparklines } from './kpis/cards';
import { chartsSection } from './kpis/chartsSection';
import { destroyCharts } from './common/charts';
import { clear, custom, el } from './common/dom';
import { sourceStates, statusBanner } from './statusBanner';
import { windowSelector } from './kpis/windowSelector';
import { COMMANDS } from '../shared/commandIds';
import { isPartialReport } from '../core/partialReportTypes';

interface VsCodeApi {
  postMessage(msg: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelUiState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
let ui: PanelUiState | undefined = isPanelUiState(saved) ? saved : undefined;
let last: StateMessage | undefined;
let reportedRender = false;

// The stylesheet is part of the bundle; it is added with the page's script nonce so CSP allows it.
const style = document.createElement('style');
style.nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
style.textContent = css + reviewCss;
document.head.appendChild(style);

const app = document.getElementById('app') as HTMLElement;

function post(msg: WebviewMessage): void {
  vscode.postMessage(msg);
}

function saveUi(next: PanelUiState): void {
  ui = { ...next, tab: tabs.current() };
  vscode.setState(ui);
}

const actions = {
  runCommand: (command: PanelCommand) => post({ type: 'runCommand', command }),
  openExternal: (url: string) => post({ type: 'openExternal', url }),
  openFile: (path: string) => post({ type: 'openFile', path }),
  openCommit: (hash: string) => post({ type: 'openCommit', hash }),
  setWindow: (w: WindowChoice) => setWindow(w),
  toggle: (kpi: KpiName) => {
    if (!ui) return;
    saveUi({ ...ui, expanded: ui.expanded === kpi ? undefined : kpi });
    if (last) render(last);
  },
};

const tabs = setupReviewTabs({
  app,
  initial: ui?.tab ?? 'kpis',
  onTabChange: () => ui && saveUi(ui),
  actions: {
    exportAs: (format) => post({ type: 'exportReview', format }),
    runReview: () => actions.runCommand(COMMANDS.sprintReview),
    openExternal: actions.openExternal,
    openFile: actions.openFile,
  },
});

function setWindow(w: WindowChoice): void {
  saveUi({ ...ui, window: w });
  app.setAttribute('aria-busy', 'true');
  post({ type: 'setWindow', window: w });
}

/**
 * A selector that finds the focused control again after a render rebuilt it (new data, a window
 * chosen with the arrow keys, a drill-down toggled, a theme switch), so keyboard users keep their place.
 */
function focusedControl(): string | undefined {
  const a = document.activeElement;
  if (!(a instanceof HTMLElement) || !app.contains(a)) return undefined;
  const kpi = a.closest<HTMLElement>('[data-kpi]')?.dataset.kpi;
  const scope = kpi ? `[data-kpi="${kpi}"] ` : '';
  if (a.dataset.window) return `vscode-radio[data-window="${a.dataset.window}"]`;
  if (a.classList.contains('toggle')) return `${scope}.toggle`;
  if (a.dataset.command) return `${scope}[data-command="${a.dataset.command}"]`;
  if (a.dataset.path) return `${scope}button${a.classList.contains('hotspot') ? '.hotspot' : ''}[data-path="${CSS.escape(a.dataset.path)}"]`;
  return undefined;
}

/** What to focus after the last render, kept until its frame: several renders can come in one frame. */
let pendingFocus: string | undefined;

function refocus(selector: string | undefined): void {
  // Only while the panel has focus: a re-render must never pull focus out of the workbench.
  if (selector && document.hasFocus()) app.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
}

function render(msg: StateMessage): void {
  last = msg;
  pendingFocus = focusedControl() ?? pendingFocus;
  const window = msg.window;
  if (!ui || JSON.stringify(ui.window) !== JSON.stringify(window)) saveUi({ ...ui, window });
  destroyCharts();
  clear(app);
  const header = el(
    'header',
    {},
    el('h1', {}, msg.repoName ? `Engineering KPIs — ${msg.repoName}` : 'Engineering KPIs'),
    msg.status.kind === 'restricted' || msg.status.kind === 'noRepository' ? null : windowSelector(window, setWindow),
    msg.sources ? sourceStates(msg.sources, actions.runCommand) : null,
  );
  app.append(header);
  const banner = statusBanner(msg.status, actions.runCommand);
  if (banner) app.append(banner);
  if (msg.report) {
    const kpis = msg.kpis ?? [];
    const cardList = cards(msg.report, msg.details, ui?.expanded, { kpis, window, defaultDays: 90 }, actions);
    app.append(cardList);
    // The numbers first; sparklines and charts (Chart.js, the costly part) follow in the next frame.
    const charts = el('div', { class: 'charts-slot' });
    app.append(charts);
    const { report, details } = msg;
    // A partial report comes without details: its charts are drawn with the whole one.
    if (details && !isPartialReport(report)) {
      requestAnimationFrame(() => {
        if (last !== msg) return;
        fillSparklines(cardList, details, kpis);
        charts.append(chartsSection(report, details, actions.openFile));
      });
    }
  } else if (msg.status.kind === 'computing') {
    app.append(el('p', { class: 'loading' }, custom('vscode-progress-ring', { 'aria-label': 'Computing KPIs' }), ' Computing KPIs…'));
  }
  // The vscode-elements controls become focusable once they have rendered, and the charts (with the
  // hotspot buttons) are drawn in the frame requested above: focus in the frame after.
  requestAnimationFrame(() => {
    if (last !== msg) return;
    if (document.activeElement === document.body) refocus(pendingFocus);
    pendingFocus = undefined;
  });
  app.setAttribute('aria-busy', msg.status.kind === 'computing' ? 'true' : 'false');
  app.dataset.window = window.kind === 'days' ? String(window.days) : window.kind;
  app.dataset.status = msg.status.kind;
  if (msg.report && !reportedRender) {
    reportedRender = true;
    post({ type: 'rendered', withData: true, documentMs: Math.round(performance.now()) });
  }
}

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isStateMessage(e.data)) {
    // An older state arriving late (the report-only message after its full one) is not drawn over a newer one.
    if (e.data.seq === undefined || last?.seq === undefined || e.data.seq > last.seq) render(e.data);
  }
  else if (isReviewMessage(e.data)) tabs.show(e.data);
});

// Theme switches change the CSS variables; canvases must be redrawn to pick them up.
new MutationObserver(() => last && render(last)).observe(document.body, { attributes: true, attributeFilter: ['class'] });

post({ type: 'ready' });
// The host posts the state with the page; should it be lost, `ready` again makes the host re-send it.
setTimeout(() => last === undefined && post({ type: 'ready' }), 1000);
if (ui) post({ type: 'setWindow', window: ui.window });
