import { dayNumberOf, isoOf, toDayNumber, weekdayOf, yearOfDay } from '../dates.ts';
import { isKnownYear, type WorkCalendar } from './calendar.ts';

/**
 * Working-day arithmetic on ISO dates 'YYYY-MM-DD' (local China dates, no time zone), following DOMAIN §2.4:
 * the day a period starts from is not counted (期间开始之日不计入), so a 20-working-day limit (条例 Art.33,
 * 行政许可法 Art.42/82) ends on the 20th working day after receipt. Unknown years give null, never a guess.
 */

/**
 * A clock-stop interval whose working days are not counted, both ends inclusive: third-party or other-agency
 * consultation (政府信息公开条例 Art.32/33), 听证、检验、检测、鉴定、专家评审 etc. (行政许可法 Art.45).
 * 补正 is not a pause: the clock restarts from the corrected application (条例 Art.30).
 */
export type Pause = readonly [start: string, end: string];

/** Upper bound for `addWorkingDays`, about 40 years; larger values are data errors. */
export const MAX_WORKING_DAYS = 10_000;

/** A calendar keyed by day number, so counting loops never format strings. */
interface DayIndex {
  rest: Set<number>;
  work: Set<number>;
  weekend: boolean[];
}

// Calendars are immutable values (derive new ones with withOverrides), so the index can be cached.
const indexes = new WeakMap<WorkCalendar, DayIndex>();

function indexOf(cal: WorkCalendar): DayIndex {
  let index = indexes.get(cal);
  if (!index) {
    const days = (dates: ReadonlySet<string>) =>
      new Set([...dates].map(dayNumberOf).filter((d): d is number => d !== undefined));
    index = {
      rest: days(cal.holidays),
      work: days(cal.workdays),
      weekend: Array.from({ length: 7 }, (_, w) => cal.weekend.has(w)),
    };
    indexes.set(cal, index);
  }
  return index;
}

/** true / false, or null when the day's year is not covered by the calendar. */
function statusOf(cal: WorkCalendar, day: number): boolean | null {
  if (!isKnownYear(cal, yearOfDay(day))) return null;
  const index = indexOf(cal);
  if (index.work.has(day)) return true;
  if (index.rest.has(day)) return false;
  return !index.weekend[weekdayOf(day)];
}

function pauseIntervals(pauses: readonly Pause[]): [number, number][] {
  return pauses.map(([start, end], i) => {
    const s = toDayNumber(start, `pauses[${i}] start`);
    const e = toDayNumber(end, `pauses[${i}] end`);
    if (e < s) throw new RangeError(`pauses[${i}] ends (${end}) before it starts (${start})`);
    return [s, e];
  });
}

// Overlapping pauses are fine: a day is either paused or not, so nothing is subtracted twice.
const isPaused = (intervals: [number, number][], day: number): boolean =>
  intervals.some(([s, e]) => day >= s && day <= e);

/** Counted working days in (lo, hi]; null when any day of [lo, hi] is unknown. */
function countUp(cal: WorkCalendar, lo: number, hi: number, intervals: [number, number][]): number | null {
  if (statusOf(cal, lo) === null) return null;
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) {
    const status = statusOf(cal, d);
    if (status === null) return null;
    if (status && !isPaused(intervals, d)) count++;
  }
  return count;
}

/** Whether `d` is a working day; null = "calendar unknown" for its year (§2.4). */
export function isWorkday(cal: WorkCalendar, d: string): boolean | null {
  return statusOf(cal, toDayNumber(d));
}

/**
 * The due date `n` working days after `start`: the start day is not counted, so for n ≥ 1 the result is
 * the n-th working day after `start` and always a working day. n = 0 returns `start` itself (即办 /
 * 当场答复: due the same day, even when `start` is a rest day). Working days inside `pauses` are skipped,
 * which extends the due date (条例 Art.33, 行政许可法 Art.45). Returns null when `start` or any day up to
 * the result lies in an unknown year. Throws RangeError for a bad date or an n that is not an integer in
 * 0…MAX_WORKING_DAYS.
 */
export function addWorkingDays(
  cal: WorkCalendar,
  start: string,
  n: number,
  pauses: readonly Pause[] = [],
): string | null {
  const first = toDayNumber(start, 'start');
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`n ${n} must be a whole number of working days from 0 to ${MAX_WORKING_DAYS}`);
  }
  const intervals = pauseIntervals(pauses);
  if (statusOf(cal, first) === null) return null;
  let day = first;
  for (let left = n; left > 0; ) {
    day++;
    const status = statusOf(cal, day);
    if (status === null) return null;
    if (status && !isPaused(intervals, day)) left--;
  }
  return isoOf(day);
}

/**
 * Working days in the half-open interval (a, b]: the start day is not counted, so completing on the day
 * of receipt gives 0 (即办) and `addWorkingDays(cal, a, n)` gives back n. When b < a the result is negative,
 * −workingDaysBetween(b, a) (e.g. days remaining before a due date already passed). Working days inside
 * `pauses` are not counted. Returns null when any day of [min(a, b), max(a, b)] lies in an unknown year.
 */
export function workingDaysBetween(
  cal: WorkCalendar,
  a: string,
  b: string,
  pauses: readonly Pause[] = [],
): number | null {
  const x = toDayNumber(a, 'a');
  const y = toDayNumber(b, 'b');
  const intervals = pauseIntervals(pauses);
  if (x <= y) return countUp(cal, x, y, intervals);
  const back = countUp(cal, y, x, intervals);
  return back === null || back === 0 ? back : -back;
}

/**
 * How many working days of (a, b] fall inside `pauses`, i.e. what the pauses subtract from
 * `workingDaysBetween(cal, a, b)` (negative when b < a, like that function); null when unknown.
 */
export function pausedWorkingDays(
  cal: WorkCalendar,
  a: string,
  b: string,
  pauses: readonly Pause[],
): number | null {
  const all = workingDaysBetween(cal, a, b);
  const counted = workingDaysBetween(cal, a, b, pauses);
  return all === null || counted === null ? null : all - counted;
}
