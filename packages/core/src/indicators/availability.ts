import type { Engine } from '../engine/types.ts';
import { valueColumns } from '../import/dataset-view.ts';
import { DATASETS } from '../schema/datasets.ts';
import type { DatasetKey } from '../schema/types.ts';
import { ident } from '../sql/quote.ts';
import type { IndicatorDef, MissingColumn } from './types.ts';

/**
 * Whether an export can answer an indicator at all. The import creates every canonical column, NULL where
 * the file had no such header, and the indicators would count NULL as "no" (0 % red). So each indicator
 * declares the columns its numerator and denominator read (`needs`), and an indicator whose column is
 * absent or holds no value anywhere in the loaded table is "not in this export" instead of computed.
 * Decided on the loaded table, not on the import's mapping, so it holds however the table was made.
 */

/** Columns of the loaded tables that hold at least one value. */
export type FilledColumns = Map<string, Set<string>>;

/** A `limit` field's key stands for its two stored columns; the unit is set for every parsed limit (无期限 too). */
const storedColumn = (dataset: DatasetKey, key: string): string =>
  DATASETS[dataset].fields.find((f) => f.key === key)?.type === 'limit' ? `${key}_unit` : key;

/** The stored columns `defs` need, per table. */
function neededColumns(defs: readonly IndicatorDef[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const def of defs) {
    const table = DATASETS[def.dataset].table;
    const set = out.get(table) ?? new Set<string>();
    for (const need of def.needs ?? []) {
      for (const key of typeof need === 'string' ? [need] : need) set.add(storedColumn(def.dataset, key));
    }
    out.set(table, set);
  }
  return out;
}

/** One statement per table: count(column) of every needed column the table has. */
export async function filledColumns(
  engine: Engine,
  tables: Map<string, string[]>,
  defs: readonly IndicatorDef[],
): Promise<FilledColumns> {
  const out: FilledColumns = new Map();
  for (const [table, needed] of neededColumns(defs)) {
    const held = valueColumns(tables, table);
    const present = [...needed].filter((c) => held.includes(c));
    out.set(table, new Set());
    if (!present.length) continue;
    // Each stops at its column's first value (a count read every row: 30–50 ms at a million cases).
    const any = present
      .map(
        (c, i) =>
          `(SELECT true FROM ${ident(table)} WHERE ${ident(c)} IS NOT NULL LIMIT 1) IS NOT NULL AS ${ident(`c${i}`)}`,
      )
      .join(', ');
    const row = (await engine.query(`SELECT ${any}`)).get(0)?.toJSON();
    present.forEach((c, i) => {
      if (row?.[`c${i}`]) out.get(table)?.add(c);
    });
  }
  return out;
}

/**
 * The needs of `def` the loaded table cannot meet (empty: computable). A need that lists alternatives is
 * met by any one of them, and when none is there every alternative is named.
 */
export function missingColumns(def: IndicatorDef, filled: FilledColumns | undefined): MissingColumn[] {
  if (!filled) return [];
  const have = filled.get(DATASETS[def.dataset].table) ?? new Set<string>();
  const out: MissingColumn[] = [];
  for (const need of def.needs ?? []) {
    const keys = typeof need === 'string' ? [need] : need;
    if (keys.some((k) => have.has(storedColumn(def.dataset, k)))) continue;
    for (const column of keys) {
      const field = column.replace(/_(value|unit)$/, '');
      const header = DATASETS[def.dataset].fields.find((f) => f.key === column || f.key === field)?.zh;
      out.push({ column, header: header ?? column });
    }
  }
  return out;
}
