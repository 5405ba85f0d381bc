import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chineseCalendar, type WorkCalendar } from '../calendar/calendar.ts';
import { installCalendar } from '../calendar/sql.ts';
import { WORK_CALENDAR, WORK_CALENDAR_TABLE } from '../calendar/sql-joins.ts';
import { viewSource } from '../import/dataset-view.ts';
import { loadedTables, prepareComputation } from '../indicators/compute.ts';
import { LIVE_PERIOD_COLUMN } from '../indicators/dimensions.ts';
import { CASE_FACTS } from '../indicators/facts.ts';
import { DATASETS } from '../schema/datasets.ts';
import type { DatasetDef } from '../schema/types.ts';
import { CALENDAR_BY_DAY, CALENDAR_BY_SEQ } from '../sql/dialect/clickhouse.ts';
import { ident, literal } from '../sql/quote.ts';
import type { ClickHouseEngine } from './clickhouse.ts';
import type { NodeEngine } from './node.ts';

/**
 * Loading into ClickHouse with the import's guarantees: the files are imported locally into native DuckDB
 * first (row ledger, mapping, PII masking, calendar and fact tables — the caller does that), then every
 * canonical table, `case_facts` and `work_calendar` is created in ClickHouse and filled with typed rows as
 * Parquet over HTTP, in batches.
 *
 * Re-running a file does not duplicate rows: data tables are ReplacingMergeTree ordered by (department,
 * time, id) and the engine reads with `final = 1`, so a row with the same id, department and time replaces
 * the earlier copy (an insert-dedup token would not do: it only recognises byte-identical batches, and a
 * re-export is rarely cut into the same batches). A corrected row whose department or time changed keeps
 * both versions until the older one is deleted (`ALTER TABLE … DELETE WHERE id = …`).
 */
export interface ClickHouseLoadOptions {
  /** `ON CLUSTER` name: local ReplicatedReplacingMergeTree tables `<t>_local` + `Distributed` tables `<t>`. */
  cluster?: string;
  /** Rows per insert (default 500,000). */
  batchRows?: number;
  calendar?: WorkCalendar;
  /** Called after each batch. */
  onProgress?: (table: string, rows: number) => void;
}

export interface ClickHouseLoadResult {
  table: string;
  rows: number;
}

/** The calendar installed in ClickHouse covers every date the dataRange clamp allows, so loads agree. */
const CALENDAR_RANGE = { from: '1990-01-01', to: '2100-12-31' };

const DUCK_TO_CH: Record<string, string> = {
  VARCHAR: 'String',
  BOOLEAN: 'Bool',
  TINYINT: 'Int8',
  SMALLINT: 'Int16',
  INTEGER: 'Int32',
  BIGINT: 'Int64',
  FLOAT: 'Float32',
  DOUBLE: 'Float64',
  DATE: 'Date32',
  TIMESTAMP: "DateTime64(6, 'UTC')",
};

/** A DuckDB list type whose elements ClickHouse takes as they are (e.g. DATE[]). */
const isList = (t: string) => t.endsWith('[]') && DUCK_TO_CH[t.slice(0, -2)] !== undefined;

/** Sort key parts of a dataset's table: department, reporting time, id (all present columns). */
function sortKey(
  def: DatasetDef | undefined,
  table: string,
  columns: string[],
): { order: string[]; time?: string } {
  const has = (c: string | undefined): c is string => c !== undefined && columns.includes(c);
  if (table === CASE_FACTS) return sortKey(DATASETS.cases, 'cases', columns);
  const dept = ['dept_name', 'publisher', 'agency', 'lead_dept'].find(has);
  const time = [
    def ? LIVE_PERIOD_COLUMN[def.key] : undefined,
    ...(def?.fields ?? []).filter((f) => f.type === 'datetime' || f.type === 'date').map((f) => f.key),
  ].find(has);
  const id = def?.fields.find((f) => f.primaryKey)?.key;
  const order = [dept, time, has(id) ? id : '_row'].filter(has);
  return { order, ...(time ? { time } : {}) };
}

export async function loadIntoClickHouse(
  duck: NodeEngine,
  ch: ClickHouseEngine,
  options: ClickHouseLoadOptions = {},
): Promise<ClickHouseLoadResult[]> {
  const calendar = options.calendar ?? chineseCalendar();
  await prepareComputation(duck, options.calendar ? { calendar } : {});
  await installCalendar(duck, calendar, CALENDAR_RANGE);
  const tables = await loadedTables(duck);
  const byTable = new Map(Object.values(DATASETS).map((d) => [d.table, d]));
  const wanted = [...tables.keys()].filter(
    (t) => byTable.has(t) || t === CASE_FACTS || t === WORK_CALENDAR_TABLE,
  );
  const on = options.cluster ? ` ON CLUSTER ${ident(options.cluster)}` : '';
  const dir = await mkdtemp(join(tmpdir(), 'ad-clickhouse-'));
  const out: ClickHouseLoadResult[] = [];
  try {
    for (const table of wanted) {
      const types = await duck.query(
        `SELECT column_name AS c, data_type AS t FROM information_schema.columns
         WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position`,
        [table],
      );
      const cols = types.toArray().map((r) => ({ name: String(r.c), duck: String(r.t) }));
      const chType = (t: string) => DUCK_TO_CH[t] ?? 'String';
      const colDdl = cols.map((c) => {
        // A DuckDB list (e.g. DATE[] of several consultations) is an Array, which ClickHouse cannot make
        // Nullable: an absent list arrives as an empty one.
        if (isList(c.duck)) return `${ident(c.name)} Array(Nullable(${chType(c.duck.slice(0, -2))}))`;
        const notNull = table === WORK_CALENDAR_TABLE && c.name !== 'is_workday' && c.name !== 'next_wd';
        return `${ident(c.name)} ${notNull ? chType(c.duck) : `Nullable(${chType(c.duck)})`}`;
      });
      const local = options.cluster ? ident(`${table}_local`) : ident(table);
      const replicated = options.cluster ? 'Replicated' : '';
      if (table === WORK_CALENDAR_TABLE) {
        // Replaced whole at each load (the same days, the same counts).
        await ch.exec(`DROP DICTIONARY IF EXISTS ${ident(CALENDAR_BY_DAY)}${on}`);
        await ch.exec(`DROP DICTIONARY IF EXISTS ${ident(CALENDAR_BY_SEQ)}${on}`);
        if (options.cluster) await ch.exec(`DROP TABLE IF EXISTS ${ident(table)}${on} SYNC`);
        await ch.exec(`DROP TABLE IF EXISTS ${local}${on} SYNC`);
        await ch.exec(
          `CREATE TABLE ${local}${on} (${colDdl.join(', ')}) ENGINE = ${replicated}MergeTree ORDER BY d`,
        );
      } else {
        const { order, time } = sortKey(
          byTable.get(table),
          table,
          cols.map((c) => c.name),
        );
        const partition = time ? ` PARTITION BY toYYYYMM(${ident(time)})` : '';
        await ch.exec(
          `CREATE TABLE IF NOT EXISTS ${local}${on} (${colDdl.join(', ')})
           ENGINE = ${replicated}ReplacingMergeTree${partition} ORDER BY (${order.map(ident).join(', ')})
           SETTINGS allow_nullable_key = 1`,
        );
        // A later file may carry columns an earlier one did not.
        for (const c of colDdl) await ch.exec(`ALTER TABLE ${local}${on} ADD COLUMN IF NOT EXISTS ${c}`);
      }
      if (options.cluster) {
        const key = byTable.get(table)?.fields.find((f) => f.primaryKey)?.key;
        const shard = key && cols.some((c) => c.name === key) ? `cityHash64(${ident(key)})` : 'rand()';
        await ch.exec(
          `CREATE TABLE IF NOT EXISTS ${ident(table)}${on} AS ${local}
           ENGINE = Distributed(${literal(options.cluster)}, currentDatabase(), ${literal(`${table}_local`)}, ${shard})`,
        );
        for (const c of colDdl)
          await ch.exec(`ALTER TABLE ${ident(table)}${on} ADD COLUMN IF NOT EXISTS ${c}`);
      }
      const select = cols
        .map((c) =>
          DUCK_TO_CH[c.duck] || isList(c.duck)
            ? ident(c.name)
            : `CAST(${ident(c.name)} AS VARCHAR) AS ${ident(c.name)}`,
        )
        .join(', ');
      // Batches are rowid ranges of the table, or of the store a dataset's view reads (a view has none).
      const view = await viewSource(duck, table);
      const stored = view ? ident(view.store) : ident(table);
      const batch = options.batchRows ?? 500_000;
      const rows = (from: number) =>
        view
          ? view.rows(from, from + batch)
          : `(SELECT * FROM ${stored} WHERE rowid >= ${from} AND rowid < ${from + batch})`;
      const total = Number((await duck.query(`SELECT count(*) AS n FROM ${stored}`)).get(0)?.n ?? 0);
      for (let from = 0; from < total; from += batch) {
        const file = join(dir, `${table}-${from}.parquet`);
        await duck.exec(`COPY (SELECT ${select} FROM ${rows(from)}) TO ${literal(file)} (FORMAT parquet)`);
        await ch.insert(ident(table), 'Parquet', new Uint8Array(await readFile(file)));
        await rm(file);
        options.onProgress?.(table, Math.min(total, from + batch));
      }
      out.push({ table, rows: total });
    }
    if (wanted.includes(WORK_CALENDAR_TABLE)) await createCalendarDictionaries(ch, on);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return out;
}

/** The two look-ups the dialect's `working_days_between` / `add_working_days` use (clickhouse.ts). */
async function createCalendarDictionaries(ch: ClickHouseEngine, on: string): Promise<void> {
  const T = WORK_CALENDAR;
  await ch.exec(
    `CREATE DICTIONARY ${ident(CALENDAR_BY_DAY)}${on} (dn UInt64, known Bool, wd_seq Int32, unknown_seq Int32)
     PRIMARY KEY dn
     SOURCE(CLICKHOUSE(QUERY ${literal(`SELECT toUInt64(toInt32(d)) AS dn, known, wd_seq, unknown_seq FROM ${T}`)}))
     LAYOUT(FLAT(MAX_ARRAY_SIZE 200000)) LIFETIME(0)`,
  );
  await ch.exec(
    `CREATE DICTIONARY ${ident(CALENDAR_BY_SEQ)}${on} (seq UInt64, d Date32, unknown_seq Int32)
     PRIMARY KEY seq
     SOURCE(CLICKHOUSE(QUERY ${literal(`SELECT toUInt64(wd_seq) AS seq, d, unknown_seq FROM ${T} WHERE is_workday`)}))
     LAYOUT(HASHED()) LIFETIME(0)`,
  );
}
