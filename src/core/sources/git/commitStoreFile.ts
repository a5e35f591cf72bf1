import { promises as fs } from 'node:fs';
import { crc32 } from 'node:zlib';
import { u32 } from '../../util/u32';
import { writeFileAtomic } from '../../cache/atomicStore';
import { CommitStore, MISSING, UNREAD } from './commitStore';

/**
 * One cache segment: the commits [first, first + count) of a CommitStore as raw columns (subjects
 * as UTF-8 with their end offsets, and the facts read from them), the file lists read since the
 * segment before (of these commits or of older ones: positions, end offsets, codes), plus the names
 * and paths they added to its tables (JSON). Layout:
 *
 *   "EKPIGIT\n" · u32 header length · header JSON · columns (each 8-byte aligned) · "END\n" · u32 CRC-32
 *
 * The CRC covers everything before it, so a file cut short or garbled is recognised and the cache
 * rebuilt. Numbers are little-endian (typed arrays on every platform VS Code runs on).
 */
const MAGIC = Buffer.from('EKPIGIT\n');
const TRAILER = Buffer.from('END\n');

interface SegmentHeader {
  kind: 'git-commits';
  schemaVersion: number;
  hashLength: number;
  first: number;
  count: number;
  firstParentSlot: number;
  parentSlots: number;
  /** How many commits' file lists the segment holds, and their codes in all. */
  fileLists: number;
  fileCodes: number;
  firstAuthor: number;
  firstPath: number;
  firstSubjectByte: number;
  subjectBytes: number;
  /** Parent slots (absolute) whose parent is outside the history, with that parent's hash. */
  missing: Array<[number, string]>;
  /** Byte length of the JSON tables at the end. */
  tablesLength: number;
}

interface Tables {
  authors: Array<[string, string]>;
  paths: string[];
}

export type SegmentReadOutcome = { ok: true } | { ok: false; why: 'missing' | 'corrupt' | 'version' };

const pad8 = (n: number) => (n + 7) & ~7;

/**
 * Writes commits [from, store.length) and the file lists of `filePositions` atomically (temp file,
 * fsync, rename).
 */
export async function writeSegment(
  file: string, store: CommitStore, from: number, filePositions: number[], tableFrom: { authors: number; paths: number }, schemaVersion: number,
): Promise<void> {
  const count = store.length - from;
  const pStart = store.parentStart;
  const lists = fileLists(store, filePositions);
  const tables = Buffer.from(JSON.stringify({
    authors: store.authors.slice(tableFrom.authors),
    paths: store.paths.slice(tableFrom.paths),
  } satisfies Tables));
  const sEnds = store.subjectEndCol.view();
  const header: SegmentHeader = {
    kind: 'git-commits', schemaVersion, hashLength: store.hashLength, first: from, count,
    firstParentSlot: pStart[from]!, parentSlots: pStart[store.length]! - pStart[from]!,
    fileLists: filePositions.length, fileCodes: lists.codes.length,
    firstAuthor: tableFrom.authors, firstPath: tableFrom.paths,
    firstSubjectByte: sEnds[from]!, subjectBytes: sEnds[store.length]! - sEnds[from]!,
    missing: [...store.missingParents].filter(([slot]) => slot >= pStart[from]!),
    tablesLength: tables.length,
  };
  const columns: Buffer[] = [
    store.hashBytes.subarray(from * store.hashLength, store.length * store.hashLength),
    bytes(pStart.subarray(from + 1, store.length + 1)),
    bytes(store.parentList.subarray(header.firstParentSlot, header.firstParentSlot + header.parentSlots)),
    bytes(store.authorDateCol.view().subarray(from)),
    bytes(store.committerDateCol.view().subarray(from)),
    bytes(store.authorCol.view().subarray(from)),
    bytes(sEnds.subarray(from + 1, store.length + 1)),
    store.subjectBytes.view().subarray(header.firstSubjectByte, header.firstSubjectByte + header.subjectBytes),
    store.fixCol.view().subarray(from),
    bytes(store.squashPrCol.view().subarray(from)),
    bytes(store.mergePrCol.view().subarray(from)),
    bytes(Int32Array.from(filePositions)),
    bytes(lists.ends),
    bytes(lists.codes),
    tables,
  ];
  const headerJson = Buffer.from(JSON.stringify(header));
  const parts: Buffer[] = [MAGIC, u32(headerJson.length), headerJson];
  let size = MAGIC.length + 4 + headerJson.length;
  for (const c of columns) {
    const gap = pad8(size) - size;
    if (gap) parts.push(Buffer.alloc(gap));
    parts.push(c);
    size = pad8(size) + c.length;
  }
  parts.push(TRAILER);
  const body = Buffer.concat(parts);
  const out = Buffer.concat([body, u32(crc32(body))]);

  await writeFileAtomic(file, out);
}

/** The codes of each position's list, one after the other, with their running end offsets. */
function fileLists(store: CommitStore, positions: number[]): { ends: Int32Array; codes: Int32Array } {
  const from = store.fileFromCol.view();
  const to = store.fileToCol.view();
  const all = store.fileCodeCol.view();
  const ends = new Int32Array(positions.length);
  let total = 0;
  positions.forEach((i, k) => (ends[k] = total += to[i]! - from[i]!));
  const codes = new Int32Array(total);
  positions.forEach((i, k) => codes.set(all.subarray(from[i]!, to[i]!), k === 0 ? 0 : ends[k - 1]!));
  return { ends, codes };
}

/** Appends a segment's commits to the store; the store must hold exactly the segments before it. */
export async function readSegment(file: string, store: CommitStore, schemaVersion: number): Promise<SegmentReadOutcome> {
  let buf: Buffer;
  try {
    buf = await fs.readFile(file);
  } catch {
    return { ok: false, why: 'missing' };
  }
  try {
    return appendSegment(buf, store, schemaVersion);
  } catch {
    return { ok: false, why: 'corrupt' };
  }
}

function appendSegment(raw: Buffer, store: CommitStore, schemaVersion: number): SegmentReadOutcome {
  const corrupt = { ok: false, why: 'corrupt' } as const;
  if (raw.length < MAGIC.length + 12 || !raw.subarray(0, MAGIC.length).equals(MAGIC)) return corrupt;
  const bodyEnd = raw.length - 4;
  if (!raw.subarray(bodyEnd - TRAILER.length, bodyEnd).equals(TRAILER) || raw.readUInt32LE(bodyEnd) !== crc32(raw.subarray(0, bodyEnd))) return corrupt;
  // Typed-array views need aligned offsets: copy in the rare case the buffer is not 8-aligned.
  const buf = raw.byteOffset % 8 === 0 ? raw : Buffer.from(raw);
  const headerLength = buf.readUInt32LE(MAGIC.length);
  const h = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as SegmentHeader;
  if (h.kind !== 'git-commits') return corrupt;
  if (h.schemaVersion !== schemaVersion) return { ok: false, why: 'version' };
  // Segments continue each other exactly: anything else is a cache that lost a file.
  const pStart = store.parentStart;
  if (h.hashLength !== store.hashLength || h.first !== store.length || h.firstParentSlot !== pStart[store.length]
    || h.firstAuthor !== store.authors.length || h.firstPath !== store.paths.length || h.firstSubjectByte !== store.subjectBytes.length) return corrupt;

  let at = MAGIC.length + 4 + headerLength;
  const take = (byteLength: number): [number, number] => {
    const start = pad8(at);
    at = start + byteLength;
    if (at > bodyEnd - TRAILER.length) throw new Error('segment too short');
    return [buf.byteOffset + start, byteLength];
  };
  const i32 = (n: number) => { const [o] = take(n * 4); return new Int32Array(buf.buffer, o, n); };
  const f64 = (n: number) => { const [o] = take(n * 8); return new Float64Array(buf.buffer, o, n); };
  const u8 = (n: number) => { const [o] = take(n); return Buffer.from(buf.buffer, o, n); };
  const [hashOffset] = take(h.count * h.hashLength);
  const parentEnds = i32(h.count);
  const parentList = i32(h.parentSlots);
  const authorDates = f64(h.count);
  const committerDates = f64(h.count);
  const authorIds = i32(h.count);
  const subjectEnds = i32(h.count);
  const subjectText = u8(h.subjectBytes);
  const fix = u8(h.count);
  const squashPr = i32(h.count);
  const mergePr = i32(h.count);
  const filePositions = i32(h.fileLists);
  const fileEnds = i32(h.fileLists);
  const fileCodes = i32(h.fileCodes);
  const [tablesOffset] = take(h.tablesLength);
  const tables = JSON.parse(Buffer.from(buf.buffer, tablesOffset, h.tablesLength).toString('utf8')) as Tables;
  if (!Array.isArray(tables.paths) || !Array.isArray(tables.authors)) return corrupt;

  const commitsEnd = h.first + h.count;
  const authorsEnd = h.firstAuthor + tables.authors.length;
  const pathsEnd = h.firstPath + tables.paths.length;
  if (!ascending(parentEnds, h.firstParentSlot, h.firstParentSlot + h.parentSlots) || !ascending(fileEnds, 0, h.fileCodes)
    || !ascending(subjectEnds, h.firstSubjectByte, h.firstSubjectByte + h.subjectBytes)) return corrupt;
  for (let k = 0; k < parentList.length; k++) if (parentList[k]! < MISSING || parentList[k]! >= commitsEnd) return corrupt;
  for (let k = 0; k < authorIds.length; k++) if (authorIds[k]! < 0 || authorIds[k]! >= authorsEnd) return corrupt;
  for (let k = 0; k < fileCodes.length; k++) {
    const v = fileCodes[k]!;
    if ((v >= 0 ? v >> 3 : -v - 1) >= pathsEnd) return corrupt;
  }
  // Each list belongs to a commit of this segment or an earlier one, and is its first.
  const listed = new Set<number>();
  for (let k = 0; k < filePositions.length; k++) {
    const i = filePositions[k]!;
    if (i < 0 || i >= commitsEnd || listed.has(i) || (i < store.length && store.hasFiles(i))) return corrupt;
    listed.add(i);
  }

  store.reserve(commitsEnd);
  Buffer.from(buf.buffer, hashOffset, h.count * h.hashLength).copy(store.hashBytes, h.first * h.hashLength);
  store.parentStartCol.pushAll(parentEnds);
  store.parentListCol.pushAll(parentList);
  for (const [slot, hash] of h.missing) store.missingParents.set(slot, hash);
  store.authorDateCol.pushAll(authorDates);
  store.committerDateCol.pushAll(committerDates);
  store.authorCol.pushAll(authorIds);
  const codeBase = store.fileCodeCol.length;
  store.fileCodeCol.pushAll(fileCodes);
  store.fileFromCol.pushAll(new Int32Array(h.count).fill(UNREAD));
  store.fileToCol.pushAll(new Int32Array(h.count).fill(UNREAD));
  for (const a of tables.authors) store.authors.push(a);
  for (const p of tables.paths) store.paths.push(p);
  store.subjectEndCol.pushAll(subjectEnds);
  store.subjectBytes.pushAll(subjectText);
  store.fixCol.pushAll(fix);
  store.squashPrCol.pushAll(squashPr);
  store.mergePrCol.pushAll(mergePr);
  store.length = commitsEnd;
  const fileFrom = store.fileFromCol.view();
  const fileTo = store.fileToCol.view();
  for (let k = 0; k < filePositions.length; k++) {
    fileFrom[filePositions[k]!] = codeBase + (k === 0 ? 0 : fileEnds[k - 1]!);
    fileTo[filePositions[k]!] = codeBase + fileEnds[k]!;
  }
  store.indexLoaded(h.first);
  return { ok: true };
}

/** Running end offsets: non-decreasing from `start`, finishing exactly at `end`. */
function ascending(ends: Int32Array, start: number, end: number): boolean {
  let prev = start;
  for (let k = 0; k < ends.length; k++) {
    if (ends[k]! < prev) return false;
    prev = ends[k]!;
  }
  return prev === end;
}

function bytes(a: Int32Array | Float64Array | Uint8Array): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}
