import type { Engine } from '../engine/types.ts';
import { fieldColumnTypes } from '../schema/column-types.ts';
import type { DatasetDef } from '../schema/types.ts';
import { ident } from '../sql/quote.ts';

/**
 * A dataset's rows are stored with only the columns its file had (and the columns derived from them); the
 * dataset's canonical table (`cases`, …) is a view over them that reads every other canonical column as a
 * typed NULL. An in-memory DuckDB table does not compress, so the 39 columns a 13-column 办件 export lacks
 * cost as much as real ones did (1M rows: ≈ 8 MB each); through the view they cost nothing, and queries
 * read the view exactly as they read the table (DuckDB inlines it, filters still reach the scan).
 */
export const storeOf = (table: string): string => `__${table}_rows`;

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
  const t = await engine.query(
    `SELECT (SELECT count(*) FROM duckdb_views() WHERE database_name = current_database()
       AND schema_name = 'main' AND view_name = ?) AS views`,
    [name],
  );
  const kind = Number(t.get(0)?.views) > 0 ? 'VIEW' : 'TABLE';
  await engine.exec(`DROP ${kind} IF EXISTS ${ident(name)}`);
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
 * (Re)defines `name` as the view of `def`'s store (see storeOf) with the columns `viewColumns` gives,
 * replacing whatever `name` was (a table made before stores existed, too).
 */
export async function defineView(
  engine: Engine,
  name: string,
  def: DatasetDef,
  o: { hidden?: readonly string[]; after?: readonly string[] } = {},
): Promise<void> {
  const store = storeOf(def.table);
  const columns = (await relationColumns(engine, store)) ?? [];
  const list = viewColumns(def, columns, o.hidden, o.after);
  await dropRelation(engine, name);
  await engine.exec(`CREATE VIEW ${ident(name)} AS SELECT ${list.join(', ')} FROM ${ident(store)}`);
}
