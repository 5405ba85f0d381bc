import { sliceClock } from '../yield-to-host.ts';

/**
 * UTC-offset history of an IANA zone, computed with Intl (DuckDB-WASM has no ICU offline), as rows
 * `[fromUtcMs, offsetMinutes]`: from that instant on, local time = UTC + offset. Used by the importer to
 * convert timestamps carrying an explicit offset into the dataset's zone.
 */
const cache = new Map<string, [number, number][]>();
const DAY = 86_400_000;

/** One Intl probe per day over ~50 years takes 50–150 ms: the scan yields to the page between slices. */
export async function zoneTransitions(
  zone: string,
  fromYear = 1992,
  toYear = 2040,
): Promise<[number, number][]> {
  const key = `${zone}|${fromYear}|${toYear}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const offsetAt = (ms: number): number => {
    const name = fmt.formatToParts(ms).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  };
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const out: [number, number][] = [[Date.UTC(1900, 0, 1), offsetAt(start)]];
  let prev = offsetAt(start);
  const tick = sliceClock();
  for (let t = start + DAY; t < end; t += DAY) {
    const turn = tick();
    if (turn) await turn;
    const cur = offsetAt(t);
    if (cur === prev) continue;
    // Narrow the change down to the minute inside the last day.
    let lo = t - DAY;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offsetAt(mid) === prev) lo = mid;
      else hi = mid;
    }
    out.push([hi, cur]);
    prev = cur;
  }
  cache.set(key, out);
  return out;
}
