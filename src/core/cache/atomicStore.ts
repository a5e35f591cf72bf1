import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A versioned JSON document on disk. Writes go to a temp file in the same folder and are renamed
 * over the old one, so a crash leaves either the old or the new file, never half of one.
 * A missing, corrupt or other-version file reads as `undefined` (the caller rebuilds): the cache
 * is an accelerator, never a reason to fail.
 */
export interface Envelope<T> {
  schemaVersion: number;
  kind: string;
  savedAt: string;
  data: T;
}

export type ReadOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; why: 'missing' | 'corrupt' | 'version' | 'kind' };

export class AtomicStore<T> {
  constructor(
    readonly file: string,
    readonly kind: string,
    readonly schemaVersion: number,
  ) {}

  async read(): Promise<ReadOutcome<T>> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch {
      return { ok: false, why: 'missing' };
    }
    let env: Partial<Envelope<T>>;
    try {
      env = JSON.parse(text) as Partial<Envelope<T>>;
    } catch {
      return { ok: false, why: 'corrupt' };
    }
    if (!env || typeof env !== 'object' || !('data' in env)) return { ok: false, why: 'corrupt' };
    if (env.kind !== this.kind) return { ok: false, why: 'kind' };
    if (env.schemaVersion !== this.schemaVersion) return { ok: false, why: 'version' };
    return { ok: true, data: env.data as T };
  }

  async write(data: T): Promise<void> {
    await fs.mkdir(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    const env: Envelope<T> = { schemaVersion: this.schemaVersion, kind: this.kind, savedAt: new Date().toISOString(), data };
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(JSON.stringify(env));
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.rename(tmp, this.file);
    } catch (e) {
      await fs.rm(tmp, { force: true });
      throw e;
    }
  }

  async clear(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }
}
