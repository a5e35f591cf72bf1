import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export interface Who {
  name: string;
  email: string;
}

export const ALICE: Who = { name: 'Alice Example', email: 'alice@example.com' };
export const BOB: Who = { name: 'Bob Example', email: 'bob@example.com' };

/**
 * A real git repository built with fixed author and committer dates, so expected KPI values can
 * be worked out by hand. Every git call ignores the user's global config.
 */
export class GitFixture {
  readonly dir: string;

  constructor(dir?: string) {
    this.dir = dir ?? mkdtempSync(path.join(tmpdir(), 'ekpi-repo-'));
    mkdirSync(this.dir, { recursive: true });
  }

  static init(branch = 'main'): GitFixture {
    const f = new GitFixture();
    f.git(['init', '-q', '-b', branch]);
    return f;
  }

  git(args: string[], opts: { date?: string; authorDate?: string; who?: Who; input?: string | Buffer } = {}): string {
    const who = opts.who ?? ALICE;
    const date = opts.date ?? '2026-01-01T00:00:00Z';
    return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'core.hooksPath=/dev/null', ...args], {
      cwd: this.dir,
      input: opts.input,
      env: {
        PATH: process.env.PATH,
        HOME: this.dir,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_AUTHOR_DATE: opts.authorDate ?? date,
        GIT_COMMITTER_DATE: date,
      },
      encoding: 'utf8',
      stdio: ['pipe', 'pipe', 'pipe'],
    }).trim();
  }

  write(files: Record<string, string | Buffer | null>): void {
    for (const [rel, content] of Object.entries(files)) {
      const abs = path.join(this.dir, rel);
      if (content === null) {
        rmSync(abs, { force: true });
        continue;
      }
      mkdirSync(path.dirname(abs), { recursive: true });
      writeFileSync(abs, content);
    }
  }

  /** Writes files, stages everything, commits; returns the new commit's hash. */
  commit(message: string, files: Record<string, string | Buffer | null>, opts: { date: string; authorDate?: string; who?: Who }): string {
    this.write(files);
    this.git(['add', '-A'], opts);
    this.git(['commit', '-q', '--allow-empty', '-m', message], opts);
    return this.head();
  }

  /** A true merge commit (--no-ff) of `branch` into the current branch. */
  merge(branches: string | string[], message: string, opts: { date: string; who?: Who }): string {
    this.git(['merge', '-q', '--no-ff', '-m', message, ...([] as string[]).concat(branches)], opts);
    return this.head();
  }

  checkout(ref: string, create = false): void {
    this.git(create ? ['checkout', '-q', '-b', ref] : ['checkout', '-q', ref]);
  }

  tag(name: string, opts: { annotated?: boolean; date?: string; ref?: string } = {}): void {
    if (opts.annotated) this.git(['tag', '-a', name, '-m', `release ${name}`, opts.ref ?? 'HEAD'], { date: opts.date });
    else this.git(['tag', name, opts.ref ?? 'HEAD']);
  }

  head(): string {
    return this.git(['rev-parse', 'HEAD']);
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function tempDir(prefix = 'ekpi-'): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}
