/**
 * The one home of date helpers: calendar dates as ISO strings 'YYYY-MM-DD' and as day numbers (days since
 * 1970-01-01), and month lists 'YYYY-MM'. Dates are local China dates with no time of day, so UTC arithmetic
 * is used only as a proleptic-Gregorian day counter: no time zone ever enters the result. Working days are
 * the calendar's (calendar/working-days.ts), built on these.
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

/** The ISO date `days` calendar days after (or, negative, before) `iso`; throws a RangeError for a bad date. */
export function addDays(iso: string, days: number): string {
  return isoOf(toDayNumber(iso) + days);
}

/** The same day `months` months later (or earlier), clamped to the month's end: 2025-01-31 + 1 → 2025-02-28. */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = isoOf(toDayNumber(iso)).split('-').map(Number) as [number, number, number];
  const first = Date.UTC(y, m - 1 + months, 1);
  const t = new Date(first);
  const last = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth() + 1, 0)).getUTCDate();
  return isoOf(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), Math.min(d, last)) / MS_PER_DAY);
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

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The months of 'YYYY-MM' or 'YYYY-MM..YYYY-MM' (either order), or [] when it is not that. */
export function monthsOf(value: string): string[] {
  const [a = '', b = a] = value.split('..');
  const ma = MONTH.exec(a);
  const mb = MONTH.exec(b);
  if (!ma || !mb) return [];
  let from = Number(ma[1]) * 12 + Number(ma[2]) - 1;
  let to = Number(mb[1]) * 12 + Number(mb[2]) - 1;
  if (from > to) [from, to] = [to, from];
  // A brush over more than 50 years is not a reporting period; refuse rather than list it.
  if (to - from > 600) return [];
  const out: string[] = [];
  for (let m = from; m <= to; m++) out.push(`${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
  return out;
}
