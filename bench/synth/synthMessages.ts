/** People and commit subjects for the synthetic history, shaped like a busy product team's. */
import { Rng, cumulate } from './prng';
import type { Person } from './fastImport';
import { camel, sentence, word } from './synthContent';

const FIRST = ['Alice', 'Bob', 'Carla', 'Dmitri', 'Emma', 'Farid', 'Grace', 'Hiro', 'Inès', 'José', 'Kai', 'Lena',
  'Mateo', 'Nadia', 'Oskar', 'Priya', 'Quentin', 'Rosa', 'Sven', 'Tomás', 'Uma', 'Viktor', 'Wei', 'Yara', 'Zoë', 'Ólafur', 'Jürgen', 'Ana'];
const LAST = ['Smith', 'Müller', 'Nakamura', 'García', 'Øvergaard', 'Kowalski', 'Okafor', 'Dubois', 'Li', 'Novák', 'Singh',
  'Rossi', 'Andersson', 'Silva', 'Yılmaz', 'Kim'];
const ZONES = ['+0000', '+0100', '+0200', '-0500', '-0800', '+0530', '+0900', '-0300'];

const ascii = (s: string): string => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();

export interface Team {
  people: Person[];
  weights: number[];
  bot: Person;
  github: Person;
}

export function buildTeam(rng: Rng, size: number): Team {
  const people: Person[] = [];
  for (let i = 0; i < size; i++) {
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    people.push({ name: `${first} ${last}`, email: `${ascii(first)}.${ascii(last)}${i}@example.com`, tz: rng.pick(ZONES) });
  }
  // A few people write most of the commits, as in every team.
  const weights = cumulate(people.map((_, i) => 1 / Math.pow(i + 1, 0.8)));
  return {
    people,
    weights,
    bot: { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com', tz: '+0000' },
    github: { name: 'GitHub', email: 'noreply@github.com', tz: '+0000' },
  };
}

export function login(p: Person): string {
  return p.email.split('@')[0]?.replace(/\d+$/, '').replace('.', '-') ?? 'dev';
}

export function featureSubject(rng: Rng, module: string): string {
  const noun = `${word(rng)} ${word(rng)}`;
  return rng.pick([
    `feat(${module}): add ${noun}`,
    `feat: support ${noun} in ${module}`,
    `refactor(${module}): simplify ${noun}`,
    `Refactor ${noun} handling`,
    `chore: tidy ${module} ${word(rng)}`,
    `docs: explain ${noun}`,
    `test(${module}): cover ${noun}`,
    `perf(${module}): cache ${noun}`,
    `Add ${noun} to ${module}`,
    `Update ${noun}`,
    `refactor: rename prefix option in ${module}`,
    `Move ${camel(rng)} into ${module}`,
  ]);
}

export function fixSubject(rng: Rng, module: string): string {
  const noun = `${word(rng)} ${word(rng)}`;
  return rng.pick([
    `fix: handle empty ${noun}`,
    `fix(${module}): ${noun} off by one`,
    `fix!: reject invalid ${noun}`,
    `Fix crash in ${camel(rng)}`,
    `Fix ${noun} race in ${module}`,
    `hotfix ${noun} timeout`,
    `bugfix: ${noun} lost on retry`,
    `Fixes null ${word(rng)} in ${module}`,
    `${module}: fixed ${noun} rounding bug`,
  ]);
}

/** Most messages are a subject alone; some carry a body with the why. */
export function message(rng: Rng, subject: string): string {
  if (!rng.chance(0.3)) return `${subject}\n`;
  return `${subject}\n\n${sentence(rng)}.\n${rng.chance(0.3) ? `\nRefs: ${word(rng).toUpperCase()}-${rng.int(1, 4000)}\n` : ''}`;
}
