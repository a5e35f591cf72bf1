#!/usr/bin/env node
// Builds the e2e fixture repository: a small history with known dates, so every KPI the tests check
// is worked out by hand (test/e2e/expected.mjs). Dates are fixed offsets before an anchor T (the build
// time rounded down to the hour), because the panel's windows end "now".
// Usage: node makeFixture.mjs <dir> [--age-days N] [--squash]   (prints the anchor T in epoch seconds)
//   --age-days N: the same history N days older (a stale repository: no commit in the last 90 days)
//   --squash: instead, a history of GitHub-style squash merges only, whose author and committer
//             dates are the same instant (spec §1 v2: no known start, so no cycle time)
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [dir, ...flags] = process.argv.slice(2);
if (!dir) throw new Error('usage: makeFixture.mjs <dir> [--age-days N] [--squash]');
const H = 3600;
const D = 86400;
const ageAt = flags.indexOf('--age-days');
const AGE_DAYS = ageAt >= 0 ? Number(flags[ageAt + 1]) : 0;
if (!Number.isInteger(AGE_DAYS) || AGE_DAYS < 0) throw new Error('--age-days takes a whole number of days');
const SQUASH = flags.includes('--squash');
const T = Math.floor(Date.now() / 1000 / H) * H - AGE_DAYS * D;

// Subjects and an author name that would run script if any of them were rendered as HTML.
export const XSS_SUBJECT_IMG = `fix(app): <img src=x onerror="document.title='pwned-img'"> guard`;
export const XSS_SUBJECT_SCRIPT = `feat: </script><script>document.title='pwned-script'</script> banner`;
// git removes '<' and '>' from identities, so the author name carries HTML entities and quotes instead:
// rendered as HTML they would decode to a <script> tag; rendered as text they stay literal.
export const XSS_AUTHOR = `Mallory &lt;script&gt;document.title='pwned-author'&lt;/script&gt; "O'Brien" Jr`;

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const env0 = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' };
function git(args, at, author = 'Dev One', authorAt = at) {
  return execFileSync('git', args, {
    cwd: dir,
    env: {
      ...env0,
      GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: 'dev@example.com', GIT_AUTHOR_DATE: `@${authorAt} +0000`,
      GIT_COMMITTER_NAME: 'Dev One', GIT_COMMITTER_EMAIL: 'dev@example.com', GIT_COMMITTER_DATE: `@${at} +0000`,
    },
    encoding: 'utf8',
  });
}
function write(path, text) {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
}
/** n lines of code, each one a token line; `bump` changes line k so a commit touches the file. */
function code(prefix, n, bump = {}) {
  return Array.from({ length: n }, (_, i) => `export const ${prefix}${i} = ${bump[i] ?? i};`).join('\n') + '\n';
}
function commit(subject, at, { author, authorAt } = {}) {
  git(['add', '-A'], at);
  git(['commit', '-q', '-m', subject], at, author, authorAt ?? at);
}
function merge(branch, at) {
  git(['checkout', '-q', 'main'], at);
  git(['merge', '-q', '--no-ff', '-m', `Merge branch '${branch}'`, branch], at);
}

git(['init', '-q', '-b', 'main'], T);
if (SQUASH) {
  // Six squash merges at T-80d, T-65d, … T-5d, each authored and committed at the same second, as
  // GitHub stamps them; the last one fixes a bug.
  write('src/app/main.ts', code('m', 100));
  commit('chore: initial commit', T - 120 * D);
  for (let i = 0; i < 6; i++) {
    write('src/app/main.ts', code('m', 100, { [i]: 3000 + i }));
    commit(`${i === 5 ? 'fix' : 'feat'}: squashed change ${i + 1} (#${10 + i})`, T - (80 - 15 * i) * D);
  }
  process.stdout.write(`${T}\n`);
  process.exit(0);
}
// 1. initial commit: src/app/main.ts = 100 code lines (final size), README is not source.
write('README.md', '# fixture\n');
write('src/app/main.ts', code('m', 100));
commit('chore: initial commit', T - 200 * D);

// 2. feature-a: cycle time 60 h, merged T-148d; release v0.1.0 on its merge.
git(['checkout', '-q', '-b', 'feature-a'], T);
write('src/lib/util.ts', code('u', 150));
commit('feat: add util', T - 148 * D - 60 * H);
merge('feature-a', T - 148 * D);
git(['tag', 'v0.1.0'], T);

// 3. feature-b: 40 h, merged T-62d.
git(['checkout', '-q', '-b', 'feature-b'], T);
write('src/lib/util.ts', code('u', 150, { 1: 1001 }));
commit('feat: tune util', T - 62 * D - 40 * H);
merge('feature-b', T - 62 * D);

// 4. feature-f: a bug fix without a test, then a test; 50 h, merged T-45d.
git(['checkout', '-q', '-b', 'feature-f'], T);
write('src/lib/util.ts', code('u', 150, { 1: 1001, 2: 1002 }));
commit('fix: null check in util', T - 45 * D - 50 * H);
write('test/util.test.ts', 'export const t = 1;\n');
commit('test: cover util', T - 45 * D - 30 * H);
merge('feature-f', T - 45 * D);

// 5. feature-c: a bug fix with a test, hostile subject and author; 10 h, merged T-10d.
git(['checkout', '-q', '-b', 'feature-c'], T);
write('src/app/main.ts', code('m', 100, { 1: 2001 }));
write('test/app.test.ts', 'export const a = 1;\n');
commit(XSS_SUBJECT_IMG, T - 10 * D - 10 * H, { author: XSS_AUTHOR });
merge('feature-c', T - 10 * D);

// 6. feature-d: hostile subject; 30 h, merged T-5d; release v1.0.0 on its merge.
git(['checkout', '-q', '-b', 'feature-d'], T);
write('src/app/main.ts', code('m', 100, { 1: 2001, 2: 2002 }));
commit(XSS_SUBJECT_SCRIPT, T - 5 * D - 30 * H);
merge('feature-d', T - 5 * D);
git(['tag', 'v1.0.0'], T);

// 7. a squash-merged change straight on main: authored T-3d-20h, committed T-3d: 20 h.
write('src/lib/util.ts', code('u', 150, { 1: 1001, 2: 1002, 3: 1003 }));
commit('feat: squash change (#7)', T - 3 * D, { authorAt: T - 3 * D - 20 * H });

// Keep the tree quiet for the editor: no stray branches to confuse the default-branch guess.
for (const b of ['feature-a', 'feature-b', 'feature-f', 'feature-c', 'feature-d']) git(['branch', '-q', '-D', b], T);
process.stdout.write(`${T}\n`);
