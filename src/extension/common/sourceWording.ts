/**
 * The editor's words for a source's state. The core words its messages for the CLI (JIRA_PAT,
 * --jira-board); here the same faults, read as data (SourceFault), name the editor's commands.
 * Used for the notification, the panel header and the status bar tooltip, so all three agree.
 */
import type { SourceFault, SourceStatus } from '../../core/model/dataset';
import type { FixAction } from '../../shared/kpiFormat';
import type { SourceBadge, SourceName } from '../../shared/protocol';
import { SECTION, githubAuthProvider, hostOf } from '../settings/settings';
import type { SourceAdvice } from '../../core/sprintReview/reviewTypes';
import { COMMANDS } from '../../shared/commandIds';

export interface Advice {
  /** What is wrong: "401: the token was rejected". */
  cause: string;
  /** What to do: "run Configure Jira". */
  next?: string;
  action?: FixAction;
}

const CONFIGURE_JIRA: FixAction = { label: 'Configure Jira', command: COMMANDS.configureJira };
const CONFIGURE_GITHUB: FixAction = { label: 'Configure GitHub', command: COMMANDS.configureGitHub };
const REFRESH: FixAction = { label: 'Refresh', command: COMMANDS.refresh };
const SHOW_LOG: FixAction = { label: 'Show Log', command: COMMANDS.showLog };

const LABELS: Record<SourceName, string> = { git: 'git', github: 'GitHub', jira: 'Jira' };

function host(f: SourceFault): string {
  return f.host ?? 'the Jira host';
}

export function jiraAdvice(f: SourceFault): Advice {
  const configure = { next: 'run Configure Jira', action: CONFIGURE_JIRA };
  switch (f.kind) {
    case 'no-credentials':
      return { cause: 'no token stored', ...configure };
    case 'auth':
      return { cause: '401: the token was rejected', ...configure };
    case 'forbidden':
      return { cause: `403: the account may not read ${f.endpoint ?? 'this Jira data'} (or Jira wants a browser sign-in first)`, next: 'check the account in Jira, then run Configure Jira', action: CONFIGURE_JIRA };
    case 'no-project':
      return { cause: f.project ? `no project ${f.project} (or this account cannot see it)` : 'no project set', ...configure };
    case 'no-board':
      return { cause: `no board ${f.boardId ?? '?'}${f.project ? ` in project ${f.project}` : ''}`, next: 'pick a board with Configure Jira', action: CONFIGURE_JIRA };
    case 'not-found':
      return { cause: `404 for ${f.endpoint ?? 'a Jira address'}`, next: 'check the URL, project and board with Configure Jira', action: CONFIGURE_JIRA };
    case 'host-not-found':
      return { cause: `host not found: ${host(f)}`, next: 'check the Jira URL (Configure Jira) or your network', action: CONFIGURE_JIRA };
    case 'refused':
      return { cause: `connection refused by ${host(f)}`, next: 'check the Jira URL and port (Configure Jira)', action: CONFIGURE_JIRA };
    case 'timeout':
      return { cause: `no answer from ${host(f)}`, next: 'check the network or VPN, then Refresh', action: REFRESH };
    case 'tls':
      return { cause: `the certificate of ${host(f)} was not accepted`, next: 'check the Jira URL, or that this machine trusts your proxy\'s certificate', action: CONFIGURE_JIRA };
    case 'network':
      return { cause: `could not reach ${host(f)}${f.code ? ` (${f.code})` : ''}`, next: 'check the network, then Refresh', action: REFRESH };
    case 'rate-limited':
      return { cause: 'rate limit reached (429)', next: 'Refresh later', action: REFRESH };
    case 'server':
      return { cause: `Jira server error ${f.httpStatus ?? ''}`.trim(), next: 'Refresh later', action: REFRESH };
    case 'malformed':
      return { cause: 'the answer was not Jira\'s (a proxy or sign-in page?)', next: 'check the Jira URL (Configure Jira)', action: CONFIGURE_JIRA };
    case 'limit':
      return { cause: 'a Jira answer passed the size or time limit', next: 'Refresh later', action: REFRESH };
    case 'offline-empty':
      return { cause: 'offline, and nothing cached yet', next: 'turn off the engineeringKpis.offline setting' };
    case 'other':
      return { cause: 'the sync failed', next: 'see the log', action: SHOW_LOG };
  }
}

function githubAdvice(f: SourceFault): Advice | undefined {
  if (f.kind === 'no-credentials') return { cause: 'not signed in', next: 'run Configure GitHub', action: CONFIGURE_GITHUB };
  if (f.kind === 'auth') return { cause: '401: the sign-in was rejected', next: 'run Configure GitHub', action: CONFIGURE_GITHUB };
  return undefined;
}

/** "401: the token was rejected — run Configure Jira". */
export function adviceText(a: Advice): string {
  return a.next ? `${a.cause} — ${a.next}` : a.cause;
}

function adviceFor(source: SourceName, s: SourceStatus): Advice | undefined {
  if (!s.fault) return undefined;
  return source === 'jira' ? jiraAdvice(s.fault) : source === 'github' ? githubAdvice(s.fault) : undefined;
}

/**
 * The status as the editor shows it: a known fault's message in the editor's words (the core's
 * own message, with the CLI's remedies, goes to the log).
 */
export function forEditor(source: SourceName, s: SourceStatus): SourceStatus {
  const a = adviceFor(source, s);
  if (!a) return s;
  // An unforeseen failure, or a limit, keeps the core's description (it names no remedy, and says which).
  const ownWords = (s.fault?.kind === 'other' || s.fault?.kind === 'limit') && s.message;
  return { ...s, message: ownWords ? `${s.message} — ${a.next}` : adviceText(a) };
}

/** One badge per source for the panel header and the status bar tooltip: state, cause, the fixing action. */
export function sourceBadges(sources: Record<SourceName, SourceStatus>, syncPending = false, pending: readonly string[] = []): SourceBadge[] {
  return (['git', 'github', 'jira'] as const).map((source) => {
    // `pending` (a partial report's): the source has not answered yet, so its status is no answer.
    const b = pending.includes(source) ? { source, label: LABELS[source], state: 'syncing' as const, detail: 'waiting for its answer' } : badge(source, sources[source], syncPending);
    return { ...b, text: `${b.label} ${STATE_WORDS[b.state]}${b.detail ? `: ${b.detail}` : ''}` };
  });
}

function badge(source: SourceName, s: SourceStatus, syncPending: boolean): Omit<SourceBadge, 'text'> {
  const base = { source, label: LABELS[source] };
  // The cached pass said "nothing cached": that is the first sync, still running, not a failure.
  if (syncPending && (s.fault?.kind === 'offline-empty' || s.status === 'stale')) {
    return { ...base, state: 'syncing', detail: s.status === 'stale' ? 'cached data shown; syncing' : 'first sync running' };
  }
  const a = adviceFor(source, s);
  if (s.status === 'ok') return { ...base, state: 'ok' };
  // Off by choice needs no action here (the cards that need the source offer to connect it); off
  // with a fault (GitHub enabled, nobody signed in) says why and offers the fix.
  if (s.status === 'off') return a ? { ...base, state: 'off', detail: a.cause, ...(a.action ? { action: a.action } : {}) } : { ...base, state: 'off' };
  // Core messages may name their source ("GitHub: rate-limited until 12:30"): the badge names it already.
  const detail = s.message?.startsWith(`${base.label}: `) ? s.message.slice(base.label.length + 2) : s.message;
  return { ...base, state: s.status, ...(detail ? { detail } : {}), action: a?.action ?? (s.status === 'error' ? SHOW_LOG : REFRESH) };
}

/** "git ok · GitHub off · Jira error: 401: the token was rejected — run Configure Jira". */
export function sourcesLine(badges: SourceBadge[]): string {
  return badges.map((b) => b.text).join(' · ');
}

const STATE_WORDS: Record<SourceBadge['state'], string> = { ok: 'ok', off: 'off', error: 'error', stale: 'cached', 'rate-limited': 'rate-limited', syncing: 'syncing' };

/**
 * What a failed Configure GitHub says (VS Code itself says only "No auth flow succeeded"): what was
 * tried, and what to try next. Undefined when the user cancelled: nothing to say.
 */
export function githubSignInFailure(apiUrl: string, message: string): string | undefined {
  // VS Code has no error code for "the user closed the dialog"; these are its words for it.
  if (/cancel|did not consent/i.test(message)) return undefined;
  const enterprise = githubAuthProvider(apiUrl) === 'github-enterprise';
  const where = enterprise ? `GitHub Enterprise at ${hostOf(apiUrl)}` : 'GitHub.com';
  const next = enterprise
    ? `Check the network, and that ${SECTION}.github.apiUrl (${apiUrl}) is your server's API URL, then Retry.`
    : `Check the network (a proxy or firewall may block github.com), then Retry. For GitHub Enterprise Server, set ${SECTION}.github.apiUrl first.`;
  return `signing in to ${where} failed (${message}). ${next}`;
}

/**
 * The sprint review's "Without Jira (off): … — run Configure Jira": the editor's command for a
 * source that is off, else the cause of its failure in the editor's words.
 */
export function reviewAdvice(sources: Record<SourceName, SourceStatus>): SourceAdvice {
  const words = (source: 'jira' | 'github', s: SourceStatus): string => {
    const a = adviceFor(source, s);
    if (a) return adviceText(a);
    if (s.status === 'off') return `run ${source === 'jira' ? CONFIGURE_JIRA.label : CONFIGURE_GITHUB.label}`;
    return s.message ? `${s.message} — see the log` : 'see the log';
  };
  return { jira: words('jira', sources.jira), github: words('github', sources.github) };
}
