/**
 * File contents for the synthetic repository. A file is a header, a list of snippet ids and a
 * footer; an edit inserts, deletes or replaces snippets. Every snippet is a complete top-level
 * construct, so any sequence stays syntactically valid: the report tokenizes TS/JS at HEAD and
 * must not choke on generated code.
 */
import { Rng } from './prng';

export type Lang = 'ts' | 'js' | 'go' | 'py' | 'java' | 'md' | 'json';
export type Kind = `${Lang}:${'src' | 'test'}`;

const WORDS = [
  'account', 'order', 'invoice', 'token', 'session', 'cache', 'queue', 'user', 'price', 'report',
  'event', 'batch', 'ledger', 'index', 'route', 'filter', 'payload', 'schema', 'window', 'metric',
  'client', 'stream', 'record', 'policy', 'quota', 'tenant', 'export', 'import', 'channel', 'digest',
  'buffer', 'retry', 'limit', 'cursor', 'shard', 'bucket', 'signal', 'worker', 'job', 'config',
];
const SENTENCES = [
  'keeps the retry budget per tenant so one noisy client cannot starve the rest',
  'the upstream API returns null here when the record was archived',
  'sorted once up front because callers iterate many times',
  'TODO: move this behind the feature flag once the rollout is done',
  'matches what the billing service expects; do not reorder',
  'guards against clock skew between the workers',
  'cheaper than a map lookup for the small sizes we see in practice',
  'see the incident review for why this check exists',
];

export function word(rng: Rng): string {
  return rng.pick(WORDS);
}
export function camel(rng: Rng): string {
  const a = word(rng);
  const b = word(rng);
  return a + b.charAt(0).toUpperCase() + b.slice(1);
}
const pascal = (rng: Rng): string => {
  const c = camel(rng);
  return c.charAt(0).toUpperCase() + c.slice(1);
};
export const sentence = (rng: Rng): string => rng.pick(SENTENCES);

/** One language's snippet maker: returns the snippet text, always ending in a newline. */
type Maker = (rng: Rng, id: number) => string;

function repeat(rng: Rng, lo: number, hi: number, line: (k: number) => string): string {
  let out = '';
  const n = rng.int(lo, hi);
  for (let k = 0; k < n; k++) out += line(k);
  return out;
}

const tsLike = (typed: boolean): Maker => (rng, id) => {
  const t = (s: string): string => (typed ? s : '');
  const name = `${camel(rng)}${id}`;
  const r = rng.next();
  if (r < 0.12) return '\n';
  if (r < 0.27) return `// ${sentence(rng)}\n`;
  if (r < 0.35) return `/**\n * ${sentence(rng)}\n * ${sentence(rng)}\n */\n`;
  if (r < 0.5) return `export const ${name}${t(': number')} = ${rng.int(1, 9999)};\n`;
  if (r < 0.58 && typed) {
    return `export interface ${pascal(rng)}${id} {\n${repeat(rng, 1, 6, (k) => `  ${word(rng)}${k}: ${rng.pick(['string', 'number', 'boolean'])};\n`)}}\n`;
  }
  if (r < 0.63) return `register('${name}', ${rng.int(1, 500)});\n`;
  const body = repeat(rng, 1, 10, (k) => rng.pick([
    `  const v${k} = a * ${rng.int(2, 9)} + ${k};\n`,
    `  if (a > ${rng.int(1, 99)}) {\n    return b.toUpperCase();\n  }\n`,
    `  // ${sentence(rng)}\n`,
    `  b = b.trim() + '${word(rng)}';\n`,
    `  for (let i${k} = 0; i${k} < a; i${k}++) {\n    b += String(i${k});\n  }\n`,
  ]));
  return `export function ${name}(a${t(': number')}, b${t(': string')})${t(': string')} {\n${body}  return \`\${b}-\${a}\`;\n}\n`;
};

const goMaker: Maker = (rng, id) => {
  const name = `${camel(rng)}${id}`;
  const r = rng.next();
  if (r < 0.12) return '\n';
  if (r < 0.3) return `// ${sentence(rng)}\n`;
  if (r < 0.45) return `var ${name} = ${rng.int(1, 9999)}\n`;
  if (r < 0.55) return `type ${pascal(rng)}${id} struct {\n${repeat(rng, 1, 6, (k) => `\t${pascal(rng)}${k} ${rng.pick(['string', 'int', 'bool'])}\n`)}}\n`;
  const body = repeat(rng, 1, 10, (k) => rng.pick([
    `\tv${k} := a * ${rng.int(2, 9)}\n\t_ = v${k}\n`,
    `\tif a > ${rng.int(1, 99)} {\n\t\treturn b\n\t}\n`,
    `\t// ${sentence(rng)}\n`,
  ]));
  return `func ${name}(a int, b string) string {\n${body}\treturn fmt.Sprintf("%s-%d", b, a)\n}\n`;
};

const pyMaker: Maker = (rng, id) => {
  const name = `${word(rng)}_${word(rng)}_${id}`;
  const r = rng.next();
  if (r < 0.12) return '\n';
  if (r < 0.3) return `# ${sentence(rng)}\n`;
  if (r < 0.45) return `${name.toUpperCase()} = ${rng.int(1, 9999)}\n`;
  const body = repeat(rng, 1, 10, (k) => rng.pick([
    `    v${k} = a * ${rng.int(2, 9)}\n`,
    `    if a > ${rng.int(1, 99)}:\n        return b\n`,
    `    # ${sentence(rng)}\n`,
  ]));
  return `def ${name}(a, b):\n    """${sentence(rng)}."""\n${body}    return f"{b}-{a}"\n`;
};

const javaMaker: Maker = (rng, id) => {
  const name = `${camel(rng)}${id}`;
  const r = rng.next();
  if (r < 0.12) return '\n';
  if (r < 0.3) return `  // ${sentence(rng)}\n`;
  if (r < 0.45) return `  private static final int ${name.toUpperCase()} = ${rng.int(1, 9999)};\n`;
  const body = repeat(rng, 1, 10, (k) => rng.pick([
    `    int v${k} = a * ${rng.int(2, 9)};\n`,
    `    if (a > ${rng.int(1, 99)}) {\n      return b;\n    }\n`,
    `    // ${sentence(rng)}\n`,
  ]));
  return `  public String ${name}(int a, String b) {\n${body}    return b + a;\n  }\n`;
};

const testMakers: Partial<Record<Lang, Maker>> = {
  ts: (rng, id) => `describe('${camel(rng)}${id}', () => {\n${repeat(rng, 1, 4, () => `  it('${sentence(rng)}', () => {\n    assert.equal(${camel(rng)}(${rng.int(1, 9)}, 'a'), 'a-${rng.int(1, 9)}');\n  });\n`)}});\n`,
  js: (rng, id) => `test('${camel(rng)}${id}', () => {\n  expect(${camel(rng)}(${rng.int(1, 9)}, 'a')).toBe('a-1');\n});\n`,
  go: (rng, id) => `func Test${pascal(rng)}${id}(t *testing.T) {\n\tif got := ${camel(rng)}(1, "a"); got != "a-1" {\n\t\tt.Fatalf("got %s", got)\n\t}\n}\n`,
  py: (rng, id) => `def test_${word(rng)}_${id}():\n    assert ${word(rng)}_${word(rng)}(1, "a") == "a-1"\n`,
  java: (rng, id) => `  @Test\n  public void ${camel(rng)}${id}() {\n    assertEquals("a-1", subject.${camel(rng)}(1, "a"));\n  }\n`,
};

const srcMakers: Record<Lang, Maker> = {
  ts: tsLike(true),
  js: tsLike(false),
  go: goMaker,
  py: pyMaker,
  java: javaMaker,
  md: (rng, id) => (rng.chance(0.2) ? `## ${camel(rng)} ${id}\n\n` : `${sentence(rng)}, ${sentence(rng)}.\n\n`),
  json: (rng, id) => `  "${camel(rng)}${id}": ${rng.chance(0.5) ? rng.int(0, 9999) : `"${word(rng)}"`},\n`,
};

export interface Snippet {
  bytes: Buffer;
  lines: number;
}

const POOL_SIZE = 1024;

/** Fixed pools of snippets per kind, built once from their own seed. */
export class SnippetPools {
  private readonly pools = new Map<Kind, Snippet[]>();

  pool(kind: Kind): Snippet[] {
    let pool = this.pools.get(kind);
    if (!pool) {
      const [lang, role] = kind.split(':') as [Lang, 'src' | 'test'];
      const maker = (role === 'test' ? testMakers[lang] : undefined) ?? srcMakers[lang];
      const rng = new Rng(hash(kind));
      pool = [];
      for (let i = 0; i < POOL_SIZE; i++) {
        const text = maker(rng, i);
        pool.push({ bytes: Buffer.from(text), lines: countLines(text) });
      }
      this.pools.set(kind, pool);
    }
    return pool;
  }
}

/** Header and footer that make a file of this kind well-formed around its snippets. */
export function frame(kind: Kind, path: string): { head: string; foot: string } {
  const base = path.slice(path.lastIndexOf('/') + 1).replace(/\..*$/, '');
  const dir = path.split('/')[1] ?? 'app';
  switch (kind) {
    case 'ts:src': case 'js:src':
      return { head: `import { register } from '../../registry';\n\n`, foot: '' };
    case 'ts:test': case 'js:test':
      return { head: `import assert from 'node:assert';\nimport * as subject from './${base.replace(/\.test$/, '')}';\n\n`, foot: '' };
    case 'go:src': case 'go:test':
      return { head: `package ${dir}\n\nimport "fmt"\n\n`, foot: '' };
    case 'py:src': case 'py:test':
      return { head: `"""${base} module."""\nimport os\n\n`, foot: '' };
    case 'java:src': case 'java:test':
      return { head: `package com.acme.${dir};\n\npublic class ${base} {\n`, foot: '}\n' };
    case 'json:src': case 'json:test':
      return { head: '{\n', foot: '  "version": 1\n}\n' };
    default:
      return { head: `# ${base}\n\n`, foot: '' };
  }
}

export function countLines(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}
