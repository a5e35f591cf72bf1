import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './parseWindow';

/**
 * Where JSON.parse gave up, as "line L, column C". Its own message quotes the text around the
 * error, and the file may be a symlink the repository points at a secret (`~/.ssh/id_rsa`):
 * errors say where, never what.
 */
function whereInvalid(e: unknown, text: string): string {
  const pos = /position (\d+)/.exec(String((e as Error).message));
  if (!pos) return 'not valid JSON';
  const before = text.slice(0, Number(pos[1]));
  const line = before.split('\n').length;
  return `not valid JSON at line ${line}, column ${before.length - before.lastIndexOf('\n')}`;
}

/** Reads .engineering-kpis.json from the repository, if present. A malformed file is a usage error, not a crash. */
export async function loadConfigFile(repo: string, explicit?: string): Promise<Record<string, unknown> | undefined> {
  const file = explicit ?? path.join(repo, '.engineering-kpis.json');
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch {
    if (explicit) throw new UsageError(`cannot read config file ${explicit}`);
    return undefined;
  }
  // Editors on Windows save UTF-8 with a byte order mark; JSON.parse rejects it.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is ${whereInvalid(e, text)}: fix or remove it`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new UsageError(`${file} is not a JSON object ({ "setting": value, … }): fix or remove it`);
  return parsed as Record<string, unknown>;
}
