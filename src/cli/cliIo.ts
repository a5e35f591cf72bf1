import type { HttpLimits } from '../core/sources/http/httpLimits';

/** The CLI's world, injectable so tests run it in-process. */
export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  now: () => number;
  /** Tests turn the HTTP limits down; the CLI itself always uses the documented defaults. */
  httpLimits?: Partial<HttpLimits>;
}
