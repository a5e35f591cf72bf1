/**
 * The vscode side of settings.ts, and the only file that reads or writes the editor's configuration:
 * the settings scoped to one repository folder, and what the setup commands save.
 */
import * as vscode from 'vscode';
import { SECTION, readSettings, type ExtensionSettings } from './settings';

export function settingsFor(folder?: vscode.Uri): ExtensionSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION, folder);
  return readSettings((key) => cfg.get(key));
}

export function affectsUs(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}

/** Configure GitHub signed the user in: GitHub is then on in every workspace (a person's choice, not the repository's). */
export async function enableGitHub(): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('github.enabled', true, vscode.ConfigurationTarget.Global);
}

/**
 * Configure Jira's settings: the values it starts from (as they were when it started) and where its
 * answers go. The site, deployment, project and board go to the workspace (a team shares them; the
 * user's settings when no folder is open); the e-mail to the user's settings only.
 */
export class JiraSetupSettings {
  private readonly cfg = vscode.workspace.getConfiguration(SECTION);
  private readonly shared = vscode.workspace.workspaceFolders?.length ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;

  get url(): string {
    return this.cfg.get<string>('jira.url') ?? '';
  }

  get deployment(): string | undefined {
    return this.cfg.get<string>('jira.deployment');
  }

  /** The user's own e-mail setting (a workspace value is not offered: it is removed on save). */
  get email(): string {
    return this.cfg.inspect<string>('jira.email')?.globalValue ?? '';
  }

  get project(): string {
    return this.cfg.get<string>('jira.project') ?? '';
  }

  get boardId(): number | undefined {
    return this.cfg.get<number | null>('jira.boardId') ?? undefined;
  }

  /** `deployment`: Cloud or Server as the site said; undefined (auto) when it could not be asked, never a stale guess. */
  async saveSite(site: string, deployment: 'cloud' | 'server' | undefined, email: string): Promise<void> {
    await this.cfg.update('jira.url', site, this.shared);
    await this.cfg.update('jira.deployment', deployment, this.shared);
    await this.cfg.update('jira.email', email || undefined, vscode.ConfigurationTarget.Global);
    // A workspace value would override the user's (and sit in a file that gets committed): the
    // e-mail used to be written there, and is removed from there when found.
    if (this.cfg.inspect('jira.email')?.workspaceValue !== undefined) await this.cfg.update('jira.email', undefined, vscode.ConfigurationTarget.Workspace);
  }

  async saveProject(key: string, boardId: number | undefined): Promise<void> {
    await this.cfg.update('jira.project', key, this.shared);
    await this.cfg.update('jira.boardId', boardId, this.shared);
  }
}
