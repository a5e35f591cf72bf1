import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { reportCacheProblem } from './cacheWarnings';

/**
 * Every cache file is written here: to a temp file with a unique name in the same folder, synced,
 * then renamed over the old one, so a crash or a concurrent run leaves either the old or the new
 * file, never half of one. On any failure (read-only folder, disk full) the temp file is removed
 * and the error thrown.
 */
export async function writeFileAtomic(file: string, bytes: Buffer | string): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await fs.open(tmp, 'w');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/**
 * A versioned, checksummed JSON document on disk (lines, GitHub, Jira, the git index, the
 * extension's last result). The file is one JSON object whose `data` comes last and whose `crc32`
 * is the CRC-32 of data's JSON text, so a digit changed by hand or a disk fault is caught before
 * the data is used. A missing, corrupt or other-version file reads as not ok (the caller
 * rebuilds); a failed write is a warning (see cacheWarnings), never a failed run: the cache is an
 * accelerator.
 */
export interface Envelope {
  schemaVersion: number;
  kind: string;
  savedAt: string;
  crc32: number;
}

export type ReadOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; why: 'missing' | 'corrupt' | 'version' | 'kind' };

const DATA_KEY = Buffer.from(',"data":');

export class AtomicStore<T> {
  constructor(
    readonly file: string,
    readonly kind: string,
    readonly schemaVersion: number,
  ) {}

  async read(): Promise<ReadOutcome<T>> {
    let buf: Buffer;
    try {
      buf = await fs.readFile(this.file);
    } catch {
      return { ok: false, why: 'missing' };
    }
    const at = buf.indexOf(DATA_KEY);
    if (at < 0 || buf[buf.length - 1] !== 0x7d /* } */) return { ok: false, why: 'corrupt' };
    let env: Partial<Envelope>;
    let data: T;
    try {
      env = JSON.parse(buf.toString('utf8', 0, at) + '}') as Partial<Envelope>;
      if (env.kind !== this.kind) return { ok: false, why: 'kind' };
      // A file without a checksum was written by an older build.
      if (env.schemaVersion !== this.schemaVersion || typeof env.crc32 !== 'number') return { ok: false, why: 'version' };
      const body = buf.subarray(at + DATA_KEY.length, buf.length - 1);
      if (crc32(body) !== env.crc32) return { ok: false, why: 'corrupt' };
      data = JSON.parse(body.toString('utf8')) as T;
    } catch {
      return { ok: false, why: 'corrupt' };
    }
    return { ok: true, data };
  }

  /** Writes the document; false (with a warning reported) when it could not be written. */
  async write(data: T): Promise<boolean> {
    try {
      await this.writeOrThrow(data);
      return true;
    } catch (e) {
      reportCacheProblem(this.file, e);
      return false;
    }
  }

  /** Writes the document, rejecting when it could not be (for callers outside a report run, which log it themselves). */
  async writeOrThrow(data: T): Promise<void> {
    const body = JSON.stringify(data);
    const env: Envelope = { schemaVersion: this.schemaVersion, kind: this.kind, savedAt: new Date().toISOString(), crc32: crc32(body) };
    await writeFileAtomic(this.file, `${JSON.stringify(env).slice(0, -1)},"data":${body}}`);
  }

  async clear(): Promise<void> {
    await fs.rm(this.file, { force: true });
  }
}
