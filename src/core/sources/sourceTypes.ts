/** Progress as the core reports it; the CLI draws a bar, the extension a notification. */
export interface Progress {
  phase: 'git' | 'lines' | 'github' | 'jira' | 'metrics';
  message: string;
  /** 0..1 when known. */
  fraction?: number;
}

/** Supplies a token when needed. The extension backs it with auth sessions/SecretStorage, the CLI with env vars. */
export type TokenProvider = () => Promise<string | undefined>;
