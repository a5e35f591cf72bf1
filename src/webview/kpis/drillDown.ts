/** The items behind a number: PRs, issues, commits, files. Every string is untrusted and rendered as text. */
import type { DrillItem } from '../../core/model/kpi';
import type { KpiUnit } from '../../core/model/kpi';
import { formatExtras, formatItemValue } from '../../shared/kpiFormat';
import { isCommitId, isSafeExternalUrl } from '../../shared/protocol';
import { el } from '../common/dom';

export interface DrillActions {
  openExternal(url: string): void;
  openFile(path: string): void;
  /** Opens the commit's diff in the editor (a read-only `git show` document). */
  openCommit(hash: string): void;
}

const LIMIT = 100;

export function drillDown(id: string, label: string, items: DrillItem[], unit: KpiUnit, act: DrillActions): HTMLElement {
  const list = el('ul', { id, class: 'drill', 'aria-label': label });
  for (const it of items.slice(0, LIMIT)) list.appendChild(row(it, unit, act));
  if (items.length > LIMIT) list.appendChild(el('li', { class: 'more' }, `… and ${items.length - LIMIT} more (Export Report has them all)`));
  return list;
}

/** A commit or a merged change (its merge commit) opens its diff; a PR or issue opens its page; a file opens itself. */
function titleOf(it: DrillItem, act: DrillActions): HTMLElement {
  if (it.path) return linkButton(it.title || it.path, `Open ${it.path}`, () => act.openFile(it.path as string), { 'data-path': it.path });
  if ((it.kind === 'commit' || it.kind === 'change') && isCommitId(it.id)) {
    return linkButton(it.title || it.id, `Show the diff of ${it.id} in the editor`, () => act.openCommit(it.id), { 'data-commit': it.id });
  }
  if (it.url && isSafeExternalUrl(it.url)) return linkButton(it.title || it.id, `Open ${it.id} in the browser`, () => act.openExternal(it.url as string), { 'data-url': it.url });
  return el('span', { class: 'title' }, it.title);
}

function row(it: DrillItem, unit: KpiUnit, act: DrillActions): HTMLElement {
  const extra = formatExtras(it.extra);
  return el(
    'li',
    { 'data-kind': it.kind, 'data-id': it.id },
    el('span', { class: 'id' }, it.id.length > 12 && it.kind === 'commit' ? it.id.slice(0, 8) : it.id),
    ' ',
    titleOf(it, act),
    typeof it.value === 'number' ? el('span', { class: 'item-value' }, ` ${formatItemValue(it.value, unit)}`) : null,
    it.at ? el('span', { class: 'at' }, ` ${it.at.slice(0, 10)}`) : null,
    extra ? el('span', { class: 'extra' }, ` ${extra}`) : null,
  );
}

export function linkButton(text: string, label: string, onClick: () => void, attrs: Record<string, string>): HTMLElement {
  const b = el('button', { type: 'button', class: 'link', title: label, ...attrs }, text);
  b.addEventListener('click', onClick);
  return b;
}
