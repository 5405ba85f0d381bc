import type { Table } from 'apache-arrow';
import { tableRows } from '../engine/arrow-columns.ts';
import type { Engine } from '../engine/types.ts';
import { DATASETS } from '../schema/datasets.ts';
import { ident, literal } from '../sql/quote.ts';
import { NULL_KEY, queryCellsClickHouse } from './cells-clickhouse.ts';
import { groupedCellSql } from './cells-grouped.ts';
import type { IndicatorContext, IndicatorDef } from './types.ts';
import { GROUPED_CELLS, monthOf } from './where.ts';

/** A column an indicator is split by: its values, or (month) the 'YYYY-MM' of a date column. */
export interface CellDimension {
  column: string;
  month?: boolean;
}

/** Name of the n-th cell key column in a cell query's result. */
export const cellKey = (n: number): string => `__d${n}`;

/**
 * Runs an indicator's own SQL once for every combination of `dims` present in its dataset's table, in
 * one statement. Where the SQL's form allows, it is grouped by the cells (queryGroupedCells): one scan.
 * Otherwise it is evaluated LATERAL to the distinct combinations, its WHERE tying rows to the outer row's
 * cell (`IS NOT DISTINCT FROM`, so rows with an empty value form a cell of their own), which DuckDB
 * decorrelates (slower: 1.6–3.5 s an indicator on 1M cases). Either way each cell holds exactly the
 * numbers the same SQL gives under that filter.
 * Result: the key columns `__d0…` (VARCHAR, null for empty) followed by the SQL's own columns.
 */
export async function queryCells(
  engine: Engine,
  def: IndicatorDef,
  ctx: IndicatorContext,
  dims: readonly CellDimension[],
  options: {
    skipNull?: boolean;
    /** per-cell LATERAL only (the bench's before/after) */
    lateral?: boolean;
  } = {},
): Promise<Table> {
  const expr = (d: CellDimension) => (d.month ? monthOf(d.column) : `CAST(${ident(d.column)} AS VARCHAR)`);
  const outer = dims.map((d, i) => `${expr(d)} AS ${ident(cellKey(i))}`).join(', ');
  const notNull = options.skipNull ? dims.map((d) => `${expr(d)} IS NOT NULL`).join(' AND ') : 'TRUE';
  const table = ident(DATASETS[def.dataset].table);
  const grouped = options.lateral
    ? undefined
    : await queryGroupedCells(engine, def, ctx, dims, { table, notNull, expr });
  if (grouped) return grouped;
  if (engine.dialect === 'clickhouse') {
    return queryCellsClickHouse(engine, {
      keyExprs: dims.map(expr),
      keyNames: dims.map((_, i) => cellKey(i)),
      table: ident(DATASETS[def.dataset].table),
      where: notNull,
      instantiate: (refs, nullAs) =>
        def.sql({
          ...ctx,
          cell: dims.map((d, i) => ({
            ...d,
            cast: !d.month,
            ref: refs[i] ?? 'NULL',
            ...(nullAs ? { nullAs } : {}),
          })),
        }),
    });
  }
  const q = def.sql({
    ...ctx,
    cell: dims.map((d, i) => ({
      column: d.column,
      month: d.month,
      cast: !d.month,
      ref: `"__g".${ident(cellKey(i))}`,
    })),
  });
  return engine.query(
    `SELECT "__g".*, "__q".* FROM (SELECT DISTINCT ${outer} FROM ${table} WHERE ${notNull}) AS "__g",
       LATERAL (${q.text}) AS "__q"`,
    q.params,
  );
}

/**
 * The same cells from one grouped run of the SQL (cells-grouped.ts), where its form allows: joined to
 * the table's cells so that, as with LATERAL, a cell without rows gets the SQL's answer over no rows and
 * a group outside the table's cells (a column the as-of replay emptied) is dropped. Keys are joined
 * spelled with NULL_KEY for NULL: a plain equality, a hash join on ClickHouse too.
 */
async function queryGroupedCells(
  engine: Engine,
  def: IndicatorDef,
  ctx: IndicatorContext,
  dims: readonly CellDimension[],
  { table, notNull, expr }: { table: string; notNull: string; expr: (d: CellDimension) => string },
): Promise<Table | undefined> {
  if (!dims.length || dims.some((d) => !ctx.columns.includes(d.column))) return undefined;
  const cell = dims.map((d) => ({ column: d.column, month: d.month, ref: '', grouped: true }));
  const keys = dims.map((d, i) => ({
    expr: `coalesce(${expr(d)}, ${literal(NULL_KEY)})`,
    name: ident(cellKey(i)),
  }));
  const none = def.sql({ ...ctx, cell });
  const g = groupedCellSql(none, keys, def.kind);
  if (!g) return undefined;
  // The SQL over no rows: its columns, and the answer of a cell without rows (none for breakdowns).
  const emptyText = none.text.replace(GROUPED_CELLS, 'FALSE');
  const empty = await engine.query(emptyText, none.params);
  if (empty.numRows > 1) return undefined;
  const names = empty.schema.fields.map((f) => f.name);
  const out = keys.map(
    (k) => `CASE WHEN "__g".${k.name} = ${literal(NULL_KEY)} THEN NULL ELSE "__g".${k.name} END AS ${k.name}`,
  );
  const columns = names.map((n) =>
    empty.numRows
      ? `CASE WHEN "__q"."__hit" THEN "__q".${ident(n)} ELSE "__e".${ident(n)} END AS ${ident(n)}`
      : `"__q".${ident(n)}`,
  );
  return engine.query(
    `SELECT ${[...out, ...columns].join(', ')}
     FROM (SELECT DISTINCT ${keys.map((k) => `${k.expr} AS ${k.name}`).join(', ')} FROM ${table} WHERE ${notNull}) AS "__g"
       ${empty.numRows ? 'LEFT ' : ''}JOIN (${g.text}) AS "__q" ON ${keys.map((k) => `"__g".${k.name} = "__q".${k.name}`).join(' AND ')}
       ${empty.numRows ? `CROSS JOIN (${emptyText}) AS "__e"` : ''}`,
    [...g.params, ...(empty.numRows ? none.params : [])],
  );
}

/** One cell's SQL output: its first row, and for breakdowns its (key, value) rows in the indicator's order. */
export interface CellRow {
  keys: (string | null)[];
  row: Record<string, unknown>;
  breakdown: { key: string; value: number }[];
}

/** Groups a cell query's result by cell ('\u0001'-joined keys; null as '\u0000'). */
export function cellRows(def: IndicatorDef, table: Table, dims: number): Map<string, CellRow> {
  const out = new Map<string, CellRow>();
  // Column by column: row objects and per-cell look-ups of each column cost 0.5 s of the page's thread
  // for the cubes at 100k cases.
  const rows = tableRows(table);
  const keyColumns = Array.from({ length: dims }, (_, d) => cellKey(d));
  for (const row of rows) {
    const keys = keyColumns.map((k) => {
      const v = row[k];
      return v === null || v === undefined ? null : String(v);
    });
    const id = cellId(keys);
    let cell = out.get(id);
    if (!cell) {
      cell = { keys, row, breakdown: [] };
      out.set(id, cell);
    }
    if (def.kind === 'breakdown' && row.key !== null && row.key !== undefined) {
      cell.breakdown.push({ key: String(row.key), value: Number(row.value ?? 0) });
    }
  }
  for (const cell of out.values()) sortBreakdown(def, cell.breakdown);
  return out;
}

/** A cell's key where its row has none (NULL). */
export const MISSING_KEY = '\u0000';

export const cellId = (keys: readonly (string | null)[]): string =>
  keys.map((k) => k ?? MISSING_KEY).join('\u0001');

/** The order breakdown SQL returns its rows in: largest first then key, or key order (months). */
export function sortBreakdown(def: IndicatorDef, rows: { key: string; value: number }[]): void {
  const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  rows.sort(def.breakdownOrder === 'key' ? byKey : (a, b) => b.value - a.value || byKey(a, b));
}
