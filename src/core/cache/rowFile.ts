import { createReadStream, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';

/**
 * A file of JSON rows, one per line, written atomically (temp file, fsync, rename) and read as a
 * stream: a 100,000-commit history never sits in memory as one string, on write or on read.
 * The first line is a header with the schema version and the row count; the last line is "end",
 * so a file cut short is recognised and discarded.
 */
export interface RowFileHeader {
  schemaVersion: number;
  kind: string;
  rows: number;
}

export type RowReadOutcome = { ok: true; rows: number } | { ok: false; why: 'missing' | 'corrupt' | 'version' | 'kind' };

export async function writeRowFile<Row>(file: string, kind: string, schemaVersion: number, rows: Iterable<Row>): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.write(' '.repeat(HEADER_WIDTH - 1) + '\n');
    const lines: string[] = [];
    let count = 0;
    for (const row of rows) {
      lines.push(JSON.stringify(row));
      count += 1;
      if (lines.length === 2000) {
        await handle.write(lines.join('\n') + '\n');
        lines.length = 0;
      }
    }
    const body = lines.length ? lines.join('\n') + '\n' : '';
    await handle.write(body + 'end\n');
    // The header goes last, at offset 0, once the count is known: pad it to a fixed width.
    const header = JSON.stringify({ schemaVersion, kind, rows: count } satisfies RowFileHeader);
    await handle.write(header.padEnd(HEADER_WIDTH - 1) + '\n', 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
}

/** Header width reserved at the start of the file (the header is written last). */
const HEADER_WIDTH = 128;

export async function readRowFile<Row>(file: string, kind: string, schemaVersion: number, onRow: (row: Row) => void): Promise<RowReadOutcome> {
  let stream;
  try {
    await fs.access(file);
    stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  } catch {
    return { ok: false, why: 'missing' };
  }
  let header: RowFileHeader | null = null;
  let count = 0;
  let ended = false;
  let rest = '';
  const failure = (why: 'corrupt' | 'version' | 'kind'): RowReadOutcome => {
    stream.destroy();
    return { ok: false, why };
  };
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      const text = rest + chunk;
      const lines = text.split('\n');
      rest = lines.pop() ?? '';
      // Rows are parsed a batch at a time ("[row,row,…]" in one JSON.parse): far fewer calls
      // into the parser than one per line, which is most of what reading the cache costs.
      let batch: string[] = [];
      const flushBatch = () => {
        if (batch.length === 0) return;
        const rows = JSON.parse(`[${batch.join(',')}]`) as Row[];
        // A garbled line could still parse (as two values, say): the counts must agree.
        if (!Array.isArray(rows) || rows.length !== batch.length) throw new Error('row count mismatch');
        for (const row of rows) onRow(row);
        count += batch.length;
        batch = [];
      };
      for (const line of lines) {
        if (!header) {
          try {
            header = JSON.parse(line) as RowFileHeader;
          } catch {
            return failure('corrupt');
          }
          if (header.kind !== kind) return failure('kind');
          if (header.schemaVersion !== schemaVersion) return failure('version');
          continue;
        }
        if (ended) return failure('corrupt');
        if (line === 'end') {
          ended = true;
          continue;
        }
        batch.push(line);
      }
      flushBatch();
    }
  } catch {
    return failure('corrupt');
  }
  if (!header || !ended || rest !== '' || count !== header.rows) return { ok: false, why: 'corrupt' };
  return { ok: true, rows: count };
}
