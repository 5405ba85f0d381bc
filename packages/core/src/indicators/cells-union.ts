import type { Table } from 'apache-arrow';
import type { Engine } from '../engine/types.ts';
import { literal, type SqlValue } from '../sql/quote.ts';

/**
 * Cell queries for engines without LATERAL joins (ClickHouse): the indicator's SQL is instantiated once
 * per distinct cell, its tie to the cell written as constants, and the copies are UNION ALL'd a batch at a
 * time. Each cell runs exactly the SQL a filter on that cell would run, so the numbers are the same as
 * the LATERAL form's (ClickHouse's own decorrelation of a correlated subquery loses the NULL cell).
 * `instantiate(refs)` gives the indicator SQL with each cell reference replaced by the given SQL text.
 */
export async function queryCellsUnion(
  engine: Engine,
  cellsSql: string,
  keyNames: readonly string[],
  instantiate: (refs: string[]) => { text: string; params: SqlValue[] },
  batch = 64,
): Promise<Table> {
  const distinct = await engine.query(cellsSql);
  const cells = distinct.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    return keyNames.map((k) => (o[k] === null || o[k] === undefined ? null : String(o[k])));
  });
  const out: Table[] = [];
  for (let i = 0; i < cells.length; i += batch) {
    const parts: string[] = [];
    const params: SqlValue[] = [];
    for (const keys of cells.slice(i, i + batch)) {
      const refs = keys.map((k) => (k === null ? 'CAST(NULL AS VARCHAR)' : literal(k)));
      const q = instantiate(refs);
      const cols = refs.map((r, n) => `${r} AS "${keyNames[n]}"`).join(', ');
      parts.push(`SELECT ${cols ? `${cols}, ` : ''}"__q".* FROM (${q.text}) AS "__q"`);
      params.push(...q.params);
    }
    out.push(await engine.query(parts.join('\nUNION ALL\n'), params));
  }
  const [first, ...rest] = out;
  return first ? first.concat(...rest) : distinct;
}
