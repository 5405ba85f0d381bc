import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { isoOf, toDayNumber, weekdayOf, yearOfDay } from '../dates.ts';
import { isKnownYear, type WorkCalendar } from './calendar.ts';

/** How a calendar treats one day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup' | 'unknown';

/** The special days of a date range, for drawing (e.g. a calendar heatmap) rather than for arithmetic. */
export interface CalendarDays {
  /** Rest days that are not regular weekends by rule: 法定节假日 and 调休 rest days, in date order. */
  holidays: string[];
  /** 调休上班: days on the regular weekend that are working days, in date order. */
  workdays: string[];
  /** Years of the range the calendar has no arrangement for ("calendar unknown"). */
  unknownYears: number[];
}

/**
 * Holidays and 调休 make-up working days of a calendar between two ISO dates (inclusive), DOM-free, e.g.
 * `calendarDays(chineseCalendar(), '2025-01-01', '2025-12-31')`. Holidays that fall on a weekend are listed
 * too (a 国庆 Saturday is still a holiday on a printed calendar).
 */
export function calendarDays(cal: WorkCalendar, from: string, to: string): CalendarDays {
  const a = toDayNumber(from, 'from');
  const b = toDayNumber(to, 'to');
  const holidays: string[] = [];
  const workdays: string[] = [];
  const unknown = new Set<number>();
  for (let d = a; d <= b; d++) {
    const iso = isoOf(d);
    if (!isKnownYear(cal, yearOfDay(d))) unknown.add(yearOfDay(d));
    if (cal.holidays.has(iso)) holidays.push(iso);
    else if (cal.workdays.has(iso) && cal.weekend.has(weekdayOf(d))) workdays.push(iso);
  }
  return { holidays, workdays, unknownYears: [...unknown] };
}

/** The kind of one day under a calendar. */
export function dayKind(cal: WorkCalendar, iso: string): DayKind {
  const d = toDayNumber(iso);
  if (!isKnownYear(cal, yearOfDay(d))) return 'unknown';
  if (cal.holidays.has(iso)) return 'holiday';
  const weekend = cal.weekend.has(weekdayOf(d));
  if (cal.workdays.has(iso)) return weekend ? 'makeup' : 'workday';
  return weekend ? 'weekend' : 'workday';
}

let names: Map<string, { zh: string; en: string }> | undefined;

/**
 * The festival each national holiday or 调休 day belongs to, from the same `chinese-days` data as
 * `chineseCalendar`: '2025-04-04' → { zh: '清明', en: 'Tomb-sweeping Day' }; the 调休上班 day
 * '2025-01-26' → { zh: '春节', … }. Host override dates have no name.
 */
export function nationalDayName(iso: string): { zh: string; en: string } | undefined {
  if (!names) {
    names = new Map();
    const all = {
      ...(data.workdays as Record<string, string>),
      ...(data.holidays as Record<string, string>),
    };
    for (const [date, text] of Object.entries(all)) {
      const [en, zh] = text.split(',');
      if (en && zh) names.set(date, { zh, en });
    }
  }
  return names.get(iso);
}
