/** Line counts of the files at HEAD. */
export interface FileLines {
  path: string;
  /** Non-blank, non-comment lines. */
  lines: number;
  kind: 'source' | 'test';
}

export interface KlocIndex {
  files: FileLines[];
  sourceLines: number;
  testLines: number;
  /** What this count could not do (files it could not read, a cache it could not write); never cached. */
  warnings?: string[];
}
