/**
 * The synthetic repository's file tree: which files exist, where, in which language, how large
 * they grow and how often they change. Files are listed in birth order; the generator adds them
 * over the history so the tree grows the way a real project's does.
 */
import { Rng, cumulate } from './prng';
import type { Kind, Lang } from './synthContent';
import { word } from './synthContent';

export interface FileSpec {
  id: number;
  path: string;
  kind: Kind;
  module: string;
  /** Size the file drifts towards, in lines. */
  targetLines: number;
  /** Relative change frequency; hot files attract most commits, as in any real repository. */
  heat: number;
}

const MODULES = [
  'auth', 'billing', 'core', 'api', 'ui', 'storage', 'search', 'notify', 'reports',
  'admin', 'sync', 'cache', 'metrics', 'payments', 'config', 'jobs', 'gateway', 'ledger',
];
const SUBS = ['handlers', 'models', 'services', 'utils', 'views', 'adapters', 'internal', 'store', 'client'];
const LANGS: Lang[] = ['ts', 'js', 'go', 'py', 'java'];
const LANG_WEIGHTS = cumulate([0.55, 0.1, 0.15, 0.12, 0.08]);
const DOC_TOPICS = ['architecture', 'deploy', 'api', 'onboarding', 'security', 'runbook', 'glossary', 'testing', 'release', 'monitoring'];

function targetLines(rng: Rng, kind: Kind): number {
  if (kind.startsWith('md') || kind.startsWith('json')) return Math.round(Math.min(400, Math.max(6, rng.logNormal(40, 0.8))));
  // A few thousand-line files, the rest log-normal: mostly 20-400 lines.
  if (rng.chance(0.006)) return rng.int(1000, 3500);
  return Math.round(Math.min(900, Math.max(8, rng.logNormal(85, 0.85))));
}

function fileName(rng: Rng, lang: Lang, test: boolean): string {
  const a = word(rng);
  const b = word(rng);
  const camel = a + b.charAt(0).toUpperCase() + b.slice(1);
  switch (lang) {
    case 'go': return test ? `${a}_${b}_test.go` : `${a}_${b}.go`;
    case 'py': return test ? `test_${a}_${b}.py` : `${a}_${b}.py`;
    case 'java': {
      const p = camel.charAt(0).toUpperCase() + camel.slice(1);
      return test ? `${p}Test.java` : `${p}.java`;
    }
    default: return test ? `${camel}.test.${lang}` : `${camel}.${lang}`;
  }
}

/** Builds `count` files in birth order; the first few are the project's root files. */
export function buildTree(seed: number, count: number): FileSpec[] {
  const rng = new Rng(seed);
  const used = new Set<string>();
  const specs: FileSpec[] = [];
  const add = (path: string, kind: Kind, module: string): void => {
    let p = path;
    for (let n = 2; used.has(p); n++) p = path.replace(/(\.[^./]+)+$/, (ext) => `${n}${ext}`);
    used.add(p);
    const hot = rng.next();
    const heat = hot < 0.05 ? 20 : hot < 0.3 ? 4 : 1;
    specs.push({ id: specs.length, path: p, kind, module, targetLines: targetLines(rng, kind), heat: kind.startsWith('json') || kind.startsWith('md') ? 1 : kind.endsWith(':test') ? Math.max(1, heat / 4) : heat });
  };

  add('package.json', 'json:src', 'root');
  add('README.md', 'md:src', 'root');
  add('tsconfig.json', 'json:src', 'root');
  add('CHANGELOG.md', 'md:src', 'root');

  const moduleLang = new Map<string, Lang>(MODULES.map((m) => [m, LANGS[rng.weighted(LANG_WEIGHTS)] ?? 'ts']));
  const moduleSubs = new Map<string, string[]>(MODULES.map((m) => [m, SUBS.filter(() => rng.chance(0.55)).concat('common')]));
  const moduleWeights = cumulate(MODULES.map(() => rng.logNormal(1, 0.6)));

  const rest: Array<() => void> = [];
  const docs = 55;
  const jsons = 115;
  for (let i = 0; i < docs; i++) {
    rest.push(() => {
      if (rng.chance(0.5)) add(`docs/${rng.pick(DOC_TOPICS)}-${word(rng)}.md`, 'md:src', 'docs');
      else { const m = rng.pick(MODULES); add(`src/${m}/README.md`, 'md:src', m); }
    });
  }
  for (let i = 0; i < jsons; i++) {
    rest.push(() => {
      const m = rng.pick(MODULES);
      if (rng.chance(0.7)) add(`test/fixtures/${m}/${word(rng)}-${word(rng)}.json`, 'json:test', m);
      else add(`config/${m}.${word(rng)}.json`, 'json:src', m);
    });
  }
  const code = count - specs.length - docs - jsons;
  for (let i = 0; i < code; i++) {
    rest.push(() => {
      const m = MODULES[rng.weighted(moduleWeights)] ?? 'core';
      // A module mostly speaks its own language, with the odd script in another.
      const lang = rng.chance(0.9) ? moduleLang.get(m) ?? 'ts' : LANGS[rng.weighted(LANG_WEIGHTS)] ?? 'ts';
      const sub = rng.pick(moduleSubs.get(m) ?? ['common']);
      const test = rng.chance(0.27);
      const name = fileName(rng, lang, test);
      const colocated = lang === 'ts' && rng.chance(0.6);
      const path = test && !colocated ? `test/${m}/${name}` : `src/${m}/${sub}/${name}`;
      add(path, `${lang}:${test ? 'test' : 'src'}`, m);
    });
  }
  // Shuffle the birth order so docs, config and code appear throughout the history.
  for (let i = rest.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    const t = rest[i];
    rest[i] = rest[j] as () => void;
    rest[j] = t as () => void;
  }
  for (const make of rest) make();
  return specs;
}
