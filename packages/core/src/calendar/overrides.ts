import { dayNumberOf, isoOf } from '../dates.ts';

/**
 * Host overrides of a working-day calendar, usually shipped by the portal as JSON:
 *
 * ```json
 * {
 *   "name": "某某自治县",
 *   "holidays": ["2025-06-10", "2027-02-05/2027-02-11"],
 *   "workdays": ["2025-06-14"],
 *   "years": [2027]
 * }
 * ```
 *
 * - `holidays`: dates that are NOT working days even on a weekday — regional ethnic holidays
 *   (《全国年节及纪念日放假办法》 Art.4), emergency 放假 changes, or a year's national arrangement typed
 *   in before the bundled data has it. An entry is one date or an inclusive range 'start/end' of at most
 *   31 days.
 * - `workdays`: dates that ARE working days even on a weekend (调休上班). Same entry forms.
 * - `years`: years whose arrangement is complete and may be trusted; added to the base calendar's coverage.
 *   Dates in a year that stays uncovered are kept, but that year remains "calendar unknown" (DOMAIN §2.4).
 * - `name`: appended to the base calendar's name so results say which calendar produced them.
 *
 * Override dates win over the base data. One date may not be both a holiday and a workday.
 */
export interface CalendarOverrides {
  name?: string;
  holidays?: readonly string[];
  workdays?: readonly string[];
  years?: readonly number[];
}

/** A calendar definition (overrides JSON or `weekendCalendar` options) is malformed. */
export class CalendarConfigError extends Error {
  override name = 'CalendarConfigError';
}

const KEYS = ['name', 'holidays', 'workdays', 'years'];
const MAX_RANGE_DAYS = 31;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

/** Short rendering of a bad value for error messages. */
const describe = (v: unknown): string =>
  v === null
    ? 'null'
    : Array.isArray(v)
      ? 'an array'
      : ['string', 'number', 'boolean'].includes(typeof v)
        ? JSON.stringify(v)
        : typeof v;

/**
 * Expands date entries ('YYYY-MM-DD' or 'YYYY-MM-DD/YYYY-MM-DD') into sorted unique dates; errors name the
 * entry, e.g. `calendar overrides: holidays[2] "2025-02-30" is not a date …`.
 */
export function parseDateEntries(value: unknown, field: string, context: string): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new CalendarConfigError(
      `${context}: "${field}" must be an array of "YYYY-MM-DD" strings, got ${describe(value)}`,
    );
  }
  const out = new Set<string>();
  value.forEach((entry: unknown, i) => {
    const at = `${context}: ${field}[${i}] ${describe(entry)}`;
    if (typeof entry !== 'string') throw new CalendarConfigError(`${at} is not a string`);
    const parts = entry.split('/').map((p) => p.trim());
    const first = parts[0] ?? '';
    const last = parts[1] ?? first;
    const start = dayNumberOf(first);
    const end = dayNumberOf(last);
    if (parts.length > 2 || start === undefined || end === undefined) {
      throw new CalendarConfigError(
        `${at} is not a date; use "YYYY-MM-DD" or an inclusive range "YYYY-MM-DD/YYYY-MM-DD"`,
      );
    }
    if (end < start) throw new CalendarConfigError(`${at} ends before it starts`);
    if (end - start >= MAX_RANGE_DAYS) {
      throw new CalendarConfigError(`${at} spans more than ${MAX_RANGE_DAYS} days; is it a typo?`);
    }
    const year = Number(first.slice(0, 4));
    if (year < MIN_YEAR || Number(last.slice(0, 4)) > MAX_YEAR) {
      throw new CalendarConfigError(`${at} is outside the years ${MIN_YEAR}–${MAX_YEAR}`);
    }
    for (let d = start; d <= end; d++) out.add(isoOf(d));
  });
  return [...out].sort();
}

/** Validates a list of covered years (whole numbers within MIN_YEAR…MAX_YEAR). */
export function parseYears(value: unknown, field: string, context: string): number[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    throw new CalendarConfigError(`${context}: "${field}" must be an array of years, got ${describe(value)}`);
  }
  value.forEach((y: unknown, i) => {
    if (typeof y !== 'number' || !Number.isInteger(y) || y < MIN_YEAR || y > MAX_YEAR) {
      throw new CalendarConfigError(
        `${context}: ${field}[${i}] ${describe(y)} is not a whole year between ${MIN_YEAR} and ${MAX_YEAR}`,
      );
    }
  });
  return [...new Set(value as number[])].sort((a, b) => a - b);
}

/** Throws when a date is both a holiday and a workday: the author must decide which it is. */
export function assertDisjoint(
  holidays: readonly string[],
  workdays: readonly string[],
  context: string,
): void {
  const rest = new Set(holidays);
  const clash = workdays.find((d) => rest.has(d));
  if (clash) {
    throw new CalendarConfigError(`${context}: ${clash} is listed both in "holidays" and in "workdays"`);
  }
}

/**
 * Validates host overrides (a parsed JSON value or the JSON text itself) and returns them normalised:
 * ranges expanded, dates sorted and de-duplicated. Throws `CalendarConfigError` naming the bad entry.
 */
export function parseCalendarOverrides(json: unknown): CalendarOverrides {
  const context = 'calendar overrides';
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (e) {
      throw new CalendarConfigError(`${context}: not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CalendarConfigError(
      `${context}: expected an object like {"holidays": ["2025-06-10"]}, got ${describe(value)}`,
    );
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!KEYS.includes(key)) {
      throw new CalendarConfigError(`${context}: unknown key "${key}"; allowed keys are ${KEYS.join(', ')}`);
    }
  }
  const { name } = record;
  if (name !== undefined && (typeof name !== 'string' || !name.trim())) {
    throw new CalendarConfigError(`${context}: "name" must be a non-empty string, got ${describe(name)}`);
  }
  const holidays = parseDateEntries(record.holidays, 'holidays', context);
  const workdays = parseDateEntries(record.workdays, 'workdays', context);
  assertDisjoint(holidays, workdays, context);
  const years = parseYears(record.years, 'years', context);
  return { ...(name === undefined ? {} : { name: name.trim() }), holidays, workdays, years };
}
