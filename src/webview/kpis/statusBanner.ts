/** A banner for every state that is not plain "ready": it says what is going on and offers the way out. */
import type { HostStatus, PanelCommand, SourceBadge } from '../../shared/protocol';
import { custom, el } from '../common/dom';
import { COMMANDS, MANAGE_TRUST } from '../../shared/commandIds';

function button(label: string, command: PanelCommand, run: (c: PanelCommand) => void): HTMLElement {
  const b = custom('vscode-button', { 'data-command': command }, label);
  b.addEventListener('click', () => run(command));
  return b;
}

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function statusBanner(s: HostStatus, run: (c: PanelCommand) => void): HTMLElement | null {
  switch (s.kind) {
    case 'ready':
      return null;
    case 'computing':
      return el('div', { class: 'banner', role: 'status' }, s.cachedAt ? `From cache, as of ${when(s.cachedAt)}; refreshing…` : 'Computing…');
    case 'restricted':
      return el(
        'div',
        { class: 'banner warning', role: 'alert' },
        el('p', {}, 'Restricted Mode: this folder is not trusted, so Engineering KPIs runs no git process and calls no API.'),
        el('p', {}, 'To see KPIs, trust the folder.'),
        button('Manage Workspace Trust', MANAGE_TRUST, run),
      );
    case 'noRepository':
      return el('div', { class: 'banner', role: 'status' }, 'No git repository in this workspace. Open a folder that contains a .git folder.');
    case 'stale':
      return el('div', { class: 'banner warning', role: 'status' }, `Offline: showing cached data from ${when(s.since)}. `, button('Refresh', COMMANDS.refresh, run));
    case 'rateLimited':
      return el('div', { class: 'banner warning', role: 'status' }, `GitHub rate limit reached; showing cached data until ${when(s.until)}.`);
    case 'error':
      return el('div', { class: 'banner error', role: 'alert' }, `Computing KPIs failed: ${s.message} `, button('Show Log', COMMANDS.showLog, run));
  }
}

/**
 * Each source's state under the title, with the action that fixes it: "git ok · GitHub off
 * [Configure GitHub] · Jira error: 401: the token was rejected — run Configure Jira [Configure Jira]".
 */
export function sourceStates(badges: SourceBadge[], run: (c: PanelCommand) => void): HTMLElement {
  return el(
    'ul',
    { class: 'sources', 'aria-label': 'Data sources' },
    ...badges.map((b) =>
      el(
        'li',
        { class: 'source-state', 'data-source': b.source, 'data-state': b.state },
        el('span', { class: 'text' }, b.text),
        b.action ? button(b.action.label, b.action.command, run) : null,
      ),
    ),
  );
}
