/**
 * The panel's page in the browser: its two tabs (kpis/kpiTab.ts, sprintReview/sprintReviewTab.ts),
 * the host's messages routed to them, and the UI state. It says `ready`, then draws whatever the
 * host sends. Only UI intent (window, open drill-down, tab) goes to setState; KPI data is always
 * asked for again.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-progress-ring/index.js';
import { isPanelUiState, isReviewMessage, isStateMessage, type PanelCommand, type PanelUiState, type WebviewMessage } from '../shared/protocol';
import css from './panel.css';
import reviewCss from './sprintReview/sprintReview.css';
import { setupReviewTabs } from './sprintReview/sprintReviewTab';
import { setupKpiTab } from './kpis/kpiTab';
import { COMMANDS } from '../shared/commandIds';

interface VsCodeApi {
  postMessage(msg: WebviewMessage): void;
  getState(): unknown;
  setState(state: PanelUiState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const saved = vscode.getState();
let ui: PanelUiState | undefined = isPanelUiState(saved) ? saved : undefined;

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

const hostActions = {
  runCommand: (command: PanelCommand) => post({ type: 'runCommand', command }),
  openExternal: (url: string) => post({ type: 'openExternal', url }),
  openFile: (path: string) => post({ type: 'openFile', path }),
  openCommit: (hash: string) => post({ type: 'openCommit', hash }),
};

const kpiTab = setupKpiTab({ app, post, ui: () => ui, saveUi, hostActions });

const tabs = setupReviewTabs({
  app,
  initial: ui?.tab ?? 'kpis',
  onTabChange: () => ui && saveUi(ui),
  actions: {
    exportAs: (format) => post({ type: 'exportReview', format }),
    runReview: () => hostActions.runCommand(COMMANDS.sprintReview),
    openExternal: hostActions.openExternal,
    openFile: hostActions.openFile,
  },
});

window.addEventListener('message', (e: MessageEvent<unknown>) => {
  if (isStateMessage(e.data)) kpiTab.show(e.data);
  else if (isReviewMessage(e.data)) tabs.show(e.data);
});

// Theme switches change the CSS variables; canvases must be redrawn to pick them up.
new MutationObserver(() => kpiTab.redraw()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

post({ type: 'ready' });
// The host posts the state with the page; should it be lost, `ready` again makes the host re-send it.
setTimeout(() => !kpiTab.hasState() && post({ type: 'ready' }), 1000);
if (ui) post({ type: 'setWindow', window: ui.window });
