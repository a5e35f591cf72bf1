/**
 * Spec §4 Size (v2): a file larger than 1 MiB is not source (an amalgamation or a bundle, not
 * hand-written code) and is not read for lines at all: its size comes from git's object header,
 * its bytes never leave git. This is the one place the limit lives.
 */
export const MAX_SOURCE_BYTES = 1024 * 1024;

export function tooLargeForSource(bytes: number): boolean {
  return bytes > MAX_SOURCE_BYTES;
}
