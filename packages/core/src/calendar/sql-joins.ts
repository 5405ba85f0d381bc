import { ident } from '../sql/quote.ts';

/**
 * The calendar inside DuckDB (native or WASM), so indicator SQL can count working days (DOMAIN §2.4); built
 * by sql.ts. Here: its name and columns, and the SQL that reads it (no calendar data: the indicator catalogue
 * imports this, and the holidays load only with the computations).
 *
 * `work_calendar` has one row per day of the installed range:
 * - `d` DATE PRIMARY KEY;
 * - `is_workday` BOOLEAN, NULL when the day's year is "calendar unknown";
 * - `known` BOOLEAN;
 * - `wd_seq` INTEGER: working days from the range start up to and including `d`, so the working days in
 *   (a, b] are `wd_seq(b) − wd_seq(a)` and the n-th working day after `a` is the working day with
 *   `wd_seq(a) + n`;
 * - `unknown_seq` INTEGER: unknown days up to and including `d`; equal values at both ends (and both ends
 *   known) prove that nothing in between is unknown, without scanning the interval;
 * - `next_wd` DATE: the first working day after `d` with no unknown day in between (the working day with
 *   `wd_seq(d) + 1` and the same `unknown_seq`), NULL when the range has none: a due day's late day.
 */
export const WORK_CALENDAR_TABLE = 'work_calendar';

/** The table's name quoted for SQL text. */
export const WORK_CALENDAR = ident(WORK_CALENDAR_TABLE);

/**
 * Join pattern for large tables: rather than a macro per row, join the calendar once per date column (hash
 * joins, no correlated subquery). `calendarJoin('ca', 't."received_at"')` →
 * `LEFT JOIN "work_calendar" AS "ca" ON "ca".d = CAST(t."received_at" AS DATE)`. `dateExpr` is SQL text and
 * must come from the library (a quoted column), never from users.
 */
export function calendarJoin(alias: string, dateExpr: string): string {
  return `LEFT JOIN ${WORK_CALENDAR} AS ${ident(alias)} ON ${ident(alias)}.d = CAST(${dateExpr} AS DATE)`;
}

/** Working days in (a, b] from two rows joined with `calendarJoin`; NULL wherever the macro is NULL. */
export function workingDaysBetweenExpr(aAlias: string, bAlias: string): string {
  const a = ident(aAlias);
  const b = ident(bAlias);
  return `CASE WHEN ${a}.known AND ${b}.known AND ${a}.unknown_seq = ${b}.unknown_seq
    THEN ${b}.wd_seq - ${a}.wd_seq END`;
}

/**
 * Joins the row `n` working days after the start row `startAlias` (itself from `calendarJoin`); read the
 * value with `dueDateExpr`, which also handles n = 0.
 */
export function dueDateJoin(dueAlias: string, startAlias: string, nExpr: string): string {
  const due = ident(dueAlias);
  const start = ident(startAlias);
  return `LEFT JOIN ${WORK_CALENDAR} AS ${due} ON ${due}.is_workday AND ${due}.wd_seq = ${start}.wd_seq + (${nExpr})
    AND ${due}.unknown_seq = ${start}.unknown_seq`;
}

/** The due date from `calendarJoin` + `dueDateJoin` rows: the same result as `add_working_days`. */
export function dueDateExpr(dueAlias: string, startAlias: string, nExpr: string): string {
  const due = ident(dueAlias);
  const start = ident(startAlias);
  return `CASE WHEN NOT ${start}.known OR (${nExpr}) < 0 THEN NULL
    WHEN (${nExpr}) = 0 THEN ${start}.d ELSE ${due}.d END`;
}
