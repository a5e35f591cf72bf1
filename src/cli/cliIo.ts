import type { HttpLimits } from '../core/sources/http/httpLimits';
import { oneLine } from '../core/output/controlChars';

/** The CLI's world, injectable so tests run it in-process. */
export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown; isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  now: () => number;
  /** Tests turn the HTTP limits down; the CLI itself always uses the documented defaults. */
  httpLimits?: Partial<HttpLimits>;
}

/**
 * Every message and warning the CLI prints goes through here: errors and warnings quote servers,
 * repositories and config files, so each is made one line without control characters first.
 */
export function tell(io: CliIo, text: string): void {
  io.stderr.write(oneLine(text) + '\n');
}
