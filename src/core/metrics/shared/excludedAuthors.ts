import type { KpiOptions } from '../../options';

/** Bots (spec Conventions): type Bot, a login ending in [bot], or listed in excludeAuthors (by name, login or email). */
export function isExcludedAuthor(options: Pick<KpiOptions, 'excludeAuthors'>, ...ids: Array<string | null | undefined>): boolean {
  return ids.some((id) => !!id && (/\[bot\]$/i.test(id) || options.excludeAuthors.some((x) => x.toLowerCase() === id.toLowerCase())));
}
