/** Typed keys in SecretStorage. The Jira token lives here and nowhere else (never settings, logs or the webview). */
import type * as vscode from 'vscode';

const JIRA_TOKEN = 'engineeringKpis.jira.token';

export class Secrets {
  constructor(private readonly storage: vscode.SecretStorage) {}

  jiraToken(): Promise<string | undefined> {
    return Promise.resolve(this.storage.get(JIRA_TOKEN));
  }

  setJiraToken(token: string): Promise<void> {
    return Promise.resolve(this.storage.store(JIRA_TOKEN, token));
  }

  deleteJiraToken(): Promise<void> {
    return Promise.resolve(this.storage.delete(JIRA_TOKEN));
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.storage.onDidChange((e) => {
      if (e.key === JIRA_TOKEN) listener();
    });
  }
}
