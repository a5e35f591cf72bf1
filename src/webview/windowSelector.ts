/** 30 / 90 / 180 days or custom dates, as a radio group (arrow keys move between choices). */
import type { WindowChoice } from '../shared/protocol';
import { custom, el } from './dom';

const PRESETS = [30, 90, 180] as const;

export function windowLabel(w: WindowChoice): string {
  return w.kind === 'days' ? `${w.days} days` : `${w.since} – ${w.until}`;
}

export function windowSelector(current: WindowChoice, onChange: (w: WindowChoice) => void): HTMLElement {
  const group = custom('vscode-radio-group', { 'aria-label': 'Time window', class: 'window-group' });
  const choose = (w: WindowChoice) => onChange(w);
  for (const d of PRESETS) {
    const r = custom('vscode-radio', { name: 'window', value: String(d), label: `${d} days`, 'data-window': String(d), checked: current.kind === 'days' && current.days === d });
    r.addEventListener('change', () => choose({ kind: 'days', days: d }));
    group.appendChild(r);
  }
  const customRadio = custom('vscode-radio', { name: 'window', value: 'custom', label: 'Custom', 'data-window': 'custom', checked: current.kind === 'custom' });
  group.appendChild(customRadio);

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
  apply.addEventListener('click', () => {
    error.textContent = '';
    if (!since.value || !until.value || since.value > until.value) {
      error.textContent = 'Choose a start date on or before the end date.';
      return;
    }
    choose({ kind: 'custom', since: since.value, until: until.value });
  });
  return el('div', { class: 'window-selector', role: 'group', 'aria-label': 'Time window' }, el('span', { class: 'label' }, 'Window:'), group, customBox, error);
}
