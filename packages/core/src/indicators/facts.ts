import { chineseCalendar, type WorkCalendar } from '../calendar/calendar.ts';
import { installCalendar, installCalendarMacros } from '../calendar/sql.ts';
import { calendarJoin, dueDateExpr, dueDateJoin, workingDaysBetweenExpr } from '../calendar/sql-joins.ts';
import type { Engine } from '../engine/types.ts';
import { defineViews, relationColumns, storeOf, viewColumns } from '../import/dataset-view.ts';
import { DATASETS } from '../schema/datasets.ts';
import { ident } from '../sql/quote.ts';
import {
  CASE_FACT_COLUMNS,
  CASE_FACTS,
  CASE_FACTS_STORE,
  ENDED_WITHOUT_DECISION,
} from './case-fact-names.ts';
import { type DataRange, dataDates } from './data-dates.ts';

/**
 * Per-row facts several indicators share, computed once per load inside DuckDB on the working-day
 * calendar (DOMAIN §2.3–2.4, §8): due day, the first working day past it (late_day), elapsed working days
 * net of pauses, promised working days.
 * They do not depend on the as-of date, so filters and as-of changes reuse them.
 */
export { CASE_FACT_COLUMNS, CASE_FACTS } from './case-fact-names.ts';

// Plain joins to the calendar, not the per-row macros: at a million rows DuckDB-WASM ran out of memory
// decorrelating the macros' subqueries (bench), while hash joins on the day keys stay small. No ORDER BY:
// every reader aggregates or sorts itself (drill-down, watch list), and the sort cost a fifth of the build.
// Only the facts are written, in a table of their own in the store's row order (POSITIONAL JOIN pairs
// them by position; the left joins emit a chunk's unmatched rows after its matched ones, hence the sort on
// the store's rowid): rewriting the store with them copied every case column again (1M: 1.0 s, against 0.4 s).
// `stored`: the facts' own table (only the facts, in order); otherwise every column of the
// `case_facts` view, read inline (caseFactsInline).
// `elapsed`: false leaves elapsed_wd NULL, without its two calendar joins (the first overdue tile).
const caseFactsSelect = (cases: string, stored: boolean, elapsed = true) => `WITH c AS (
  SELECT *, CAST(accepted_at AS DATE) AS accepted_day, CAST(closed_at AS DATE) AS closed_day,
    coalesce(paused_wd, 0) AS pause_wd, coalesce(extension_wd, 0) AS ext_wd
  FROM ${cases}),
j AS (
  SELECT *,
    -- An exported promised due date is trusted, but pauses (行政许可法 Art.45) still move it.
    CASE WHEN promised_due_at IS NOT NULL THEN CAST(promised_due_at AS DATE) ELSE accepted_day END AS wd_start,
    CASE WHEN promised_due_at IS NOT NULL THEN pause_wd
      WHEN promised_limit_unit = 'wd' THEN promised_limit_value + ext_wd + pause_wd END AS wd_n
  FROM c),
f AS (
SELECT j.* EXCLUDE (wd_start, wd_n),
  CASE
    WHEN accepted_day IS NULL OR coalesce(status, '') IN ${ENDED_WITHOUT_DECISION} THEN NULL
    WHEN wd_n IS NOT NULL THEN ${dueDateExpr('c_due', 'c_start', 'wd_n')}
    WHEN promised_limit_unit = 'instant' THEN accepted_day
    WHEN promised_limit_unit = 'cd' THEN CAST(accepted_day + to_days(promised_limit_value + ext_wd) AS DATE)
    WHEN promised_limit_unit = 'h' THEN CAST(accepted_at + to_hours(promised_limit_value) AS DATE)
    WHEN promised_limit_unit = 'm' THEN CAST(accepted_day + to_months(promised_limit_value) AS DATE)
    WHEN promised_limit_unit = 'y' THEN CAST(accepted_day + to_years(promised_limit_value) AS DATE)
  END AS due_day,
  ${
    elapsed
      ? `CASE WHEN closed_day IS NOT NULL AND accepted_day IS NOT NULL
    THEN ${workingDaysBetweenExpr('c_acc', 'c_close')} - pause_wd END`
      : 'CAST(NULL AS INTEGER)'
  } AS elapsed_wd,
  CASE promised_limit_unit WHEN 'wd' THEN promised_limit_value WHEN 'instant' THEN 0 END AS promised_wd
FROM j
${calendarJoin('c_start', 'j.wd_start')}
${dueDateJoin('c_due', 'c_start', 'j.wd_n')}
${elapsed ? `${calendarJoin('c_acc', 'j.accepted_day')}\n${calendarJoin('c_close', 'j.closed_day')}` : ''})
SELECT ${
  stored
    ? CASE_FACT_COLUMNS.slice(0, -1)
        .map((k) => `f.${ident(k)}`)
        .join(', ')
    : 'f.* EXCLUDE (__rid)'
},
  CASE WHEN f.due_day IS NOT NULL THEN coalesce(c_dd.next_wd, f.due_day + 1) END AS late_day
FROM f
${calendarJoin('c_dd', 'f.due_day')}
${stored ? 'ORDER BY f.__rid' : ''}`;

/** The cases' store as the `cases` view reads it, with the store's rowid as `__rid`. */
async function casesWithRowid(
  engine: Engine,
  tables?: ReadonlyMap<string, readonly string[]>,
): Promise<string> {
  const def = DATASETS.cases;
  const store = storeOf(def.table);
  let columns = tables?.get(store) ?? (await relationColumns(engine, store));
  if (!columns) {
    // A `cases` table made without a store (a test's own table) becomes the store: renaming copies nothing.
    await engine.exec(`ALTER TABLE ${ident(def.table)} RENAME TO ${ident(store)}`);
    await defineViews(engine, def);
    columns = (await relationColumns(engine, store)) ?? [];
  }
  return `(SELECT ${viewColumns(def, [...columns]).join(', ')}, rowid AS __rid FROM ${ident(store)})`;
}

/**
 * `sql` reading `case_facts` computed inline rather than from the facts' table, for the first tiles:
 * counting over the facts once costs less than writing them (1M: 0.2 against 0.4 s), and the table is
 * built after the first paint. Needs the calendar (prepareCalendar). `elapsed`: false when `sql` does not
 * read elapsed_wd (left NULL). `tables`: the loaded relations' columns, when the caller has them.
 */
export async function caseFactsInline(
  engine: Engine,
  sql: string,
  elapsed = true,
  tables?: ReadonlyMap<string, readonly string[]>,
): Promise<string> {
  const facts = caseFactsSelect(await casesWithRowid(engine, tables), false, elapsed);
  return `WITH ${ident(CASE_FACTS)} AS (${facts}) SELECT * FROM (${sql})`;
}

/**
 * Installs the working-day calendar over the loaded data's dates (data-dates.ts; `range` when known).
 * `macros: false`: without its macros (installCalendar).
 */
export async function prepareCalendar(
  engine: Engine,
  tables: Map<string, string[]>,
  calendar: WorkCalendar = chineseCalendar(),
  range?: DataRange,
  macros = true,
): Promise<void> {
  await installCalendar(engine, calendar, range ?? (await dataDates(engine, tables)).range, { macros });
}

/**
 * Installs the calendar and builds the fact tables (cases so far). Imports drop both (see
 * import/load-dataset.ts), so the next computation rebuilds them for the new data. `calendarInstalled`:
 * the table is there already for this data and calendar (the first tiles' own), only its macros are made.
 */
export async function prepareFacts(
  engine: Engine,
  tables: Map<string, string[]>,
  calendar: WorkCalendar = chineseCalendar(),
  range?: DataRange,
  calendarInstalled = false,
): Promise<void> {
  if (calendarInstalled) await installCalendarMacros(engine);
  else await prepareCalendar(engine, tables, calendar, range);
  if (tables.has('cases')) await buildCaseFacts(engine);
}

/**
 * Builds the facts of the cases' store (replacing facts an earlier build left) and defines the views:
 * `cases`, and `case_facts` with the facts.
 */
async function buildCaseFacts(engine: Engine): Promise<void> {
  const cases = await casesWithRowid(engine);
  await engine.exec(`CREATE OR REPLACE TABLE ${ident(CASE_FACTS_STORE)} AS ${caseFactsSelect(cases, true)}`);
  await defineViews(engine, DATASETS.cases);
}
