/**
 * Every command the extension registers, each id written once: the host's command table is keyed by
 * these, the panel may ask for some of them (protocol.ts), and package.json's contributes.commands and
 * activationEvents list the same ids (test/unit/extension/commandIds.test.ts checks).
 */
export const COMMANDS = {
  openPanel: 'engineeringKpis.openPanel',
  refresh: 'engineeringKpis.refresh',
  configureGitHub: 'engineeringKpis.configureGitHub',
  configureJira: 'engineeringKpis.configureJira',
  signOutJira: 'engineeringKpis.signOutJira',
  exportReport: 'engineeringKpis.exportReport',
  showLog: 'engineeringKpis.showLog',
  sprintReview: 'engineeringKpis.sprintReview',
  exportSprintReview: 'engineeringKpis.exportSprintReview',
  fetchPullRequestHeads: 'engineeringKpis.fetchPullRequestHeads',
  /** The drill-down's commit diff: run by the panel with its arguments, hidden from the palette. */
  showCommit: 'engineeringKpis.showCommit',
} as const;

export type CommandId = (typeof COMMANDS)[keyof typeof COMMANDS];

/** VS Code's own command that opens the workspace trust dialog (Restricted Mode's way out). */
export const MANAGE_TRUST = 'workbench.trust.manage';
