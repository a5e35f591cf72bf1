import type { UrlRole } from '../http/credentialUrl';
import type { TokenProvider } from '../sourceTypes';

/** Where GitHub is and as whom, as a host configures it (PipelineInput.github). */
export interface GitHubConfig {
  /** owner/name; when absent it is derived from the origin remote. */
  repo?: string;
  /** Empty: api.github.com, and only for an origin on github.com. Any other host only when named here. */
  apiUrl: string;
  /** How the user names apiUrl and the token, for messages; default the CLI's flag and env var. */
  apiUrlRole?: UrlRole;
  token: TokenProvider;
}
