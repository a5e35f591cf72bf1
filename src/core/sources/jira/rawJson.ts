/**
 * Jira payloads are untrusted input: a proxy may answer HTML, a field may be missing or change type
 * between Cloud and Server. These helpers narrow `unknown` without casts scattered through the code.
 */
export type Json = Record<string, unknown>;

export function obj(x: unknown): Json | undefined {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Json) : undefined;
}

export function arr(x: unknown): unknown[] {
  return Array.isArray(x) ? x : [];
}

export function str(x: unknown): string | undefined {
  return typeof x === 'string' ? x : undefined;
}

export function num(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isFinite(x) ? x : undefined;
}

/** Reads a nested string: path(o, 'status', 'name'). */
export function pathStr(o: unknown, ...keys: string[]): string | undefined {
  let cur: unknown = o;
  for (const k of keys) cur = obj(cur)?.[k];
  return str(cur);
}
