import type { Engine } from '../engine/types.ts';
import type { DatasetDef } from '../schema/types.ts';
import { ident, literal } from '../sql/quote.ts';
import type { HeaderMatch } from './headers.ts';
import { type ImportSummary, LEDGER_TABLE } from './ledger.ts';
import type { PiiColumn } from './pii.ts';

interface Loaded {
  dataset: string;
  fileName: string;
  encoding: string;
  timezone: string;
  /** rows the file has below its header: typed rows plus lines the reader rejected */
  read: number;
  match: HeaderMatch;
  pii: PiiColumn[];
  filled: Record<string, string>;
  /** nothing was written to the ledger for this import: no reasons or unmapped values to count */
  ledgerEmpty?: boolean;
}

/** The import's summary from the canonical table and the ledger; throws when the ledger is out of balance. */
export async function importSummary(engine: Engine, def: DatasetDef, l: Loaded): Promise<ImportSummary> {
  const ds = literal(l.dataset);
  const counts = await engine.query(
    `SELECT (SELECT count(*) FROM ${ident(def.table)}) AS loaded,
       (SELECT count(DISTINCT "row") FROM ${LEDGER_TABLE} WHERE dataset = ${ds} AND severity = 'reject') AS rejected,
       (SELECT count(*) FROM ${LEDGER_TABLE} WHERE dataset = ${ds} AND severity = 'warning') AS warnings`,
  );
  const row = counts.get(0)?.toJSON() as Record<string, number>;
  const rejectReasons: Record<string, number> = {};
  const unmappedValues: ImportSummary['unmappedValues'] = {};
  const empty = l.ledgerEmpty === true;
  const reasons = empty
    ? []
    : await engine.query(
        `SELECT reason, count(DISTINCT "row") AS n FROM ${LEDGER_TABLE}
     WHERE dataset = ${ds} AND severity = 'reject' GROUP BY reason ORDER BY reason`,
      );
  for (const r of reasons) rejectReasons[String(r.reason)] = Number(r.n);
  const unmapped = empty
    ? []
    : await engine.query(
        `SELECT "column", "value", count(*) AS n FROM ${LEDGER_TABLE}
     WHERE dataset = ${ds} AND reason = 'unknown_enum_value' GROUP BY ALL ORDER BY "column", n DESC, "value"`,
      );
  for (const r of unmapped) {
    const column = String(r.column);
    unmappedValues[column] = [
      ...(unmappedValues[column] ?? []),
      { value: String(r.value), count: Number(r.n) },
    ];
  }
  const summary: ImportSummary = {
    dataset: l.dataset,
    file: l.fileName,
    encoding: l.encoding,
    timezone: l.timezone,
    read: l.read,
    loaded: Number(row.loaded),
    rejected: Number(row.rejected),
    warnings: Number(row.warnings),
    mapped: l.match.mapped,
    unknown: l.match.unknown,
    rejectReasons,
    unmappedValues,
    pii: l.pii,
    filled: l.filled,
  };
  if (summary.read !== summary.loaded + summary.rejected) {
    throw new Error(`row ledger out of balance for ${l.fileName}: ${JSON.stringify(summary)}`);
  }
  return summary;
}
