/**
 * The extension's settings as one typed object, mapped from a plain getter so the mapping (and its
 * defaults) is unit-tested without an editor. vscodeSettings.ts feeds it from `workspace.getConfiguration`.
 */
import { DEFAULT_OPTIONS, resolveOptions, type KpiOptions } from '../../core/options';
import { KPI_NAMES, type KpiName } from '../../core/metrics/registry';
import { presetDaysOr, type PresetDays } from '../../core/model/time';
import { checkCredentialUrl, GITHUB_EXAMPLE, JIRA_EXAMPLE, type UrlRole } from '../../core/sources/http/credentialUrl';

export const SECTION = 'engineeringKpis';

/** The editor's names for the URLs credentials go to, for the core's messages. */
export const EDITOR_URL_ROLES = {
  jira: { name: `${SECTION}.jira.url`, credentials: "the 'Engineering KPIs: Configure Jira' command (it keeps the token in SecretStorage)", example: JIRA_EXAMPLE },
  github: { name: `${SECTION}.github.apiUrl`, credentials: "VS Code's GitHub sign-in ('Engineering KPIs: Configure GitHub')", example: GITHUB_EXAMPLE },
} as const satisfies Record<string, UrlRole>;

export interface ExtensionSettings {
  statusBarKpi: KpiName;
  windowDays: PresetDays;
  refreshIntervalMinutes: number;
  offline: boolean;
  github: { enabled: boolean; repo?: string; apiUrl: string };
  jira: { url?: string; project?: string; boardId?: number; deployment?: 'cloud' | 'server'; email?: string };
  options: KpiOptions;
  /** Opt-in per-person rows in the sprint review (off by default; docs/metrics.md, "Sprint review", says why). */
  sprintReviewPerPerson: boolean;
  /** Settings that were present but invalid, for the log. */
  problems: string[];
}

/** Reads one setting (relative to the "engineeringKpis" section); undefined when unset. */
export type SettingGetter = (key: string) => unknown;

/** KpiOptions keys as settings: `engineeringKpis.metrics.<key>`. */
export const OPTION_SETTING_PREFIX = 'metrics.';

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

export function readSettings(get: SettingGetter): ExtensionSettings {
  const problems: string[] = [];
  const kpi = get('statusBar.kpi');
  const statusBarKpi = (KPI_NAMES as unknown[]).includes(kpi) ? (kpi as KpiName) : 'cycleTime';
  const windowDays = presetDaysOr(get('windowDays'));
  const interval = get('refreshIntervalMinutes');
  const refreshIntervalMinutes = typeof interval === 'number' && interval >= 1 ? interval : 15;

  const layer: Partial<Record<keyof KpiOptions, unknown>> = {};
  for (const key of Object.keys(DEFAULT_OPTIONS) as Array<keyof KpiOptions>) {
    const v = get(OPTION_SETTING_PREFIX + key);
    if (v !== undefined && v !== null) layer[key] = v;
  }
  let options: KpiOptions;
  try {
    options = resolveOptions(layer);
  } catch (e) {
    // Option errors start with the key they are about: the log then names the whole setting.
    const message = (e as Error).message;
    const named = Object.keys(DEFAULT_OPTIONS).some((key) => message.startsWith(`${key} `));
    problems.push(`${SECTION}.${OPTION_SETTING_PREFIX}${named ? '' : '*: '}${message}; using defaults`);
    options = resolveOptions();
  }

  const boardId = get('jira.boardId');
  const deployment = get('jira.deployment');
  const apiUrl = str(get('github.apiUrl')) ?? 'https://api.github.com';
  const jiraUrl = str(get('jira.url'));
  // A refused URL is kept: the sync refuses it too, so the panel shows that source's error.
  for (const [url, role] of [[apiUrl, EDITOR_URL_ROLES.github], [jiraUrl, EDITOR_URL_ROLES.jira]] as const) {
    const checked = url === undefined ? undefined : checkCredentialUrl(url, role);
    if (checked && 'problem' in checked) problems.push(checked.problem);
  }
  return {
    statusBarKpi,
    windowDays,
    refreshIntervalMinutes,
    offline: get('offline') === true,
    github: {
      enabled: get('github.enabled') === true,
      repo: str(get('github.repo')),
      apiUrl,
    },
    jira: {
      url: jiraUrl,
      project: str(get('jira.project')),
      boardId: typeof boardId === 'number' && Number.isInteger(boardId) && boardId > 0 ? boardId : undefined,
      deployment: deployment === 'cloud' || deployment === 'server' ? deployment : undefined,
      email: str(get('jira.email')),
    },
    options,
    sprintReviewPerPerson: get('sprintReview.perPerson') === true,
    problems,
  };
}

/** github.com uses the 'github' auth provider; anything else is GitHub Enterprise Server. */
export function githubAuthProvider(apiUrl: string): 'github' | 'github-enterprise' {
  try {
    const host = new URL(apiUrl).hostname;
    return host === 'api.github.com' || host === 'github.com' ? 'github' : 'github-enterprise';
  } catch {
    return 'github';
  }
}

/** "host:port" of a URL the user typed, for messages; the text itself when it does not parse. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
