/**
 * Calendar dates as ISO strings 'YYYY-MM-DD' and as day numbers (days since 1970-01-01). Dates are local
 * China dates with no time of day, so UTC arithmetic is used only as a proleptic-Gregorian day counter:
 * no time zone ever enters the result.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** Day number of a valid ISO date, or undefined when the text is not a real 'YYYY-MM-DD' date. */
export function dayNumberOf(iso: string): number | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  // Date.UTC rolls 2025-02-30 over to March; a round trip rejects such dates.
  if (Number.isNaN(ms) || isoOf(ms / MS_PER_DAY) !== iso) return undefined;
  return ms / MS_PER_DAY;
}

/** Like `dayNumberOf` but throws a RangeError naming `what` (e.g. 'start') for bad input. */
export function toDayNumber(iso: string, what = 'date'): number {
  const n = typeof iso === 'string' ? dayNumberOf(iso) : undefined;
  if (n === undefined)
    throw new RangeError(`${what} ${JSON.stringify(iso)} is not a date in YYYY-MM-DD form`);
  return n;
}

/** ISO string of a day number. */
export function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, the numbering of `Date#getUTCDay` and DuckDB `dayofweek`. */
export function weekdayOf(day: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps pre-1970 days positive.
  return (((day + 4) % 7) + 7) % 7;
}

/** Gregorian year of a day number, without building a string (H. Hinnant's civil_from_days). */
export function yearOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  // Hinnant's year starts in March, so January and February belong to the next civil year.
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}
