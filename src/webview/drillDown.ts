/** The items behind a number: PRs, issues, commits, files. Every string is untrusted and rendered as text. */
import type { DrillItem } from '../core/report/details';
import type { KpiUnit } from '../core/report/reportTypes';
import { formatNumber } from '../shared/kpiFormat';
import { el } from './dom';

export interface DrillActions {
  openExternal(url: string): void;
  openFile(path: string): void;
}

const LIMIT = 100;

export function drillDown(id: string, label: string, items: DrillItem[], unit: KpiUnit, act: DrillActions): HTMLElement {
  const list = el('ul', { id, class: 'drill', 'aria-label': label });
  for (const it of items.slice(0, LIMIT)) list.appendChild(row(it, unit, act));
  if (items.length > LIMIT) list.appendChild(el('li', { class: 'more' }, `… and ${items.length - LIMIT} more (Export Report has them all)`));
  return list;
}

function row(it: DrillItem, unit: KpiUnit, act: DrillActions): HTMLElement {
  const title = it.path
    ? linkButton(it.title || it.path, `Open ${it.path}`, () => act.openFile(it.path as string), { 'data-path': it.path })
    : it.url
      ? linkButton(it.title || it.id, `Open ${it.id} in the browser`, () => act.openExternal(it.url as string), {})
      : el('span', { class: 'title' }, it.title);
  const extra = Object.entries(it.extra ?? {})
    .filter(([, v]) => v !== null && v !== '')
    .map(([k, v]) => `${k}: ${String(v)}`)
    .join(' · ');
  return el(
    'li',
    { 'data-kind': it.kind, 'data-id': it.id },
    el('span', { class: 'id' }, it.id.length > 12 && it.kind === 'commit' ? it.id.slice(0, 8) : it.id),
    ' ',
    title,
    typeof it.value === 'number' ? el('span', { class: 'item-value' }, ` ${formatNumber(it.value, unit)} ${unit}`) : null,
    it.at ? el('span', { class: 'at' }, ` ${it.at.slice(0, 10)}`) : null,
    extra ? el('span', { class: 'extra' }, ` ${extra}`) : null,
  );
}

export function linkButton(text: string, label: string, onClick: () => void, attrs: Record<string, string>): HTMLElement {
  const b = el('button', { type: 'button', class: 'link', title: label, ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}
