import { sqlType } from '../schema/column-types.ts';
import type { DatasetDef } from '../schema/types.ts';
import { ident } from '../sql/quote.ts';
import { rawCol } from './typed-columns.ts';

/**
 * Fills fields from others where `fillFrom` says (see FieldDef), after the ledger has judged each cell as
 * the file wrote it: `from` wrapped in one `SELECT * REPLACE` per fill, in field order, so a later fill
 * sees an earlier one's values. Returns that SQL and the fields filled for a whole absent column
 * (field → source field).
 */
export function fillFromOtherFields(
  def: DatasetDef,
  mapped: Record<string, string>,
  from: string,
): { sql: string; filled: Record<string, string> } {
  const filled: Record<string, string> = {};
  let sql = from;
  for (const field of def.fields) {
    const source = field.fillFrom;
    if (!source || mapped[source.field] === undefined) continue;
    const absent = mapped[field.key] === undefined;
    if (!absent && !source.cells) continue;
    if (absent) filled[field.key] = source.field;
    // A text field keeps the source's wording (e.g. 办理结果 as written); other types take its parsed value.
    const sourceType = def.fields.find((f) => f.key === source.field)?.type;
    const value =
      field.type !== 'string'
        ? `CAST(${ident(source.field)} AS ${sqlType(field)})`
        : sourceType === 'string'
          ? ident(source.field)
          : ident(rawCol(source.field));
    const k = ident(field.key);
    sql = `(SELECT * REPLACE (CASE WHEN ${k} IS NULL${source.when ? ` AND (${source.when})` : ''} THEN ${value} ELSE ${k} END AS ${k}) FROM ${sql})`;
  }
  return { sql, filled };
}
