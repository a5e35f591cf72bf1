import type { EpochSeconds } from '../../model/time';

/**
 * JQL reads "yyyy/MM/dd HH:mm" in the searching user's time zone, not UTC. Formatting the cursor in
 * that zone keeps the safety margin small; when the zone is unknown we format in UTC and widen the
 * margin by 14 hours, the largest offset on Earth, so nothing is missed.
 */
export function jqlDate(t: EpochSeconds, timeZone: string | null): { text: string; extraMarginSeconds: number } {
  if (timeZone) {
    try {
      return { text: format(t, timeZone), extraMarginSeconds: 0 };
    } catch {
      // An unknown zone name: fall through to UTC with the wide margin.
    }
  }
  return { text: format(t - 14 * 3600, 'UTC'), extraMarginSeconds: 14 * 3600 };
}

function format(t: EpochSeconds, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(t * 1000));
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}/${get('month')}/${get('day')} ${get('hour')}:${get('minute')}`;
}
