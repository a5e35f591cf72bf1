/**
 * Lines per second of the product's line counter, per language, on the files of a checkout,
 * beside the counter it replaced and beside cloc (Debian's `cloc`) on the same files, all in CPU
 * time (user + system), which load on the machine inflates far less than wall time.
 *
 *   ours   src/core/sources/kloc/codeLines.ts over texts already in memory (the counter alone:
 *          no git, no disk), best of `runs` after a warm-up pass
 *   old    the counter before the lexer: TypeScript's scanner for .ts/.js, typescript-estree for
 *          JSX (the comment scanner for other languages is unchanged, so it is not timed twice)
 *   cloc   one process over the same files (start-up, reading and counting), as a user runs it;
 *          its CPU time from GNU time, its wall time where /usr/bin/time is missing
 *
 * Lines per second are physical lines over those seconds.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codeLines, type TsCounters } from '../../src/core/sources/kloc/codeLines';
import { countCodeLines } from '../../src/core/sources/kloc/commentScanner';
import { languageOf, type LanguageInfo } from '../../src/core/sources/kloc/languages';
import * as scanner from '../../src/core/sources/kloc/tsScannerLines';
import * as estree from '../../src/core/sources/kloc/tsTokenLines';
import { GNU_TIME } from '../harness/reportRuns';
import { printRows, type Bar } from '../harness/table';
import { describeEquality, linesEquality, type LinesEquality } from './linesEquality';

export interface LanguageSpeed {
  language: string;
  files: number;
  lines: number;
  /** Code lines as the product counts them. */
  ourCode: number;
  /** CPU seconds. */
  ourSeconds: number;
  /** CPU seconds of the counter before the lexer; undefined where that counter is the same one. */
  oldSeconds?: number;
  /** Undefined when cloc is not installed. */
  clocCode?: number;
  clocSeconds?: number;
  /** Whether clocSeconds is CPU time (GNU time) or, without it, wall time. */
  clocCpu?: boolean;
}

/** Both TypeScript-based counters, loaded: the product then never has to defer a text. */
const LOADED: TsCounters = { scanner, estree };

const countOurs = (f: CheckoutFile): number => codeLines(f.text, f.path, f.language, LOADED)!;

/** The counter the lexer replaced (blobLines.ts before it): the scanner for .ts/.js, typescript-estree for JSX. */
export function countOld(f: CheckoutFile): number {
  if (f.language.comments === 'ts') return estree.tsTokenLines(f.text, f.path) ?? countCodeLines(f.text, 'c');
  return countCodeLines(f.text, f.language.comments);
}

export const clocInstalled = (): boolean => spawnSync('cloc', ['--version'], { stdio: 'ignore' }).status === 0;

export interface CheckoutFile {
  path: string;
  text: string;
  language: LanguageInfo;
}

/** The checkout's files of programming languages, by language, most files first. */
export function filesByLanguage(checkout: string): Array<[string, CheckoutFile[]]> {
  const paths = execFileSync('git', ['-C', checkout, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\0').filter(Boolean);
  const byLanguage = new Map<string, CheckoutFile[]>();
  for (const path of paths) {
    const language = languageOf(path);
    if (!language?.programming) continue;
    const list = byLanguage.get(language.name) ?? [];
    list.push({ path, text: readFileSync(join(checkout, path), 'utf8'), language });
    byLanguage.set(language.name, list);
  }
  return [...byLanguage].sort((a, b) => b[1].length - a[1].length);
}

const cpuSeconds = (since: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
};

/** Best CPU time of `runs` passes of `count` over the files, after one warm-up pass. */
function bestCpu(files: CheckoutFile[], count: (f: CheckoutFile) => number, runs: number): number {
  for (const f of files) count(f);
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = process.cpuUsage();
    for (const f of files) count(f);
    best = Math.min(best, cpuSeconds(started));
  }
  return best;
}

export function languageSpeeds(checkout: string, byLanguage: Array<[string, CheckoutFile[]]>, runs: number): LanguageSpeed[] {
  const haveCloc = clocInstalled();
  const rows: LanguageSpeed[] = [];
  for (const [name, files] of byLanguage) {
    let ourCode = 0;
    for (const f of files) ourCode += countOurs(f);
    const lines = files.reduce((n, f) => n + f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0), 0);
    const row: LanguageSpeed = { language: name, files: files.length, lines, ourCode, ourSeconds: bestCpu(files, countOurs, runs) };
    if (files.some((f) => f.language.comments === 'ts')) row.oldSeconds = bestCpu(files, countOld, runs);
    if (haveCloc) Object.assign(row, cloc(checkout, files.map((f) => f.path)));
    rows.push(row);
  }
  return rows;
}

export interface LineCounterBench {
  lines: LanguageSpeed[];
  /** On the realistic JS repository only (typescript-estree parses every file: ~20 s of CPU). */
  equality?: LinesEquality;
}

/** Lines per second per language at HEAD of a checkout, and with `checkExactness` the equality check. */
export function lineCounterBench(checkout: string, runs: number, checkExactness: boolean): LineCounterBench {
  const byLanguage = filesByLanguage(checkout);
  const lines = languageSpeeds(checkout, byLanguage, runs);
  return checkExactness ? { lines, equality: linesEquality(byLanguage.flatMap(([, files]) => files)) } : { lines };
}

const TS_LANGUAGES = new Set(['JavaScript', 'TypeScript', 'JSX', 'TSX']);

/** Issue 14: the TS/JS counter at least 3× faster than the old one, i.e. CPU time ≤ 1/3 of its. */
export function lineCounterBar(name: string, lines: LanguageSpeed[]): Bar {
  const ts = lines.filter((l) => TS_LANGUAGES.has(l.language) && l.oldSeconds !== undefined);
  const ours = ts.reduce((s, l) => s + l.ourSeconds, 0);
  const old = ts.reduce((s, l) => s + (l.oldSeconds ?? 0), 0);
  return { name: `${name}: TS/JS line counter CPU / old counter's`, value: old > 0 ? ours / old : undefined, limit: 1 / 3, unit: '×' };
}

const rate = (lines: number, seconds: number): string => `${(lines / seconds / 1000).toFixed(0)}k lines/s`;

export function printLineCounter(name: string, { lines, equality }: LineCounterBench): void {
  const ts = lines.filter((l) => TS_LANGUAGES.has(l.language));
  const rows = [...lines, ...(ts.length > 1 ? [sumRows('JavaScript + TypeScript', ts)] : [])];
  const cpu = rows.every((l) => l.clocCpu !== false) ? 'CPU time' : 'CPU time, cloc wall time (no /usr/bin/time)';
  printRows(`Lines at HEAD per language, ${name}: our counter, the old one, cloc (${cpu})${clocInstalled() ? '' : ' (cloc not installed: apt-get install -y cloc; its column skipped)'}`, rows.map((l) => ({
    name: `${l.language} (${l.files} files, ${l.lines} lines)`,
    value: `ours ${rate(l.lines, l.ourSeconds)} (${l.ourCode} code lines)` +
      (l.oldSeconds === undefined ? '' : `; old ${rate(l.lines, l.oldSeconds)}, ours ${(l.oldSeconds / l.ourSeconds).toFixed(1)}× faster`) +
      (l.clocSeconds === undefined ? '' : `; cloc ${rate(l.lines, l.clocSeconds)} (${l.clocCode ?? 0} code lines), ours ${(l.clocSeconds / l.ourSeconds).toFixed(1)}× cloc's speed`),
  })));
  if (equality) console.log(`  exactness: ${describeEquality(equality)}`);
}

function sumRows(language: string, rows: LanguageSpeed[]): LanguageSpeed {
  const add = (f: (l: LanguageSpeed) => number | undefined): number | undefined =>
    rows.every((l) => f(l) !== undefined) ? rows.reduce((n, l) => n + (f(l) ?? 0), 0) : undefined;
  return {
    language, files: add((l) => l.files) ?? 0, lines: add((l) => l.lines) ?? 0, ourCode: add((l) => l.ourCode) ?? 0, ourSeconds: add((l) => l.ourSeconds) ?? 0,
    oldSeconds: add((l) => l.oldSeconds), clocCode: add((l) => l.clocCode), clocSeconds: add((l) => l.clocSeconds), clocCpu: rows.every((l) => l.clocCpu !== false),
  };
}

/** One cloc run over the files: its code-line total and CPU time (wall time without GNU time). */
function cloc(checkout: string, paths: string[]): { clocCode: number; clocSeconds: number; clocCpu: boolean } {
  const scratch = mkdtempSync(join(tmpdir(), 'ekpi-bench-cloc-'));
  try {
    const list = join(scratch, 'files');
    const times = join(scratch, 'times');
    writeFileSync(list, paths.join('\n') + '\n');
    // --timeout=0: cloc otherwise skips a file that takes it over 10 s, as one may on a loaded machine.
    const clocArgs = ['--quiet', '--json', '--skip-uniqueness', '--timeout=0', `--list-file=${list}`];
    const clocCpu = existsSync(GNU_TIME);
    const started = performance.now();
    const out = clocCpu
      ? execFileSync(GNU_TIME, ['-f', '%U %S', '-o', times, 'cloc', ...clocArgs], { cwd: checkout, encoding: 'utf8', maxBuffer: 1 << 26 })
      : execFileSync('cloc', clocArgs, { cwd: checkout, encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = (performance.now() - started) / 1000;
    const clocSeconds = clocCpu ? readFileSync(times, 'utf8').trim().split('\n').pop()!.split(' ').reduce((s, x) => s + Number(x), 0) : wall;
    const sum = (JSON.parse(out) as { SUM?: { code?: number } }).SUM?.code ?? 0;
    return { clocCode: sum, clocSeconds, clocCpu };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
