import { describe, expect, it } from 'vitest';
import { zoneTransitions } from '../src/import/timezone.ts';

/** The reference: Intl asked for every day, each change narrowed to the minute (the slow, obvious way). */
function daily(zone: string, fromYear: number, toYear: number): [number, number][] {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const offsetAt = (ms: number) => {
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(
      fmt.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? '',
    );
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  };
  const out: [number, number][] = [[Date.UTC(1900, 0, 1), offsetAt(Date.UTC(fromYear, 0, 1))]];
  let prev = out[0]?.[1];
  for (let t = Date.UTC(fromYear, 0, 2); t < Date.UTC(toYear + 1, 0, 1); t += 86_400_000) {
    if (offsetAt(t) === prev) continue;
    let lo = t - 86_400_000;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetAt(mid) === prev) lo = mid;
      else hi = mid;
    }
    prev = offsetAt(t);
    out.push([hi, prev]);
  }
  return out;
}

describe('zone offset history', () => {
  it('probed a week apart finds every change a daily probe finds, to the minute', async () => {
    // Casablanca leaves summer time for Ramadan (changes weeks apart); Apia crossed the date line.
    for (const zone of [
      'Asia/Shanghai',
      'America/New_York',
      'Africa/Casablanca',
      'Pacific/Apia',
      'Asia/Tehran',
    ]) {
      expect([zone, await zoneTransitions(zone, 1992, 2040)]).toEqual([zone, daily(zone, 1992, 2040)]);
    }
  }, 60_000);
});
