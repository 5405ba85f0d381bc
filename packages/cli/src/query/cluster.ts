import { ident } from '@assessment-dashboard/core';
import type { NodeEngine } from '@assessment-dashboard/core/node';

/** DuckDB's row group: the unit its min/max statistics let a scan skip. */
const ROW_GROUP = 122_880;

/**
 * Rewrites every loaded table that has a department column in department order (then file line), once,
 * before serving. A dashboard's clicks filter on one department; DuckDB skips the row groups whose
 * min/max show none of its rows, so a filtered statement reads a fraction of the table instead of all of
 * it (1M cases: ≈ 4× less time per click statement). The ClickHouse tables are ordered the same way
 * (clickhouse-load.ts). Rows and answers are unchanged, except that a sum of fractions may differ in its
 * last digit (added in another order, as DuckDB's parallel aggregation over several row groups already
 * does); a table of one row group has nothing to skip and is left as it is.
 */
export async function clusterByDepartment(engine: NodeEngine): Promise<string[]> {
  const rows = await engine.query(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns
     WHERE table_schema = 'main' AND table_name IN (SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'main' AND table_type = 'BASE TABLE')`,
  );
  const tables = new Map<string, string[]>();
  for (const r of rows.toArray()) tables.set(String(r.t), [...(tables.get(String(r.t)) ?? []), String(r.c)]);
  const clustered: string[] = [];
  for (const [table, names] of [...tables].sort(([a], [b]) => a.localeCompare(b))) {
    if (!names.includes('dept_name')) continue;
    const count = await engine.query(`SELECT count(*) AS n FROM ${ident(table)}`);
    if (Number(count.get(0)?.n ?? 0) <= ROW_GROUP) continue;
    const order = names.includes('_row') ? 'dept_name, _row' : 'dept_name';
    await engine.exec(
      `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT * FROM ${ident(table)} ORDER BY ${order}`,
    );
    clustered.push(table);
  }
  return clustered;
}
