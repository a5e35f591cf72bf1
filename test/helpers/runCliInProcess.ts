import { runCli } from '../../src/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output and a fixed clock. */
export async function runCliInProcess(args: string[], opts: { env?: NodeJS.ProcessEnv; now?: number } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: false },
    env: opts.env ?? {},
    now: () => opts.now ?? Date.parse('2026-10-01T00:00:00Z'),
  });
  return { code, stdout, stderr };
}
