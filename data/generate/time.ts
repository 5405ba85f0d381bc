import { chineseCalendar } from '../../packages/core/src/calendar/calendar.ts';
import { isWorkday } from '../../packages/core/src/calendar/working-days.ts';
import { isoOf, toDayNumber, weekdayOf } from '../../packages/core/src/dates.ts';
import { at, pad, type Rng } from './random.ts';

/*
 * Days are integers counted from 2023-12-01, timestamps are seconds from that midnight (naive Beijing local
 * time, so no time-zone arithmetic is ever needed).
 */

export const DAY = 86_400;
export const HOUR = 3_600;
export const MIN = 60;
/** Day 0 as core's day number (days since 1970-01-01), and the number of days the calendar covers. */
const CAL_FIRST = toDayNumber('2023-12-01');
const CAL_LEN = toDayNumber('2027-01-01') - CAL_FIRST;

export const dayOfIso = (iso: string): number => toDayNumber(iso) - CAL_FIRST;

/**
 * Core's national working-day calendar (chineseCalendar, the one the indicators count with) indexed by the
 * generator's day numbers, so that working-day arithmetic in the draws is O(1).
 */
export class Calendar {
  private readonly isoDates: string[] = [];
  private readonly working: boolean[] = [];
  private readonly holidays: boolean[] = [];
  /** Number of working days strictly before each day: O(1) working-day arithmetic. */
  private readonly ord: number[] = [];
  private readonly workList: number[] = [];

  constructor() {
    const national = chineseCalendar();
    for (let d = 0; d < CAL_LEN; d++) {
      const iso = isoOf(CAL_FIRST + d);
      const work = isWorkday(national, iso);
      if (work === null) throw new Error(`the national calendar does not know ${iso}`);
      this.isoDates.push(iso);
      this.working.push(work);
      // 法定节假日 and 调休 rest days (a plain weekend is not a holiday).
      this.holidays.push(national.holidays.has(iso));
      this.ord.push(this.workList.length);
      if (work) this.workList.push(d);
    }
  }

  iso(d: number): string {
    return at(this.isoDates, d);
  }
  isWork(d: number): boolean {
    return at(this.working, d);
  }
  isHoliday(d: number): boolean {
    return at(this.holidays, d);
  }
  /** 0 = Sunday … 6 = Saturday. */
  dow(d: number): number {
    return weekdayOf(CAL_FIRST + d);
  }
  year(d: number): number {
    return Number(this.iso(d).slice(0, 4));
  }
  month(d: number): number {
    return Number(this.iso(d).slice(5, 7));
  }
  /** A 调休 make-up working day (Saturday or Sunday that is a working day). */
  isMakeup(d: number): boolean {
    const w = this.dow(d);
    return this.isWork(d) && (w === 0 || w === 6);
  }

  /** The n-th working day after d (n = 0: d itself if working, else the next working day). */
  addWd(d: number, n: number): number {
    const base = at(this.ord, d);
    if (n === 0) return at(this.workList, base);
    return at(this.workList, this.isWork(d) ? base + n : base + n - 1);
  }

  /** The working day n working days before working day d. */
  subWd(d: number, n: number): number {
    return at(this.workList, Math.max(0, at(this.ord, d) - n));
  }

  /** Working days in [a, b). */
  wdBetween(a: number, b: number): number {
    return at(this.ord, b) - at(this.ord, a);
  }
}

export const cal = new Calendar();
export const FIRST_DAY = dayOfIso('2024-01-01');
export const LAST_DAY = dayOfIso('2025-12-31');
/** Export snapshot: nothing after this instant is known. */
export const CUTOFF = LAST_DAY * DAY + DAY - 1;

export const dayOf = (t: number): number => Math.floor(t / DAY);
export const secOf = (t: number): number => t - dayOf(t) * DAY;
export const endOfDay = (d: number): number => d * DAY + DAY - 1;

export function fmtDateTime(t: number): string {
  const s = secOf(t);
  const hh = Math.floor(s / HOUR);
  const mm = Math.floor((s % HOUR) / MIN);
  return `${cal.iso(dayOf(t))} ${pad(hh)}:${pad(mm)}:${pad(s % MIN)}`;
}
export const fmtDate = (d: number): string => cal.iso(d);
export const compactDate = (d: number): string => cal.iso(d).replaceAll('-', '');

/** A random instant inside office hours [from, to) of day d. */
export const officeTime = (rng: Rng, d: number, from = 8.5 * HOUR, to = 18 * HOUR): number =>
  d * DAY + rng.int(from, to - 1);

/** People rate and call back while awake: a night-time instant moves to the next morning. */
export function awake(rng: Rng, t: number): number {
  const s = secOf(t);
  if (s >= 7 * HOUR && s < 23 * HOUR) return t;
  const d = s < 7 * HOUR ? dayOf(t) : dayOf(t) + 1;
  return d * DAY + rng.int(7 * HOUR, 10 * HOUR);
}

/** Linear position of a day inside the 24-month period, 0 … 1 (for trends). */
export const trendPos = (d: number): number => (d - FIRST_DAY) / (LAST_DAY - FIRST_DAY);
