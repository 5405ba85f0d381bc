import type { Engine } from '../engine/types.ts';
import { toCsv } from '../export/csv.ts';
import { LEDGER_TABLE, type LedgerEntry } from './ledger.ts';

const COLUMNS = ['dataset', 'file', 'row', 'column', 'reason', 'severity', 'value'] as const;

/** Ledger entries, rejections first, in file order; `limit` keeps the on-screen report small. */
export async function ledgerEntries(engine: Engine, limit?: number): Promise<LedgerEntry[]> {
  const exists = await engine.query(
    `SELECT count(*) AS n FROM information_schema.tables
     WHERE table_catalog = current_database() AND table_name = '${LEDGER_TABLE}'`,
  );
  if (!Number(exists.get(0)?.n)) return [];
  const t = await engine.query(
    `SELECT ${COLUMNS.map((c) => `"${c}"`).join(', ')} FROM ${LEDGER_TABLE}
     ORDER BY severity = 'warning', dataset, "row", "column"${limit === undefined ? '' : ' LIMIT ?'}`,
    limit === undefined ? [] : [limit],
  );
  return t.toArray().map((r) => {
    const o = r.toJSON() as Record<string, unknown>;
    return {
      dataset: String(o.dataset),
      file: String(o.file),
      row: Number(o.row),
      column: o.column === null ? null : String(o.column),
      reason: String(o.reason),
      severity: o.severity === 'warning' ? 'warning' : 'reject',
      value: o.value === null ? null : String(o.value),
    };
  });
}

/** The whole ledger as CSV (UTF-8 with BOM, formula-safe) for download. */
export async function ledgerCsv(engine: Engine): Promise<string> {
  const entries = await ledgerEntries(engine);
  return toCsv(
    COLUMNS,
    entries.map((e) => COLUMNS.map((c) => e[c])),
  );
}
