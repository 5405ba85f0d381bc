import { parquetMetadata, parquetSchema, type SchemaElement } from 'hyparquet';
import type { Engine } from '../engine/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { MAX_LINE_BYTES } from './formats/long-lines.ts';
import { validateParquet } from './formats/validate-parquet.ts';

/**
 * Parquet read by DuckDB's own reader (native engines only) into `table` as text columns, written the
 * way the JS conversion writes them (formats/read-parquet.ts + cell-text.ts) so the importer and its
 * ledger see the same cells. Only files whose columns all have a type with a proven-identical text take
 * this path; anything else (floats, decimals, times, UTC instants, nested, odd names, damage) returns
 * false and goes through the JS conversion, which also gives damaged files their specific errors.
 */
export async function loadParquetNatively(
  engine: Engine,
  path: string,
  bytes: Uint8Array,
  table: string,
): Promise<boolean> {
  const columns = parquetColumns(bytes);
  if (!columns || columns.length < 2 || columns.some((c) => !textExpression(c))) return false;
  const select = columns.map((c) => `${textExpression(c)} AS ${ident(c.name)}`);
  try {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${select.join(', ')} FROM read_parquet(${literal(path)})`,
    );
    if (await sameAsJsText(engine, table, columns)) return true;
  } catch {
    // DuckDB refused the file (e.g. invalid UTF-8): the JS reader says what is wrong with it.
  }
  await engine.exec(`DROP TABLE IF EXISTS ${table}`);
  return false;
}

type Kind = 'text' | 'integer' | 'boolean' | 'double' | 'date' | 'wall_clock';

interface Column {
  name: string;
  kind: Kind | undefined;
}

/** Top-level columns and their kinds, or undefined when the file is not intact enough to read. */
function parquetColumns(bytes: Uint8Array): Column[] | undefined {
  try {
    const file = bytes.slice().buffer as ArrayBuffer;
    const metadata = parquetMetadata(file);
    validateParquet(file, metadata);
    return parquetSchema(metadata).children.map((c) => ({
      name: c.element.name,
      kind: c.children.length ? undefined : kindOf(c.element),
    }));
  } catch {
    return undefined;
  }
}

function kindOf(e: SchemaElement): Kind | undefined {
  const { logical_type: logical, converted_type: converted, type } = e;
  if (type === 'BYTE_ARRAY' && (converted === 'UTF8' || logical?.type === 'STRING')) return 'text';
  // Signed integers of any width read as the same digits (unsigned 64-bit ones may wrap in JS: left to JS).
  const signed = logical?.type === 'INTEGER' ? logical.isSigned : converted?.startsWith('INT_');
  if ((type === 'INT32' || type === 'INT64') && (signed || (!logical && !converted))) return 'integer';
  if (logical || converted) {
    if (type === 'INT32' && (converted === 'DATE' || logical?.type === 'DATE')) return 'date';
    // Local wall-clock times (not adjusted to UTC), in the units hyparquet turns into Dates.
    const unit = logical?.type === 'TIMESTAMP' ? logical.unit : undefined;
    const naive =
      logical?.type === 'TIMESTAMP'
        ? !logical.isAdjustedToUTC && (unit === 'MILLIS' || unit === 'MICROS')
        : converted === 'TIMESTAMP_MILLIS' || converted === 'TIMESTAMP_MICROS';
    return type === 'INT64' && naive ? 'wall_clock' : undefined;
  }
  if (type === 'BOOLEAN') return 'boolean';
  if (type === 'DOUBLE') return 'double';
  return undefined;
}

/** Names read_csv would give back unchanged from the JS path's header line. */
export const PLAIN_NAME = /^[^\s",;\t|\r\n\0](?:[^",;\t|\r\n\0]*[^\s",;\t|\r\n\0])?$/;

/** SQL text of one column as cell-text.ts writes it; '' becomes NULL as read_csv reads an empty cell. */
function textExpression({ name, kind }: Column): string | undefined {
  if (!kind || !PLAIN_NAME.test(name)) return undefined;
  const c = ident(name);
  switch (kind) {
    case 'text':
      return textCell(c);
    case 'integer':
    case 'boolean':
      return `CAST(${c} AS VARCHAR)`;
    case 'date':
      return `strftime(${c}, '%Y-%m-%d')`;
    case 'double':
      // numberText: integral values without '.0', NaN as no value; others checked in sameAsJsText.
      return `CASE WHEN isnan(${c}) THEN NULL WHEN ${c} = trunc(${c}) AND abs(${c}) < 1e15
        THEN CAST(CAST(${c} AS BIGINT) AS VARCHAR) ELSE CAST(${c} AS VARCHAR) END`;
    case 'wall_clock': {
      // wallClockText: the date alone at midnight, '.mmm' only when there are milliseconds.
      const ms = `epoch_ms(${c})`;
      return `CASE WHEN ${ms} % 86400000 = 0 THEN strftime(${c}, '%Y-%m-%d')
        ELSE strftime(${c}, '%Y-%m-%d %H:%M:%S') || CASE WHEN ${ms} % 1000 = 0 THEN ''
          ELSE '.' || lpad(CAST(${ms} % 1000 AS VARCHAR), 3, '0') END END`;
    }
  }
}

/** A string cell as the JS path loads it: NUL shown as U+FFFD (register-file.ts), '' as NULL. */
export const textCell = (sql: string) => `NULLIF(replace(${sql}, chr(0), '\uFFFD'), '')`;

/** A row whose CSV line the JS path would cut as too long (long-lines.ts); conservative (half the limit). */
export const tooLongRow = (names: string[]) =>
  `${names.map((n) => `coalesce(strlen(${ident(n)}), 0) + 3`).join(' + ')} > ${MAX_LINE_BYTES / 2}`;

/**
 * Cells whose DuckDB text could differ from the JS text (exponents, infinities, dates before 1970 or past
 * 9999, sub-millisecond times), and rows the CSV path would cut as too long: any of them sends the file
 * to the JS path.
 */
async function sameAsJsText(engine: Engine, table: string, columns: Column[]): Promise<boolean> {
  const checks: string[] = [];
  for (const { name, kind } of columns) {
    const c = ident(name);
    if (kind === 'double') checks.push(`NOT regexp_full_match(${c}, '-?[0-9]+(\\.[0-9]+)?')`);
    if (kind === 'date' || kind === 'wall_clock') {
      checks.push(
        `NOT regexp_full_match(${c}, '(19[7-9][0-9]|[2-9][0-9]{3})-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]{3})?)?')`,
      );
    }
  }
  checks.push(tooLongRow(columns.map((c) => c.name)));
  const t = await engine.query(`SELECT count(*) AS n FROM ${table} WHERE ${checks.join(' OR ')}`);
  return Number(t.get(0)?.n) === 0;
}
