import type { Table, Vector } from 'apache-arrow';
import type { Engine } from '../engine/types.ts';
import { literal, type SqlQuery, type SqlValue } from '../sql/quote.ts';

/**
 * Cell queries on ClickHouse, which has no LATERAL join. Each cell's numbers still come from the
 * indicator's own SQL: it becomes a correlated scalar subquery collecting its rows into an array
 * (`groupArray(tuple(*))`), which ClickHouse decorrelates into one grouped scan. Three differences are
 * made good here, so the cells equal DuckDB's LATERAL ones:
 * - a NULL cell key would be lost in the decorrelated join, and `IS NOT DISTINCT FROM` is no hash-join
 *   key (every cell would meet every row): keys travel as a sentinel string and the tie is
 *   `coalesce(column, sentinel) = key`;
 * - an aggregate over a cell with no matching rows yields no row instead of one (the "correlated count()
 *   gives NULL" difference): such cells get the SQL's own answer over no rows, computed once;
 * - ClickHouse cannot decorrelate a sort: the breakdowns' final ORDER BY is dropped (cellRows sorts).
 * Should ClickHouse refuse to decorrelate an indicator's SQL, its cells are computed one by one (UNION
 * ALL of the SQL per cell with constant ties): slower, the same numbers.
 */
/** A NULL cell key, spelled so that keys join by plain equality (here and in cells.ts's grouped cells). */
export const NULL_KEY = '\u0001null\u0001';

export interface ClickHouseCells {
  /** DISTINCT cell keys `__d0…` over the dataset's table, each a text expression (may be NULL). */
  keyExprs: string[];
  keyNames: string[];
  table: string;
  where: string;
  /** The indicator SQL with each cell reference replaced by the given SQL expression (NULL spelled `nullAs`). */
  instantiate: (refs: string[], nullAs?: string) => SqlQuery;
}

const withoutFinalOrder = (sql: string): string => sql.replace(/\s+ORDER\s+BY[^()']*$/i, '');

export async function queryCellsClickHouse(engine: Engine, c: ClickHouseCells): Promise<Table> {
  const outer = c.keyExprs.map((e, i) => `coalesce(${e}, ${literal(NULL_KEY)}) AS "${c.keyNames[i]}"`);
  const q = c.instantiate(
    c.keyNames.map((k) => `"__g"."${k}"`),
    NULL_KEY,
  );
  const empty = c.instantiate(
    c.keyNames.map(() => literal(`${NULL_KEY}none`)),
    NULL_KEY,
  );
  const columns = await engine.query(`DESCRIBE (${empty.text})`, empty.params);
  const names = columns.toArray().map((r) => String(r.name));
  const types = columns.toArray().map((r) => String(r.type));
  const emptyRows = await engine.query(empty.text, empty.params);
  const emptyRow = emptyRows.numRows ? (emptyRows.get(0)?.toJSON() as Record<string, unknown>) : undefined;
  let rows: Record<string, unknown>[];
  try {
    const t = await engine.query(
      `SELECT "__g".*, (SELECT groupArray(tuple(*)) FROM (${withoutFinalOrder(q.text)})) AS "__r"
       FROM (SELECT DISTINCT ${outer.join(', ')} FROM ${c.table} WHERE ${c.where}) AS "__g"`,
      q.params,
    );
    rows = [];
    for (const r of t) {
      const o = r.toJSON() as Record<string, unknown>;
      const keys = c.keyNames.map((k) => (o[k] === NULL_KEY ? null : o[k]));
      const found = JSON.parse(String(o.__r ?? '[]')) as Record<string, unknown>[];
      const cells = found.length
        ? found.map((x) => Object.fromEntries(names.map((n, i) => [n, x[String(i + 1)] ?? null])))
        : emptyRow
          ? [emptyRow]
          : [];
      for (const cell of cells)
        rows.push({ ...Object.fromEntries(c.keyNames.map((k, i) => [k, keys[i]])), ...cell });
    }
  } catch (e) {
    if (!/decorrelate|correlated/i.test((e as Error).message)) throw e;
    rows = await cellByCell(engine, c, outer);
  }
  // Loaded on use, as the engines load it: the page's first chunk stays without Arrow.
  const arrow = await import('apache-arrow');
  const { Bool, Float64, Utf8, vectorFromArray } = arrow;
  const vectors: Record<string, Vector> = {};
  for (const k of c.keyNames)
    vectors[k] = vectorFromArray(
      rows.map((r) => r[k] as string | null),
      new Utf8(),
    );
  names.forEach((n, i) => {
    const type = types[i] ?? '';
    const values = rows.map((r) => r[n] ?? null);
    vectors[n] = /^(Nullable\()?(U?Int|Float|Decimal|Date|DateTime)/.test(type)
      ? vectorFromArray(
          values.map((v) => (v === null ? null : Number(v))),
          new Float64(),
        )
      : /^(Nullable\()?Bool/.test(type)
        ? vectorFromArray(values as (boolean | null)[], new Bool())
        : vectorFromArray(
            values.map((v) => (v === null ? null : String(v))),
            new Utf8(),
          );
  });
  return new arrow.Table(vectors);
}

/** The fallback: the SQL once per cell, 16 cells per UNION ALL statement. */
async function cellByCell(
  engine: Engine,
  c: ClickHouseCells,
  outer: string[],
): Promise<Record<string, unknown>[]> {
  const distinct = await engine.query(`SELECT DISTINCT ${outer.join(', ')} FROM ${c.table} WHERE ${c.where}`);
  const cells = distinct.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    return c.keyNames.map((k) => (o[k] === NULL_KEY ? null : String(o[k])));
  });
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < cells.length; i += 16) {
    const parts: string[] = [];
    const params: SqlValue[] = [];
    for (const keys of cells.slice(i, i + 16)) {
      const refs = keys.map((k) => (k === null ? 'CAST(NULL AS VARCHAR)' : literal(k)));
      const q = c.instantiate(refs);
      parts.push(
        `SELECT ${refs.map((r, n) => `${r} AS "${c.keyNames[n]}", `).join('')}"__q".* FROM (${q.text}) AS "__q"`,
      );
      params.push(...q.params);
    }
    for (const r of await engine.query(parts.join('\nUNION ALL\n'), params)) rows.push(r.toJSON());
  }
  return rows;
}
