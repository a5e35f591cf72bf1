/** A run's phases in the order they finish (the CLI's bar moves through them). */
export const PROGRESS_PHASES = ['git', 'lines', 'github', 'jira', 'metrics'] as const;

/** Progress as the core reports it; the CLI draws a bar, the extension a notification. */
export interface Progress {
  phase: (typeof PROGRESS_PHASES)[number];
  message: string;
  /** 0..1 when known. */
  fraction?: number;
}

/** Supplies a token when needed. The extension backs it with auth sessions/SecretStorage, the CLI with env vars. */
export type TokenProvider = () => Promise<string | undefined>;
