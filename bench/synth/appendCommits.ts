/**
 * Appends commits to an existing benchmark repository, for the incremental run: direct commits,
 * squash merges, fixes and a few feature branches merged with true merge commits, dated after
 * the current tip. Edits append a snippet at the end of a file, which keeps any file valid.
 */
import { execFileSync } from 'node:child_process';
import { Rng } from './prng';
import { FastImport, ident, type Person } from './fastImport';
import { SnippetPools, hash, type Kind, type Lang } from './synthContent';
import { featureSubject, fixSubject, message } from './synthMessages';
import { git } from './generateRepo';

const EXT: Record<string, Lang> = { ts: 'ts', js: 'js', go: 'go', py: 'py', java: 'java' };

function kindOf(path: string): Kind | undefined {
  const lang = EXT[path.slice(path.lastIndexOf('.') + 1)];
  if (!lang) return undefined;
  const test = /(^|\/)test\/|\.test\.|_test\.go$|\/test_[^/]*\.py$|Test\.java$/.test(path);
  return `${lang}:${test ? 'test' : 'src'}`;
}

export async function appendCommits(repo: string, n: number, seed = 1): Promise<void> {
  const tip = git(repo, ['rev-parse', 'main']).trim();
  const rng = new Rng(hash(tip) ^ seed);
  const pools = new SnippetPools();
  let t = Number(git(repo, ['log', '-1', '--format=%ct', 'main']).trim());
  const paths = git(repo, ['ls-tree', '-r', '--name-only', 'main']).split('\n').filter((p) => kindOf(p) !== undefined);
  const contents = new Map<string, string>();
  const latest = new Map<string, number>();
  const people: Person[] = [0, 1, 2, 3, 4].map((i) => ({ name: `Late Contributor ${i}`, email: `late${i}@example.com`, tz: '+0100' }));

  const out = new FastImport(repo);
  let made = 0;
  let mainFrom = 'refs/heads/main^0';
  let pr = 90_000;
  let lastTouched: string[] = [];

  const edit = (): string => {
    const path = rng.pick(paths);
    const kind = kindOf(path) ?? 'ts:src';
    const old = contents.get(path) ?? execFileSync('git', ['-C', repo, 'cat-file', '-p', `main:${path}`], { encoding: 'utf8', maxBuffer: 1 << 26 });
    const snippet = rng.pick(pools.pool(kind)).bytes.toString('utf8');
    // Java's members live inside the class: add before its closing brace.
    const next = kind.startsWith('java') ? old.replace(/}\n?$/, `${snippet}}\n`) : old + snippet;
    contents.set(path, next);
    latest.set(path, out.blob(Buffer.from(next)));
    return path;
  };
  const commit = (ref: string, from: string | undefined, subject: string, files: number | Set<string>, merge?: number): number => {
    t += rng.int(300, 3600);
    const who = rng.pick(people);
    // A merge re-lists the branch's files at their latest content; other commits edit new ones.
    const touched = typeof files === 'number' ? Array.from({ length: files }, () => edit()) : [...files];
    const lines = touched.map((p) => `M 100644 :${latest.get(p) ?? 0} ${p}\n`);
    if (typeof files === 'number') lastTouched = touched;
    const mark = out.mark();
    out.write(`commit ${ref}\nmark :${mark}\nauthor ${ident(who, t - rng.int(0, 3600))}\ncommitter ${ident(who, t)}\n`);
    out.data(message(rng, subject));
    if (from) out.write(`from ${from}\n`);
    if (merge !== undefined) out.write(`merge :${merge}\n`);
    out.write(lines.join('') + '\n');
    made++;
    return mark;
  };

  while (made < n) {
    const module = rng.pick(['auth', 'billing', 'core', 'api']);
    if (n - made >= 3 && rng.chance(0.15)) {
      // A short feature branch off main, then a true merge.
      const branchFiles = new Set<string>();
      commit('refs/heads/topic/late', mainFrom, featureSubject(rng, module), rng.int(1, 3));
      lastTouched.forEach((p) => branchFiles.add(p));
      const second = commit('refs/heads/topic/late', undefined, fixSubject(rng, module), rng.int(1, 2));
      lastTouched.forEach((p) => branchFiles.add(p));
      mainFrom = `:${commit('refs/heads/main', mainFrom, `Merge pull request #${pr++} from late/${module}`, branchFiles, second)}`;
      continue;
    }
    const fix = rng.chance(0.15);
    const subject = fix ? fixSubject(rng, module) : featureSubject(rng, module);
    const squash = rng.chance(0.3);
    mainFrom = `:${commit('refs/heads/main', mainFrom, squash ? `${subject} (#${pr++})` : subject, 1 + Math.floor(rng.exp(1.2)))}`;
  }
  await out.finish();
  // The checkout follows, as it would after a pull.
  git(repo, ['checkout', '-f', '-q', 'main']);
}
