import type { UrlRole } from '../http/credentialUrl';
import type { TokenProvider } from '../sourceTypes';

/** Where Jira is and as whom, as a host configures it (PipelineInput.jira). */
export interface JiraConfig {
  url: string;
  project?: string;
  boardId?: number;
  /** 'cloud' | 'server', or undefined to detect through /rest/api/2/serverInfo. */
  deployment?: 'cloud' | 'server';
  /** Cloud: email + API token (Basic). Server/DC: personal access token (Bearer). */
  email?: string;
  /** How the user names url and the credentials, for messages; default the CLI's flag and env vars. */
  urlRole?: UrlRole;
  token: TokenProvider;
}

/** What syncJira is given: the connection, and the one KPI option that decides what it stores. */
export interface JiraSyncConfig extends JiraConfig {
  /** The storyPointsField option: a Jira field id; empty or absent = discover the field by name. */
  storyPointsField?: string;
}
