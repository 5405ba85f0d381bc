import type { DatasetDef } from '../schema/types.ts';
import type { RawTable } from './read-raw.ts';

/**
 * The primary keys whose duplicate check (duplicateIdsSelect: a GROUP BY over every row's key, 0.65–0.9 s
 * of DuckDB-WASM's one thread at 3M rows) the scan of the file's bytes has already made: a text key read
 * from the file's first column as written, whose cells FirstCells found distinct on every line. That proves
 * the rows' keys distinct only where a line is a row and a key is its cell's bytes, so each condition is
 * checked here: no quote in the file (the verdict says so), no space at any cell's edge (none is trimmed),
 * no fill from another field, a reading by the header's own delimiter with empty starts only before it,
 * and as many lines scanned as rows read (`rowsRead`: typed rows and rejected lines).
 */
export function keysKnownDistinct(
  def: DatasetDef,
  mapped: Record<string, string>,
  raw: RawTable,
  rowsRead: number,
): Set<string> {
  const known = new Set<string>();
  const cells = raw.firstCells;
  if (!cells?.verdict.distinct || raw.edgeSpaces || raw.lineOffset !== 0) return known;
  if (cells.verdict.lines !== rowsRead || cells.verdict.emptyBefore.some((d) => d !== cells.delimiter)) {
    return known;
  }
  for (const field of def.fields) {
    if (
      field.primaryKey &&
      field.type === 'string' &&
      !field.fillFrom &&
      mapped[field.key] === raw.headers[0]
    )
      known.add(field.key);
  }
  return known;
}
