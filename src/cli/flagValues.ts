import { UsageError } from './parseWindow';

/**
 * parseArgs takes `--since=` as the empty string, which the commands would then read as "not
 * given" and silently use a default: an empty value is a usage error instead, for every flag.
 */
export function rejectEmptyValues(values: Record<string, string | boolean | Array<string | boolean> | undefined>): void {
  for (const [name, value] of Object.entries(values)) {
    if ([value].flat().some((v) => typeof v === 'string' && v.trim() === '')) throw new UsageError(`--${name} is empty: give it a value or leave it out`);
  }
}
