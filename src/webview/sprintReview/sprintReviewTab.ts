/**
 * Two tabs in one webview: the KPI panel (#app, drawn by main.ts) and the sprint review. A tab
 * strip with the ARIA tabs pattern (arrow keys, Home/End); which tab is in front is UI state only.
 */
import type { SourceAdvice, SprintReview } from '../../core/sprintReview/reviewTypes';
import type { PanelTab, ReviewMessage } from '../../shared/protocol';
import { clear, el } from '../common/dom';
import { destroyReviewCharts } from './sprintReviewCharts';
import { emptyReview, fillReviewCharts, reviewView, type ReviewActions } from './sprintReviewView';

export interface ReviewTabDeps {
  /** The KPI tab's panel: the existing #app. */
  app: HTMLElement;
  initial: PanelTab;
  onTabChange(tab: PanelTab): void;
  actions: ReviewActions;
}

export interface ReviewTabs {
  current(): PanelTab;
  select(tab: PanelTab, focus: boolean): void;
  show(msg: ReviewMessage): void;
}

const TABS: Array<[PanelTab, string]> = [['kpis', 'KPIs'], ['review', 'Sprint Review']];

export function setupReviewTabs(deps: ReviewTabDeps): ReviewTabs {
  const { app, actions } = deps;
  let current: PanelTab = deps.initial;
  /** Both tabs scroll the same document: each keeps its own position. */
  const scrollOf: Record<PanelTab, number> = { kpis: 0, review: 0 };
  let review: SprintReview | null = null;
  let advice: SourceAdvice = {};
  let chartsDrawn = false;
  /** Bumped by every render, so a chart frame scheduled for older content does nothing. */
  let generation = 0;

  const panel = el('section', { id: 'review', class: 'review', role: 'tabpanel', 'aria-labelledby': 'tab-review', 'data-state': 'empty' });
  const buttons = new Map<PanelTab, HTMLButtonElement>();
  const strip = el('nav', { class: 'tabs', role: 'tablist', 'aria-label': 'Engineering KPIs views' });
  for (const [tab, label] of TABS) {
    const b = el('button', { type: 'button', role: 'tab', id: `tab-${tab}`, 'data-tab': tab, 'aria-controls': tab === 'kpis' ? 'app' : 'review' }, label);
    b.addEventListener('click', () => select(tab, false));
    buttons.set(tab, b);
    strip.appendChild(b);
  }
  strip.addEventListener('keydown', (e: KeyboardEvent) => {
    const order = TABS.map(([t]) => t);
    const i = order.indexOf(current);
    const next = e.key === 'ArrowRight' ? order[(i + 1) % order.length] : e.key === 'ArrowLeft' ? order[(i - 1 + order.length) % order.length]
      : e.key === 'Home' ? order[0] : e.key === 'End' ? order[order.length - 1] : undefined;
    if (!next) return;
    e.preventDefault();
    select(next, true);
  });
  app.setAttribute('role', 'tabpanel');
  app.setAttribute('aria-labelledby', 'tab-kpis');
  app.before(strip);
  app.after(panel);

  /** Chart.js cannot size a canvas in a hidden panel, so charts wait until the tab is in front. */
  function drawChartsIfVisible(): void {
    if (chartsDrawn || !review || current !== 'review') return;
    chartsDrawn = true;
    const r = review;
    const g = generation;
    requestAnimationFrame(() => g === generation && fillReviewCharts(panel, r));
  }

  function render(): void {
    destroyReviewCharts();
    generation++;
    chartsDrawn = false;
    clear(panel);
    panel.append(review ? reviewView(review, actions, advice) : emptyReview(actions));
    panel.dataset.state = review ? 'ready' : 'empty';
    drawChartsIfVisible();
  }

  function select(tab: PanelTab, focus: boolean, scrollTop = false): void {
    const changed = tab !== current;
    if (changed) scrollOf[current] = window.scrollY;
    current = tab;
    for (const [t, b] of buttons) {
      const on = t === tab;
      b.setAttribute('aria-selected', on ? 'true' : 'false');
      b.tabIndex = on ? 0 : -1;
    }
    app.hidden = tab !== 'kpis';
    panel.hidden = tab !== 'review';
    document.body.dataset.tab = tab;
    if (focus) buttons.get(tab)?.focus();
    if (changed || scrollTop) window.scrollTo(0, scrollTop ? 0 : scrollOf[tab]);
    drawChartsIfVisible();
    if (changed) deps.onTabChange(tab);
  }

  // Theme switches change the CSS variables the charts read: redraw like the KPI tab does.
  new MutationObserver(() => review && render()).observe(document.body, { attributes: true, attributeFilter: ['class'] });

  render();
  select(current, false);
  return {
    current: () => current,
    select,
    show(msg: ReviewMessage): void {
      review = msg.review;
      advice = msg.advice;
      render();
      // A new review starts at its top.
      if (msg.reveal) select('review', false, true);
    },
  };
}
