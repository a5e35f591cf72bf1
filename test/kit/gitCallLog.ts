import { execFileSync } from 'node:child_process';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { tempDir } from './gitFixture';

export interface GitCallLog {
  /** Each git call so far, as its arguments joined by spaces (after the safety -c flags). */
  calls(): string[];
  /** Puts PATH back as it was. */
  restore(): void;
}

/**
 * Puts a `git` first on PATH that logs each call's arguments, then runs the real git (POSIX
 * shells only), and with `envVar` that variable's value in git's environment. For a call whose
 * arguments contain `niceOf`, it logs "nice=<niceness>" instead,
 * once its stdin is in (the product sets a priority right after the spawn, before it writes stdin).
 */
export function logGitCalls(opts: { niceOf?: string; envVar?: string } = {}): GitCallLog {
  const dir = tempDir('ekpi-gitshim-');
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const log = path.join(dir, 'calls.log');
  const lines = ['#!/bin/sh', 'case "$*" in'];
  if (opts.niceOf) lines.push(`  *"${opts.niceOf}"*) input=$(cat); echo "nice=$(cut -d' ' -f19 /proc/$$/stat)" >> '${log}'; printf '%s\\n' "$input" | exec '${real}' "$@";;`);
  // With envVar, each line ends with " <NAME>=<value>" as git's environment has it.
  const env = opts.envVar ? ` ${opts.envVar}=$${opts.envVar}` : '';
  lines.push(`  *) echo "$*${env}" >> '${log}'; exec '${real}' "$@";;`, 'esac', '');
  writeFileSync(path.join(dir, 'git'), lines.join('\n'));
  chmodSync(path.join(dir, 'git'), 0o755);
  writeFileSync(log, '');
  const before = process.env.PATH;
  process.env.PATH = `${dir}${path.delimiter}${before ?? ''}`;
  return {
    calls: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).map((c) => c.replace(/^(-c \S+ )*--no-pager /, '')),
    restore: () => {
      process.env.PATH = before;
    },
  };
}
