/** The thin vscode side of settings.ts: reads the configuration scoped to one repository folder. */
import * as vscode from 'vscode';
import { SECTION, readSettings, type ExtensionSettings } from './settings';

export function settingsFor(folder?: vscode.Uri): ExtensionSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION, folder);
  return readSettings((key) => cfg.get(key));
}

export function affectsUs(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration(SECTION);
}
