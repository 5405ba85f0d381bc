import type { DatasetDef, FieldDef } from '../schema/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { LONG_LINE_MARKER } from './formats/long-lines.ts';
import { type LedgerValueKind, ledgerValue } from './ledger-mask.ts';
import type { PiiAction } from './pii.ts';
import { badCol, parsedCol } from './typed-columns.ts';

/**
 * One rule of the ledger as SQL over the typed columns before any field is filled from another
 * (typed-columns.ts: each field typed, `badCol` the text of a cell that did not parse): where it holds,
 * its severity, and the cell the ledger keeps (`value`, masked by `ledgerValue` as `kind` says).
 */
export interface LedgerRule {
  column: string;
  reason: string;
  where: string;
  severity: string;
  value?: { sql: string; kind: LedgerValueKind };
}

/** Rules of every field, role and check of the dataset; `mapped` says which fields the file has. */
export function ledgerRules(def: DatasetDef, mapped: Record<string, string>): LedgerRule[] {
  const rules: LedgerRule[] = [];
  const reject = "'reject'";
  const empty = (k: string) => cellEmpty(def, mapped, k);
  for (const field of def.fields) {
    if (field.required) {
      rules.push({
        column: field.key,
        reason: 'missing_required',
        where: empty(field.key),
        severity: reject,
      });
    }
    if (mapped[field.key] === undefined || field.type === 'string') continue;
    const bad = ident(badCol(field.key));
    // A role's field rejects the row only when no other field of the role gives it a value.
    const others = def.roles
      ?.find((r) => r.fields.includes(field.key))
      ?.fields.filter((k) => k !== field.key);
    const severity = field.required
      ? reject
      : others?.length
        ? `CASE WHEN ${others.map((k) => `${ident(k)} IS NULL`).join(' AND ')} THEN 'reject' ELSE 'warning' END`
        : "'warning'";
    // Unknown codes stay readable (a mapping is written from them); unparseable values may be shifted text.
    rules.push({
      column: field.key,
      reason: field.type === 'enum' ? 'unknown_enum_value' : `unparseable_${field.type}`,
      where: `${bad} IS NOT NULL`,
      severity,
      value: { sql: bad, kind: field.type === 'enum' ? 'text' : 'typed' },
    });
  }
  // A row none of whose role fields has a value is rejected (under the first of them the file has).
  for (const role of def.roles ?? []) {
    const column = role.fields.find((k) => mapped[k] !== undefined) ?? role.fields[0] ?? role.key;
    const where = role.fields.map((k) => `(${empty(k)})`).join(' AND ');
    rules.push({ column, reason: 'missing_required', where, severity: reject });
  }
  for (const check of def.checks ?? []) {
    rules.push({
      column: check.column,
      reason: check.reason,
      where: `coalesce((${check.failsWhen}), FALSE)`,
      severity: reject,
      value: { sql: `CAST(${ident(check.column)} AS VARCHAR)`, kind: 'typed' },
    });
  }
  return rules;
}

/** True where the file gave field `key` no value: no column, an empty cell, or (typed) no text that failed. */
function cellEmpty(def: DatasetDef, mapped: Record<string, string>, key: string): string {
  const field = def.fields.find((f) => f.key === key) as FieldDef | undefined;
  if (!field || mapped[key] === undefined) return 'TRUE';
  const typed = `${ident(parsedCol(field))} IS NULL`;
  return field.type === 'string' ? typed : `(${typed} AND ${ident(badCol(key))} IS NULL)`;
}

/**
 * The primary keys `table` holds more than once (key `keyIndex` of the dataset's keys): each with its first
 * row, by one aggregation. `id` is the key as text (for the look-up of duplicateSelect).
 */
export function duplicateIdsSelect(key: string, keyIndex: number, table: string): string {
  const k = ident(key);
  return `SELECT ${keyIndex} AS key_index, CAST(${k} AS VARCHAR) AS id, min(_row) AS first FROM ${table}
    WHERE ${k} IS NOT NULL GROUP BY ${k} HAVING count(*) > 1`;
}

/**
 * Rows whose primary key an earlier row of the file already has (`duplicate_id`), from the keys
 * duplicateIdsSelect found (in `ids`): made only when there are some, since it reads every row again.
 * `_row`, the key's name and its value as the file has it: duplicateLedgerSelect masks it on the way to the
 * ledger (the masking's regular expressions cost planning time even over no rows).
 */
export function duplicateSelect(key: string, keyIndex: number, table: string, ids: string): string {
  const k = ident(key);
  return `SELECT t._row, ${literal(key)} AS "column", CAST(t.${k} AS VARCHAR) AS "value"
    FROM ${table} t JOIN ${ids} d ON d.key_index = ${keyIndex} AND d.id = CAST(t.${k} AS VARCHAR)
    WHERE t._row > d.first`;
}

/** Ledger rows (row, column, reason, severity, value) of the duplicates `duplicateSelect` found in `table`. */
export function duplicateLedgerSelect(table: string, action: PiiAction): string {
  return `SELECT _row, "column", 'duplicate_id', 'reject', ${ledgerValue('"value"', 'text', action)} FROM ${table}`;
}

/**
 * Lines the CSV reader could not split into the header's columns (one entry per line). A line it also
 * could not type a cell of (read-raw.ts, readerTyped) is named for its shape, the error the text pass
 * would have given it.
 */
export function readerRejectSelect(rejects: string, lineOffset: number, action: PiiAction): string {
  const castLast = "CAST(error_type AS VARCHAR) = 'CAST', column_idx";
  const marked = `contains(csv, ${literal(LONG_LINE_MARKER)})`;
  return `SELECT line + ${lineOffset}, NULL,
      CASE WHEN ${marked} THEN 'line_size_over_maximum' ELSE reason END, 'reject',
      CASE WHEN ${marked} THEN NULL ELSE ${ledgerValue('csv', 'line', action)} END
    FROM (SELECT line, lower(replace(CAST(first(error_type ORDER BY ${castLast}) AS VARCHAR), ' ', '_')) AS reason,
      first(csv_line ORDER BY ${castLast}) AS csv FROM ${rejects} GROUP BY line)`;
}
