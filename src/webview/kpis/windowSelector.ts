/** 30 / 90 / 180 days or custom dates, as a radio group: Tab reaches the chosen window, arrow keys choose another. */
import { PRESET_WINDOW_DAYS } from '../../core/model/time';
import type { WindowChoice } from '../../shared/protocol';
import { windowName } from '../../shared/windowNames';
import { custom, el } from '../common/dom';

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/** A vscode-radio: `checked` is its property. */
type Radio = HTMLElement & { checked: boolean };

export function windowSelector(current: WindowChoice, onChange: (w: WindowChoice) => void): HTMLElement {
  const group = custom('vscode-radio-group', { 'aria-label': 'Time window', class: 'window-group' });
  const choose = (w: WindowChoice) => onChange(w);
  for (const d of PRESET_WINDOW_DAYS) {
    const r = custom('vscode-radio', { name: 'window', value: String(d), label: `${d} days`, 'data-window': String(d), checked: current.kind === 'days' && current.days === d });
    r.addEventListener('change', () => choose({ kind: 'days', days: d }));
    group.appendChild(r);
  }
  const customRadio = custom('vscode-radio', { name: 'window', value: 'custom', label: 'Custom', 'data-window': 'custom', checked: current.kind === 'custom' });
  group.appendChild(customRadio);
  const radios = [...group.children] as Radio[];
  // The group makes its first radio the Tab stop once its slot fills; the checked one should be (ARIA radio group).
  requestAnimationFrame(() => radios.forEach((r) => (r.tabIndex = r.checked ? 0 : -1)));

  const today = new Date().toISOString().slice(0, 10);
  const since = el('input', { type: 'date', 'aria-label': 'From (UTC)', max: today, value: current.kind === 'custom' ? current.since : '' });
  const until = el('input', { type: 'date', 'aria-label': 'To (UTC, inclusive)', max: today, value: current.kind === 'custom' ? current.until : today });
  const apply = custom('vscode-button', { secondary: true }, 'Apply');
  const customBox = el('span', { class: 'custom-window', hidden: current.kind !== 'custom' }, since, ' – ', until, ' ', apply);
  const error = el('span', { class: 'error', role: 'alert' });
  customRadio.addEventListener('change', () => {
    customBox.hidden = false;
    since.focus();
  });
  // The group's arrow keys check the next radio without a `change` event: its own listener, added
  // when the element was made, has run by now, so read which radio it checked.
  group.addEventListener('keydown', (e: KeyboardEvent) => {
    if (!ARROWS.has(e.key)) return;
    const checked = radios.find((r) => r.checked)?.dataset.window;
    const days = PRESET_WINDOW_DAYS.find((d) => String(d) === checked);
    if (checked === 'custom') customBox.hidden = false;
    else if (days !== undefined && (current.kind !== 'days' || current.days !== days)) choose({ kind: 'days', days });
  });
  apply.addEventListener('click', () => {
    error.textContent = '';
    if (!since.value || !until.value || since.value > until.value) {
      error.textContent = 'Choose a start date on or before the end date.';
      return;
    }
    choose({ kind: 'custom', since: since.value, until: until.value });
  });
  // A window ending at the last commit (a stale repository's remedy) is none of the radios: say which it is.
  const upTo = current.kind === 'upTo' ? el('span', { class: 'window-shown', 'data-window-shown': 'upTo' }, `Showing ${windowName(current)}`) : null;
  return el('div', { class: 'window-selector', role: 'group', 'aria-label': 'Time window' }, el('span', { class: 'label' }, 'Window:'), group, customBox, upTo, error);
}
