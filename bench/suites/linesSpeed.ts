/**
 * Lines per second of the product's line counter, per language, on the files of a checkout,
 * beside cloc (Debian's `cloc`) on the same files. Ours is timed in this process over texts
 * already in memory (the counter alone: no git, no disk), after one warm-up pass that loads the
 * TypeScript scanner; cloc is timed as a process (start-up, reading and counting), as a user runs it.
 * Lines per second are physical lines over wall time, for both.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { countCodeLines } from '../../src/core/sources/kloc/commentScanner';
import { languageOf, type LanguageInfo } from '../../src/core/sources/kloc/languages';
import { tsTokenLines } from '../../src/core/sources/kloc/tsTokenLines';

export interface LanguageSpeed {
  language: string;
  files: number;
  lines: number;
  /** Code lines as the product counts them. */
  ourCode: number;
  ourSeconds: number;
  /** Undefined when cloc is not installed. */
  clocCode?: number;
  clocSeconds?: number;
}

/** The dispatch of src/core/sources/kloc/blobLines.ts countBlobs: the TS/JS token counter, else the comment scanner. */
function countOurs(text: string, path: string, language: LanguageInfo): number {
  if (language.comments === 'ts') return tsTokenLines(text, path) ?? countCodeLines(text, 'c');
  return countCodeLines(text, language.comments);
}

export const clocInstalled = (): boolean => spawnSync('cloc', ['--version'], { stdio: 'ignore' }).status === 0;

export function languageSpeeds(checkout: string, runs: number): LanguageSpeed[] {
  const paths = execFileSync('git', ['-C', checkout, 'ls-files', '-z'], { encoding: 'utf8', maxBuffer: 1 << 28 }).split('\0').filter(Boolean);
  const byLanguage = new Map<string, Array<{ path: string; text: string; language: LanguageInfo }>>();
  for (const path of paths) {
    const language = languageOf(path);
    if (!language?.programming) continue;
    const list = byLanguage.get(language.name) ?? [];
    list.push({ path, text: readFileSync(join(checkout, path), 'utf8'), language });
    byLanguage.set(language.name, list);
  }
  const haveCloc = clocInstalled();
  const rows: LanguageSpeed[] = [];
  for (const [name, files] of [...byLanguage].sort((a, b) => b[1].length - a[1].length)) {
    let ourCode = 0;
    for (const f of files) ourCode += countOurs(f.text, f.path, f.language);
    let ourSeconds = Infinity;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      for (const f of files) countOurs(f.text, f.path, f.language);
      ourSeconds = Math.min(ourSeconds, (performance.now() - started) / 1000);
    }
    const lines = files.reduce((n, f) => n + f.text.split('\n').length - (f.text.endsWith('\n') ? 1 : 0), 0);
    const row: LanguageSpeed = { language: name, files: files.length, lines, ourCode, ourSeconds };
    if (haveCloc) Object.assign(row, cloc(checkout, files.map((f) => f.path)));
    rows.push(row);
  }
  return rows;
}

/** One cloc run over the files: its code-line total and wall time. */
function cloc(checkout: string, paths: string[]): { clocCode: number; clocSeconds: number } {
  const scratch = mkdtempSync(join(tmpdir(), 'ekpi-bench-cloc-'));
  try {
    const list = join(scratch, 'files');
    writeFileSync(list, paths.join('\n') + '\n');
    const started = performance.now();
    const out = execFileSync('cloc', ['--quiet', '--json', '--skip-uniqueness', `--list-file=${list}`], { cwd: checkout, encoding: 'utf8', maxBuffer: 1 << 26 });
    const clocSeconds = (performance.now() - started) / 1000;
    const sum = (JSON.parse(out) as { SUM?: { code?: number } }).SUM?.code ?? 0;
    return { clocCode: sum, clocSeconds };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
