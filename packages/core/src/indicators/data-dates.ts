import type { Engine } from '../engine/types.ts';
import { valueColumns } from '../import/dataset-view.ts';
import { DATASETS } from '../schema/datasets.ts';
import { ident, literal } from '../sql/quote.ts';

/** The days the working-day calendar must cover (calendar/sql.ts CalendarRange). */
export interface DataRange {
  from: string;
  to: string;
}

/** A loaded dataset's date and date-time columns that hold values; `events`: those that are not due dates. */
function dateColumns(tables: ReadonlyMap<string, readonly string[]>) {
  return Object.values(DATASETS).flatMap((def) => {
    if (!tables.has(def.table)) return [];
    const cols = valueColumns(tables, def.table);
    const dates = def.fields.filter(
      (f) => (f.type === 'date' || f.type === 'datetime') && cols.includes(f.key),
    );
    return [
      {
        table: def.table,
        all: dates.map((f) => f.key),
        events: dates.filter((f) => !f.key.includes('due')).map((f) => f.key),
      },
    ];
  });
}

/** A dataset is loaded but no event time is (its export has none): no "as of", as its empty columns say. */
function noEvents(tables: ReadonlyMap<string, readonly string[]>): string {
  const any = Object.values(DATASETS).some((d) => tables.has(d.table));
  return any ? '' : new Date().toISOString().slice(0, 19).replace('T', ' ');
}

/**
 * One row per date column of `table` from ONE scan (each column's min and max: read in the scan, cast once
 * after, the casts being monotonic): `lo` and `hi` as DATE, `t` the latest time of an event column (NULL for
 * due dates). Aggregates over these rows ignore NULLs in every engine (least/greatest do not everywhere).
 */
function perColumn(table: string, all: string[], events: string[]): string {
  const scan = all.map((c, i) => `min(${ident(c)}) AS lo${i}, max(${ident(c)}) AS hi${i}`).join(', ');
  const rows = all.map(
    (c, i) =>
      `SELECT ${literal(table)} AS tb, CAST(lo${i} AS DATE) AS lo, CAST(hi${i} AS DATE) AS hi, ${events.includes(c) ? `CAST(hi${i} AS TIMESTAMP)` : 'CAST(NULL AS TIMESTAMP)'} AS t FROM s`,
  );
  return `SELECT tb, lo, hi, t FROM (WITH s AS (SELECT ${scan} FROM ${ident(table)}) ${rows.join(' UNION ALL ')})`;
}

/** The latest event timestamp across the loaded datasets (due dates lie in the future, so not them). */
export async function latestEvent(
  engine: Engine,
  tables: ReadonlyMap<string, readonly string[]>,
): Promise<string> {
  const parts = dateColumns(tables).flatMap(({ table, events }) =>
    events.length ? [perColumn(table, events, events)] : [],
  );
  if (!parts.length) return noEvents(tables);
  const t = await engine.query(
    `SELECT strftime(max(t), '%Y-%m-%d %H:%M:%S') AS t FROM (${parts.join(' UNION ALL ')})`,
  );
  return String(t.get(0)?.t ?? '');
}

/**
 * In one scan of each dataset: the calendar's range (every date in the data, plus room after the latest for
 * due dates, clamped so one absurd date, year 9999, cannot ask for a calendar of millennia) and the latest
 * event (latestEvent's answer).
 */
export async function dataDates(
  engine: Engine,
  tables: ReadonlyMap<string, readonly string[]>,
): Promise<{ range: DataRange; asOf: string; latest: LatestEvents }> {
  const columns = dateColumns(tables).filter((c) => c.all.length);
  const parts = columns.map(({ table, all, events }) => perColumn(table, all, events));
  // Each table's latest event to the microsecond, as text ('' when it has none).
  const latest = columns.map(
    ({ table }, i) =>
      `coalesce(CAST(max(CASE WHEN tb = ${literal(table)} THEN t END) AS VARCHAR), '') AS l${i}`,
  );
  const t = await engine.query(
    `SELECT strftime(greatest(DATE '1990-01-01', min(lo) - 31), '%Y-%m-%d') AS a,
            strftime(least(DATE '2100-12-31', max(hi) + 800), '%Y-%m-%d') AS b,
            strftime(max(t), '%Y-%m-%d %H:%M:%S') AS t${latest.map((l) => `, ${l}`).join('')}
     FROM (${parts.length ? parts.join(' UNION ALL ') : "SELECT '' AS tb, NULL::DATE AS lo, NULL::DATE AS hi, NULL::TIMESTAMP AS t"})`,
  );
  const row = t.get(0)?.toJSON() as Record<string, string | null> | undefined;
  const events = columns.some((c) => c.events.length);
  return {
    range: { from: row?.a ?? '2000-01-01', to: row?.b ?? '2000-12-31' },
    asOf: events ? String(row?.t ?? '') : noEvents(tables),
    latest: Object.fromEntries(columns.map(({ table }, i) => [table, String(row?.[`l${i}`] ?? '')])),
  };
}

/**
 * Each loaded table's latest event date-time ('YYYY-MM-DD HH:MM:SS[.ffffff]', '' for none), from the same
 * scan as the calendar's range: as of that time or later, replaying the table changes no row (replay.ts).
 */
export type LatestEvents = Readonly<Record<string, string>>;
