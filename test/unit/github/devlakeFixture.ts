import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** ../shared/peer-data/devlake-github relative to the repository; absent in some checkouts. */
export const DEVLAKE_DIR = path.resolve(__dirname, '../../../../shared/peer-data/devlake-github');

export function devlakeAvailable(): boolean {
  return existsSync(path.join(DEVLAKE_DIR, 'raw_tables')) && existsSync(path.join(DEVLAKE_DIR, 'snapshot_tables'));
}

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and newlines. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header = [], ...body] = rows;
  return body.filter((r) => r.length === header.length).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

/** Rows of a table, checked to have the named columns (so a renamed column fails loudly). */
export function readTable<K extends string>(kind: 'raw_tables' | 'snapshot_tables', file: string, columns: readonly K[]): Array<Record<K, string>> {
  const rows = parseCsv(readFileSync(path.join(DEVLAKE_DIR, kind, file), 'utf8'));
  return rows.map((r) => {
    for (const c of columns) if (r[c] === undefined) throw new Error(`${file}: no column ${c}`);
    return r as Record<K, string>;
  });
}

/** Raw rows of one API table that belong to connection 1 (the others are decoys), with parsed JSON. */
export function rawRows<T>(table: string): Array<{ data: T; input: Record<string, unknown> | null }> {
  return readTable('raw_tables', `_raw_github_api_${table}.csv`, ['params', 'data', 'input'])
    .filter((r) => (JSON.parse(r.params) as { ConnectionId?: number }).ConnectionId === 1)
    .map((r) => ({ data: JSON.parse(r.data) as T, input: r.input && r.input !== 'null' ? (JSON.parse(r.input) as Record<string, unknown>) : null }));
}

/** DevLake writes 2020-06-12T00:13:13.000+00:00; an empty cell is NULL. */
export function snapshotSeconds(cell: string): number | null {
  if (cell === '') return null;
  const ms = Date.parse(cell);
  if (Number.isNaN(ms)) throw new Error(`bad snapshot date ${cell}`);
  return Math.floor(ms / 1000);
}

/** github:GithubPullRequest:1:203756736 -> 203756736 */
export function domainId(id: string): number {
  return Number(id.split(':').pop());
}
