import type { Engine } from '../engine/types.ts';
import { CASE_FACT_COLUMNS, CASE_FACTS, CASE_FACTS_STORE } from '../indicators/case-fact-names.ts';
import { fieldColumnTypes } from '../schema/column-types.ts';
import { DATASETS, isDatasetKey } from '../schema/datasets.ts';
import type { DatasetDef } from '../schema/types.ts';
import { ident } from '../sql/quote.ts';
import { LEDGER_TABLE } from './ledger.ts';

/**
 * A dataset's rows are stored with only the columns its file had (and the columns derived from them); the
 * dataset's canonical table (`cases`, …) is a view over them that reads every other canonical column as a
 * typed NULL. An in-memory DuckDB table does not compress, so the 39 columns a 13-column 办件 export lacks
 * cost as much as real ones did (1M rows: ≈ 8 MB each); through the view they cost nothing, and queries
 * read the view exactly as they read the table (DuckDB inlines it, filters still reach the scan).
 */
export const storeOf = (table: string): string => `__${table}_rows`;

const DATASET_TABLES = new Set(Object.values(DATASETS).map((d) => d.table));

/**
 * The columns of dataset table `table` that can hold a value, from `tables` (the loaded relations'
 * columns): those its store has when it is a view over one (the others read as typed NULL, and scanning
 * them for a value, a date range or the latest time read every row for nothing); else all of them.
 */
export function valueColumns(tables: ReadonlyMap<string, readonly string[]>, table: string): string[] {
  const columns = tables.get(table) ?? [];
  const stored = DATASET_TABLES.has(table) ? tables.get(storeOf(table)) : undefined;
  return stored ? columns.filter((c) => stored.includes(c)) : [...columns];
}

/** Columns of a table or view of the current database, in order; undefined when there is none of that name. */
export async function relationColumns(engine: Engine, name: string): Promise<string[] | undefined> {
  const t = await engine.query(
    `SELECT column_name AS c FROM duckdb_columns()
     WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index`,
    [name],
  );
  const columns = t.toArray().map((r) => String(r.c));
  return columns.length ? columns : undefined;
}

/** Drops a table or a view, whichever `name` is (DuckDB refuses DROP TABLE on a view and the reverse). */
export async function dropRelation(engine: Engine, name: string): Promise<void> {
  // Tried as a view first: DuckDB refuses to drop a table that way, and asking its catalogue which one it
  // is cost DuckDB-WASM 50–70 ms.
  try {
    await engine.exec(`DROP VIEW IF EXISTS ${ident(name)}`);
  } catch (e) {
    if (!(e instanceof Error) || !/is of type Table/i.test(e.message)) throw e;
    await engine.exec(`DROP TABLE IF EXISTS ${ident(name)}`);
  }
}

/**
 * The select list of a dataset's view over stored `columns`: every canonical column in schema order
 * (stored, or a typed NULL), the file's extra columns, then `after` (derived columns, when asked for).
 * Columns named in `hidden` (derived ones the view leaves out) are never taken for extras.
 */
export function viewColumns(
  def: DatasetDef,
  columns: readonly string[],
  hidden: readonly string[] = [],
  after: readonly string[] = [],
): string[] {
  const stored = new Set(columns);
  const canonical = new Set<string>(['_row']);
  const out = stored.has('_row') ? ['_row'] : [];
  for (const field of def.fields) {
    for (const [column, type] of fieldColumnTypes(field)) {
      canonical.add(column);
      out.push(stored.has(column) ? ident(column) : `CAST(NULL AS ${type}) AS ${ident(column)}`);
    }
  }
  const skip = new Set([...canonical, ...hidden, ...after]);
  out.push(...columns.filter((c) => !skip.has(c)).map(ident));
  out.push(...after.filter((c) => stored.has(c)).map(ident));
  return out;
}

/**
 * A view of a dataset's store: its name, which derived columns it leaves out or adds (see viewColumns), and
 * the table beside the store those come from, row by row (`beside`: read by POSITIONAL JOIN).
 */
interface ViewDef {
  name: string;
  hidden?: readonly string[];
  after?: readonly string[];
  beside?: string;
}

/** The views over `def`'s store: the dataset's own table, and for the cases the same with their facts. */
function viewsOf(def: DatasetDef): ViewDef[] {
  if (def.table !== 'cases') return [{ name: def.table }];
  return [
    { name: def.table, hidden: CASE_FACT_COLUMNS },
    { name: CASE_FACTS, after: CASE_FACT_COLUMNS, beside: CASE_FACTS_STORE },
  ];
}

/**
 * The relations a database holds right after importing `datasets` into it, when it was empty before: each
 * dataset's store and its views (bar those beside a table an import drops: the case facts), and the row
 * ledger (undefined for a dataset it does not know). For loadedTables, which then need not enumerate the
 * catalogue.
 */
export function importedRelations(datasets: readonly string[]): string[] | undefined {
  if (!datasets.every(isDatasetKey)) return undefined;
  const out = datasets.flatMap((key) => {
    const def = DATASETS[key];
    return [storeOf(def.table), ...viewsOf(def).flatMap((v) => (v.beside ? [] : [v.name]))];
  });
  return [...new Set([...out, LEDGER_TABLE])];
}

/** What a view reads: its store, or the store and the table beside it, paired by position. */
const viewFrom = (store: string, view: ViewDef) =>
  view.beside ? `${ident(store)} POSITIONAL JOIN ${ident(view.beside)}` : ident(store);

/**
 * (Re)defines the views of `def`'s store (see storeOf), replacing whatever held their names (a table made
 * before stores existed, too). A view whose table beside the store does not exist (the case facts before
 * their first computation) is left undefined. `made`: the store's columns, from an import that has just
 * written the store and dropped the tables beside it (no catalogue query then: each cost DuckDB-WASM
 * 20–190 ms).
 */
export async function defineViews(engine: Engine, def: DatasetDef, made?: readonly string[]): Promise<void> {
  const store = storeOf(def.table);
  const views = viewsOf(def);
  const { columnsOf, tables } = made
    ? { columnsOf: (t: string) => (t === store ? [...made] : []), tables: undefined }
    : await catalogue(engine, store, views);
  for (const view of views) {
    const besides = view.beside ? columnsOf(view.beside) : [];
    if (view.beside && !besides.length) continue;
    if (tables?.has(view.name)) await engine.exec(`DROP TABLE ${ident(view.name)}`);
    const list = viewColumns(def, [...columnsOf(store), ...besides], view.hidden, view.after);
    const create = `CREATE OR REPLACE VIEW ${ident(view.name)} AS SELECT ${list.join(', ')} FROM ${viewFrom(store, view)}`;
    try {
      await engine.exec(create);
    } catch (e) {
      // Unasked, the name may hold a table (DuckDB replaces a view by a view only).
      if (tables || !(e instanceof Error) || !/is of type Table/i.test(e.message)) throw e;
      await engine.exec(`DROP TABLE ${ident(view.name)}`);
      await engine.exec(create);
    }
  }
}

/**
 * In one catalogue query: the columns of the store and of the tables beside it, and which of the views'
 * names a table holds.
 */
async function catalogue(
  engine: Engine,
  store: string,
  views: ViewDef[],
): Promise<{ columnsOf(table: string): string[]; tables: Set<string> }> {
  const beside = views.flatMap((v) => (v.beside ? [v.beside] : []));
  const t = await engine.query(
    `SELECT table_name AS r, column_name AS c, NULL AS t, column_index AS i FROM duckdb_columns()
       WHERE database_name = current_database() AND schema_name = 'main'
         AND table_name IN (${[store, ...beside].map(() => '?').join(', ')})
     UNION ALL SELECT NULL, NULL, table_name, -1 FROM duckdb_tables()
       WHERE database_name = current_database() AND schema_name = 'main'
         AND table_name IN (${views.map(() => '?').join(', ')})
     ORDER BY i`,
    [store, ...beside, ...views.map((v) => v.name)],
  );
  const rows = t.toArray();
  return {
    columnsOf: (table) => rows.filter((r) => r.r === table).map((r) => String(r.c)),
    tables: new Set(rows.filter((r) => r.t !== null).map((r) => String(r.t))),
  };
}

/**
 * What view `name` reads, to read it in parts by the store's rowid (a view has none): its store and the
 * view's rows with rowids in [from, to); undefined when `name` is not a dataset's view.
 */
export async function viewSource(
  engine: Engine,
  name: string,
): Promise<{ store: string; rows(from: number, to: number): string } | undefined> {
  for (const def of Object.values(DATASETS)) {
    const view = viewsOf(def).find((v) => v.name === name);
    if (!view) continue;
    const store = storeOf(def.table);
    const columns = await relationColumns(engine, store);
    if (!columns) return undefined;
    const besides = view.beside ? ((await relationColumns(engine, view.beside)) ?? []) : [];
    const select = viewColumns(def, [...columns, ...besides], view.hidden, view.after).join(', ');
    const part = (table: string, from: number, to: number) =>
      `(SELECT * FROM ${ident(table)} WHERE rowid >= ${from} AND rowid < ${to})`;
    return {
      store,
      rows: (from, to) =>
        `(SELECT ${select} FROM ${part(store, from, to)}${
          view.beside ? ` POSITIONAL JOIN ${part(view.beside, from, to)}` : ''
        })`,
    };
  }
  return undefined;
}
