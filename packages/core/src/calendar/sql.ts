import { isoOf, toDayNumber } from '../dates.ts';
import type { Engine } from '../engine/types.ts';
import { literal } from '../sql/quote.ts';
import { isKnownYear, type WorkCalendar } from './calendar.ts';
import { WORK_CALENDAR as T } from './sql-joins.ts';

// Builds and installs the calendar table that sql-joins.ts describes (DOMAIN §2.4).

export interface CalendarRange {
  /** First day, 'YYYY-MM-DD': the earliest date the data can contain. */
  from: string;
  /** Last day: leave room after the latest receipt for due dates (20 + 20 working days ≈ 2 months). */
  to: string;
}

/** Installing more than this many days is almost certainly a mistake (two centuries). */
const MAX_RANGE_DAYS = 73_050;

const date = (iso: string): string => `DATE ${literal(iso)}`;

/** Exceptions to the weekly pattern inside the range, as one VALUES list (tens per year, not thousands). */
function exceptionRows(cal: WorkCalendar, first: number, last: number): string {
  const inRange = (d: string) => {
    const n = toDayNumber(d);
    return n >= first && n <= last;
  };
  const rows = [
    ...[...cal.holidays].filter(inRange).map((d) => `(${date(d)}, false)`),
    ...[...cal.workdays].filter(inRange).map((d) => `(${date(d)}, true)`),
  ];
  return rows.length
    ? `(VALUES ${rows.join(', ')}) AS x(d, work)`
    : '(SELECT NULL::DATE AS d, NULL::BOOLEAN AS work WHERE false) AS x';
}

/** SQL condition on `days.d` that is true for days in covered years. */
function knownCondition(cal: WorkCalendar, first: number, last: number): string {
  if (cal.years === 'all') return 'true';
  const years: number[] = [];
  for (let y = Number(isoOf(first).slice(0, 4)); y <= Number(isoOf(last).slice(0, 4)); y++) {
    if (isKnownYear(cal, y)) years.push(y);
  }
  return years.length ? `year(days.d) IN (${years.join(', ')})` : 'false';
}

/**
 * The statements that (re)create `work_calendar` for `range`: the DDL and ONE insert built from a generated
 * day series plus the calendar's exception list, with both running counts from window sums.
 */
export function calendarTableSql(cal: WorkCalendar, range: CalendarRange): string[] {
  const first = toDayNumber(range.from, 'range.from');
  const last = toDayNumber(range.to, 'range.to');
  if (last < first) throw new RangeError(`range.to ${range.to} is before range.from ${range.from}`);
  if (last - first >= MAX_RANGE_DAYS) throw new RangeError(`range ${range.from}…${range.to} is too long`);
  const known = knownCondition(cal, first, last);
  const weekend = [...cal.weekend].sort().join(', ') || '-1';
  return [
    `CREATE OR REPLACE TABLE ${T} (d DATE PRIMARY KEY, is_workday BOOLEAN, known BOOLEAN NOT NULL,
      wd_seq INTEGER NOT NULL, unknown_seq INTEGER NOT NULL, next_wd DATE)`,
    `INSERT INTO ${T}
    WITH c AS (SELECT d, is_workday, known,
      CAST(sum(CASE WHEN is_workday THEN 1 ELSE 0 END) OVER w AS INTEGER) AS wd_seq,
      CAST(sum(CASE WHEN known THEN 0 ELSE 1 END) OVER w AS INTEGER) AS unknown_seq
    FROM (
      SELECT days.d, ${known} AS known,
        CASE WHEN ${known} THEN coalesce(x.work, dayofweek(days.d) NOT IN (${weekend})) END AS is_workday
      FROM (SELECT CAST(g.ts AS DATE) AS d
            FROM generate_series(${date(range.from)}, ${date(range.to)}, INTERVAL 1 DAY) AS g(ts)) AS days
      LEFT JOIN ${exceptionRows(cal, first, last)} ON x.d = days.d
    )
    WINDOW w AS (ORDER BY d ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW))
    SELECT c.d, c.is_workday, c.known, c.wd_seq, c.unknown_seq, n.d
    FROM c LEFT JOIN c AS n ON n.is_workday AND n.wd_seq = c.wd_seq + 1 AND n.unknown_seq = c.unknown_seq
    ORDER BY c.d`,
  ];
}

/**
 * Scalar macros over `work_calendar`. Arguments may be DATE, TIMESTAMP or 'YYYY-MM-DD' text (a timestamp
 * counts as its calendar date). They return NULL when a day involved is outside the installed range or in
 * an unknown year; inside the range they give exactly the TypeScript answers, null included.
 * - `working_days_between(a, b)`: working days in (a, b]; 0 on the same day; negative when b < a.
 * - `add_working_days(start_day, n)`: the n-th working day after `start_day` (not counted); n = 0 → start.
 * - `paused_working_days(a, b, pause_start, pause_end)`: working days of (a, b] inside one inclusive pause
 *   (negative when b < a), to subtract per pause row (条例 Art.33, 行政许可法 Art.45); overlapping pauses
 *   must be merged first; NULL when pause_end < pause_start.
 */
export const CALENDAR_MACROS_SQL: readonly string[] = [
  // One scalar subquery per end, each returning the whole calendar row as a struct: about 5× faster than
  // joining two calendar aliases inside the macro, which DuckDB decorrelates less well.
  `CREATE OR REPLACE MACRO working_days_between(a, b) AS (
    SELECT CASE WHEN wa.known AND wb.known AND wa.unknown_seq = wb.unknown_seq THEN wb.wd_seq - wa.wd_seq END
    FROM (SELECT
      (SELECT ca FROM ${T} AS ca WHERE ca.d = CAST(a AS DATE)) AS wa,
      (SELECT cb FROM ${T} AS cb WHERE cb.d = CAST(b AS DATE)) AS wb)
  )`,
  // Two scalar subqueries with inner joins only: DuckDB cannot decorrelate an outer join on a macro argument.
  `CREATE OR REPLACE MACRO add_working_days(start_day, n) AS (
    CASE WHEN n = 0 THEN (SELECT cs.d FROM ${T} AS cs WHERE cs.d = CAST(start_day AS DATE) AND cs.known)
    WHEN n > 0 THEN (
      SELECT cd.d FROM ${T} AS cs, ${T} AS cd
      WHERE cs.d = CAST(start_day AS DATE) AND cs.known
        AND cd.wd_seq = cs.wd_seq + n AND cd.is_workday AND cd.unknown_seq = cs.unknown_seq)
    END
  )`,
  `CREATE OR REPLACE MACRO paused_working_days(a, b, pause_start, pause_end) AS (
    CASE WHEN working_days_between(a, b) IS NULL OR CAST(pause_start AS DATE) > CAST(pause_end AS DATE)
      THEN NULL
    ELSE (CASE WHEN CAST(b AS DATE) < CAST(a AS DATE) THEN -1 ELSE 1 END) * greatest(0, coalesce(
      working_days_between(
        greatest(CAST(pause_start AS DATE) - 1, least(CAST(a AS DATE), CAST(b AS DATE))),
        least(CAST(pause_end AS DATE), greatest(CAST(a AS DATE), CAST(b AS DATE)))),
      0)) END
  )`,
];

/** Engines given the calendar's table without its macros (any other engine has them, or its server does). */
const withoutMacros = new WeakSet<Engine>();
const MACRO_CALL = /\b(?:working_days_between|add_working_days|paused_working_days)\s*\(/;

/**
 * Creates `work_calendar` for `range` and the macros above. Run it again after changing the calendar or
 * when the data needs a wider range; it replaces both. `macros: false`: the table only, the macros left
 * to the first query that calls one (withCalendarMacros): the first tiles need none, and creating them
 * took DuckDB-WASM 40–65 ms before those tiles.
 */
export async function installCalendar(
  engine: Engine,
  cal: WorkCalendar,
  range: CalendarRange,
  options: { macros?: boolean } = {},
): Promise<void> {
  const macros = options.macros !== false;
  // One trip to the engine for all of them (DuckDB-WASM: five trips to its worker cost the first paint).
  await engine.exec([...calendarTableSql(cal, range), ...(macros ? CALENDAR_MACROS_SQL : [])].join(';\n'));
  // The macros read `work_calendar` when called: once created, a new table keeps them valid.
  if (macros) withoutMacros.delete(engine);
  else withoutMacros.add(engine);
}

/** Creates the calendar's macros first when `sql` calls one and `engine` got the table without them. */
export async function withCalendarMacros(engine: Engine, sql: string): Promise<void> {
  if (MACRO_CALL.test(sql)) await installCalendarMacros(engine);
}

/** Creates the calendar's macros over the installed table, unless `engine` has them already. */
export async function installCalendarMacros(engine: Engine): Promise<void> {
  if (!withoutMacros.has(engine)) return;
  await engine.exec(CALENDAR_MACROS_SQL.join(';\n'));
  withoutMacros.delete(engine);
}
