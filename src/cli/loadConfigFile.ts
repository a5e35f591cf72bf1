import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './parseWindow';

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
  try {
    const parsed: unknown = JSON.parse(text);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`${file} is not valid JSON (${(e as Error).message}): fix or remove it`);
  }
}
