import type { Engine } from '../engine/types.ts';
import { ident, literal } from '../sql/quote.ts';
import { PLAIN_NAME, textCell, tooLongRow } from './native-parquet.ts';

const RECORDS = '__json_records';

/**
 * JSON read by DuckDB's own reader (native engines only) into `table` as text columns equal to what the
 * JS conversion (formats/read-json.ts) writes: columns are the union of keys in first-seen order, strings
 * as they are, numbers, booleans and nulls as JSON text. Only plain cases take this path: an array of
 * objects, or NDJSON of at least two objects (a single object may wrap an API dump's array, which the JS
 * reader unwraps), UTF-8 without BOM, scalar values whose text is the same in both (numbers in plain form,
 * up to 15 digits), no duplicate keys. Anything else, including every damaged file, returns false and goes
 * through the JS conversion, which also gives invalid JSON its specific error (the line it fails on).
 */
export async function loadJsonNatively(
  engine: Engine,
  path: string,
  bytes: Uint8Array,
  table: string,
): Promise<boolean> {
  const format = plainFormat(bytes);
  if (!format) return false;
  try {
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${RECORDS} AS SELECT json FROM read_json_objects(${literal(path)}, format = ${literal(format)})`,
    );
    // Lone surrogate escapes, and trailing commas (DuckDB accepts them, JSON.parse does not); conservative.
    const shape = await engine.query(
      `SELECT count(*) AS n, count(*) FILTER (WHERE json_type(json) <> 'OBJECT'
         OR len(json_keys(json)) <> len(list_distinct(json_keys(json)))
         OR regexp_matches(json, '\\\\u[dD][89a-fA-F]|,\\s*[}\\]]')) AS odd FROM ${RECORDS}`,
    );
    const n = Number(shape.get(0)?.n);
    if (Number(shape.get(0)?.odd) > 0 || n < (format === 'array' ? 1 : 2)) return drop(engine, false);
    const keys = await engine.query(
      `SELECT k FROM (SELECT rowid AS r, unnest(json_keys(json)) AS k, generate_subscripts(json_keys(json), 1) AS p
       FROM ${RECORDS}) GROUP BY k ORDER BY min(r), arg_min(p, r)`,
    );
    const names = keys.toArray().map((row) => String(row.k));
    if (names.length < 2 || names.some((k) => !PLAIN_NAME.test(k) || /["\\]/.test(k)))
      return drop(engine, false);
    const cell = (k: string) => {
      const at = literal(`$."${k}"`);
      return `CASE json_type(json, ${at}) WHEN 'VARCHAR' THEN ${textCell(`json_extract_string(json, ${at})`)}
        WHEN 'NULL' THEN NULL ELSE CAST(json_extract(json, ${at}) AS VARCHAR) END`;
    };
    await engine.exec(
      `CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${names.map((k) => `${cell(k)} AS ${ident(k)}`).join(', ')}
       FROM ${RECORDS} ORDER BY rowid`,
    );
    // Nested values and numbers whose JS text may differ (exponents, '.0', more than 15 digits, -0).
    const odd = names.map((k) => {
      const at = literal(`$."${k}"`);
      return `json_type(json, ${at}) IN ('OBJECT', 'ARRAY') OR (json_type(json, ${at}) IN ('UBIGINT', 'BIGINT', 'DOUBLE')
        AND NOT (regexp_full_match(CAST(json_extract(json, ${at}) AS VARCHAR), '-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?')
          AND strlen(regexp_replace(CAST(json_extract(json, ${at}) AS VARCHAR), '[-.]', '', 'g')) <= 15
          AND CAST(json_extract(json, ${at}) AS VARCHAR) <> '-0'))`;
    });
    const check = await engine.query(
      `SELECT (SELECT count(*) FROM ${RECORDS} WHERE ${odd.join(' OR ')}) + (SELECT count(*) FROM ${table} WHERE ${tooLongRow(names)}) AS n`,
    );
    if (Number(check.get(0)?.n) === 0) return drop(engine, true);
  } catch {
    // DuckDB refused the file (malformed JSON, invalid UTF-8, a record too large): the JS reader says why.
  }
  await engine.exec(`DROP TABLE IF EXISTS ${table}`);
  return drop(engine, false);
}

async function drop(engine: Engine, result: boolean): Promise<boolean> {
  await engine.exec(`DROP TABLE IF EXISTS ${RECORDS}`);
  return result;
}

/** 'array' or 'newline_delimited' for UTF-8 JSON without BOM, by its first character; else undefined. */
function plainFormat(bytes: Uint8Array): 'array' | 'newline_delimited' | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
  if (bytes[0] === 0xef) return undefined;
  const first = bytes.find((b) => b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d);
  return first === 0x5b ? 'array' : first === 0x7b ? 'newline_delimited' : undefined;
}
