import { runCli } from '../../src/cli';
import type { HttpLimits } from '../../src/core/sources/http/httpLimits';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output and a fixed clock. */
export async function runCliInProcess(args: string[], opts: { env?: NodeJS.ProcessEnv; now?: number; httpLimits?: Partial<HttpLimits> } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: opts.env ?? {},
    now: () => opts.now ?? Date.parse('2026-10-01T00:00:00Z'),
    httpLimits: opts.httpLimits,
  });
  return { code, stdout, stderr };
}
