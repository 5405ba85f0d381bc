import { nationalArrangement } from './chinese-days-data.ts';
import {
  assertDisjoint,
  CalendarConfigError,
  type CalendarOverrides,
  parseCalendarOverrides,
  parseDateEntries,
  parseYears,
} from './overrides.ts';

/**
 * A working-day calendar as plain data (structured-cloneable, so it can be posted to a worker). Per DOMAIN
 * §2.4: `is_workday(d) = d ∈ workdays or (weekday(d) ∉ weekend and d ∉ holidays)`, and only for years in
 * `years`; any other year is "calendar unknown" and is never guessed as Mon–Fri. Treat a calendar as an
 * immutable value: derive variants with `withOverrides` (the arithmetic caches an index per calendar).
 */
export interface WorkCalendar {
  /** Says which calendar produced a result, e.g. 'CN national (chinese-days) + 某某自治县'. */
  readonly name: string;
  /** Years whose arrangement is complete, or 'all' when the host asserts the rules never change. */
  readonly years: 'all' | ReadonlySet<number>;
  /** Regular rest days: 0 = Sunday … 6 = Saturday. */
  readonly weekend: ReadonlySet<number>;
  /** Dates that are never working days: 法定节假日, 调休 rest days, regional holidays. */
  readonly holidays: ReadonlySet<string>;
  /** Dates that are always working days: 调休上班 weekend days. */
  readonly workdays: ReadonlySet<string>;
}

/** Covered years: a list, an inclusive range, or 'all' (only when the user explicitly says so). */
export type YearCoverage = 'all' | readonly number[] | { readonly from: number; readonly to: number };

export interface WeekendCalendarOptions {
  name?: string;
  /** Required on purpose: a calendar must state which years it knows. */
  years: YearCoverage;
  /** Dates or inclusive 'start/end' ranges that are not working days. */
  holidays?: readonly string[];
  /** Dates or ranges that are working days even on a weekend. */
  workdays?: readonly string[];
  /** Rest weekdays, 0 = Sunday … 6 = Saturday; default [0, 6]. */
  weekend?: readonly number[];
}

export function isKnownYear(cal: WorkCalendar, year: number): boolean {
  return cal.years === 'all' || cal.years.has(year);
}

function coverage(years: YearCoverage | undefined, context: string): 'all' | Set<number> {
  if (years === 'all') return 'all';
  if (typeof years !== 'object' || years === null) {
    throw new CalendarConfigError(
      `${context}: "years" is required: a list of years, { from, to }, or 'all' for an unlimited calendar`,
    );
  }
  if (Array.isArray(years)) return new Set(parseYears(years, 'years', context));
  const { from, to } = years as { from: number; to: number };
  parseYears([from, to], 'years', context);
  if (to < from) throw new CalendarConfigError(`${context}: years.to ${to} is before years.from ${from}`);
  return new Set(Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

/**
 * A calendar of weekends plus supplied holiday / make-up lists, for jurisdictions other than the national
 * PRC arrangement (or for tests). Coverage is explicit: dates outside `years` are "calendar unknown".
 */
export function weekendCalendar(options: WeekendCalendarOptions): WorkCalendar {
  const context = 'weekendCalendar';
  const weekend = options.weekend ?? [0, 6];
  weekend.forEach((w, i) => {
    if (!Number.isInteger(w) || w < 0 || w > 6) {
      throw new CalendarConfigError(
        `${context}: weekend[${i}] ${w} is not a weekday number 0 (Sun) … 6 (Sat)`,
      );
    }
  });
  if (new Set(weekend).size === 7) throw new CalendarConfigError(`${context}: weekend covers every day`);
  const holidays = parseDateEntries(options.holidays, 'holidays', context);
  const workdays = parseDateEntries(options.workdays, 'workdays', context);
  assertDisjoint(holidays, workdays, context);
  return {
    name: options.name ?? `weekends ${[...weekend].sort().join(',')}`,
    years: coverage(options.years, context),
    weekend: new Set(weekend),
    holidays: new Set(holidays),
    workdays: new Set(workdays),
  };
}

/**
 * Applies host overrides (see `CalendarOverrides`; validated here too, so raw JSON values are accepted).
 * Override dates win over the base calendar; `years` only ever adds coverage.
 */
export function withOverrides(cal: WorkCalendar, overrides: CalendarOverrides | undefined): WorkCalendar {
  if (overrides === undefined) return cal;
  const o = parseCalendarOverrides(overrides);
  const holidays = new Set(cal.holidays);
  const workdays = new Set(cal.workdays);
  for (const d of o.holidays ?? []) {
    holidays.add(d);
    workdays.delete(d);
  }
  for (const d of o.workdays ?? []) {
    workdays.add(d);
    holidays.delete(d);
  }
  return {
    name: o.name ? `${cal.name} + ${o.name}` : cal.name,
    years: cal.years === 'all' ? 'all' : new Set([...cal.years, ...(o.years ?? [])].sort((a, b) => a - b)),
    weekend: cal.weekend,
    holidays,
    workdays,
  };
}

/**
 * The national PRC calendar: 国务院办公厅 holiday notices with their 调休上班 days, from the `chinese-days`
 * package (2004–2026 in 1.5.7), under 《全国年节及纪念日放假办法》 as revised from 2025-01-01 (§2.4). Years
 * without a notice in the data are "calendar unknown" until a newer package or an override supplies them.
 * Working days are what 条例 Art.26/30/32/33 and 行政许可法 Art.42/82 count in.
 */
export function chineseCalendar(overrides?: CalendarOverrides): WorkCalendar {
  const national = nationalArrangement();
  const base: WorkCalendar = {
    name: 'CN national (chinese-days)',
    years: new Set(national.years),
    weekend: new Set([0, 6]),
    holidays: new Set(national.holidays),
    workdays: new Set(national.workdays),
  };
  return withOverrides(base, overrides);
}
