/**
 * The KPI tab: draws each state the host sends (header, status banner, cards, then the sparklines
 * and charts a frame later), keeps the keyboard user's place across re-renders, and turns the
 * cards' clicks into messages. It keeps only the last state drawn; KPI data is never saved.
 */
import type { KpiName } from '../../core/metrics/registry';
import { isPartialReport } from '../../core/partialReportTypes';
import type { PanelCommand, PanelUiState, StateMessage, WebviewMessage, WindowChoice } from '../../shared/protocol';
import { destroyCharts } from '../common/charts';
import { clear, custom, el } from '../common/dom';
import { sourceStates, statusBanner } from './statusBanner';
import { cards, fillSparklines } from './cards';
import { chartsSection } from './chartsSection';
import { windowSelector } from './windowSelector';

/** What the page does for the tab: messages to the host and the UI state it saves. */
export interface KpiTabDeps {
  app: HTMLElement;
  post(msg: WebviewMessage): void;
  ui(): PanelUiState | undefined;
  saveUi(next: PanelUiState): void;
  hostActions: {
    runCommand(command: PanelCommand): void;
    openExternal(url: string): void;
    openFile(path: string): void;
    openCommit(hash: string): void;
  };
}

export interface KpiTab {
  /** Draws a state from the host, unless it is older than the one drawn. */
  show(msg: StateMessage): void;
  /** Draws the last state again (a theme switch: canvases take the new colours only when redrawn). */
  redraw(): void;
  /** Whether any state has arrived yet. */
  hasState(): boolean;
}

export function setupKpiTab(deps: KpiTabDeps): KpiTab {
  const { app, post, ui, saveUi } = deps;
  let last: StateMessage | undefined;
  let reportedRender = false;

  const actions = {
    ...deps.hostActions,
    setWindow: (w: WindowChoice) => setWindow(w),
    toggle: (kpi: KpiName) => {
      const saved = ui();
      if (!saved) return;
      saveUi({ ...saved, expanded: saved.expanded === kpi ? undefined : kpi });
      if (last) render(last);
    },
  };

  function setWindow(w: WindowChoice): void {
    saveUi({ ...ui(), window: w });
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
    const saved = ui();
    if (!saved || JSON.stringify(saved.window) !== JSON.stringify(window)) saveUi({ ...saved, window });
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
      const cardList = cards(msg.report, msg.details, ui()?.expanded, { kpis, window, defaultDays: 90 }, actions);
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

  return {
    show: (msg) => {
      // An older state arriving late (the report-only message after its full one) is not drawn over a newer one.
      if (msg.seq === undefined || last?.seq === undefined || msg.seq > last.seq) render(msg);
    },
    redraw: () => last && render(last),
    hasState: () => last !== undefined,
  };
}
