import { sliceClock } from '../yield-to-host.ts';

/**
 * UTC-offset history of an IANA zone, computed with Intl (DuckDB-WASM has no ICU offline), as rows
 * `[fromUtcMs, offsetMinutes]`: from that instant on, local time = UTC + offset. Used by the importer to
 * convert timestamps carrying an explicit offset into the dataset's zone.
 */
const cache = new Map<string, [number, number][]>();
const DAY = 86_400_000;

/** Probes a week apart: no zone has kept an offset for less than a week since 1992. */
const WEEK = 7 * DAY;

/**
 * One Intl probe per week over ~50 years (a change is then narrowed down to the minute), between yields:
 * a probe per day took 90 ms of the UI thread while DuckDB-WASM was compiling.
 */
export async function zoneTransitions(
  zone: string,
  fromYear = 1992,
  toYear = 2040,
): Promise<[number, number][]> {
  const key = `${zone}|${fromYear}|${toYear}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  // The whole string ("1/1/1992, GMT+08:00") and not formatToParts: 3–5× faster, no part objects made;
  // the date part holds no "GMT".
  const offsetAt = (ms: number): number => {
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(fmt.format(ms));
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  };
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const out: [number, number][] = [[Date.UTC(1900, 0, 1), offsetAt(start)]];
  let prev = offsetAt(start);
  const tick = sliceClock();
  // Probes a week apart, the last one at the range's end; a change is narrowed down within its week.
  for (let last = start; last < end - 1; ) {
    const turn = tick();
    if (turn) await turn;
    const t = Math.min(last + WEEK, end - 1);
    const cur = offsetAt(t);
    if (cur !== prev) {
      let lo = last;
      let hi = t;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
        if (offsetAt(mid) === prev) lo = mid;
        else hi = mid;
      }
      out.push([hi, cur]);
      prev = cur;
    }
    last = t;
  }
  cache.set(key, out);
  return out;
}
