import { codeLookup, recodeSql } from '../schema/normalise-label.ts';
import type { FieldDef } from '../schema/types.ts';
import { literal, type SqlValue } from '../sql/quote.ts';

/**
 * SQL expressions that turn one raw VARCHAR cell (`v`, already trimmed, '' → NULL) into the canonical
 * type. They run inside DuckDB so a million rows never pass through JavaScript. Anything that comes from
 * a user (mapping values, formats) is bound through `Binder`, never pasted into the SQL text.
 */

/** Collects positional parameters in the order their `?` appear in the statement text. */
export class Binder {
  readonly params: SqlValue[] = [];
  bind(value: SqlValue): string {
    this.params.push(value);
    return '?';
  }
}

/** Per-field options from a mapping file. */
export interface FieldParseOptions {
  /** value in the file → canonical code (enum fields) */
  values?: Record<string, string>;
  /** trimmed cell → schema code for every distinct cell of an enum column that names one (see `recode`) */
  codes?: Map<string, string>;
  /** strptime format tried before the built-in ones (date/datetime fields) */
  format?: string;
  /**
   * Offset of the dataset's zone in minutes when it never changes (Asia/Shanghai: 480); undefined for
   * zones with daylight saving, whose history is looked up in TZ_TABLE.
   */
  fixedOffset?: number;
  /** no cell starts or ends with a space (RawTable.edgeSpaces false): cells are taken untrimmed */
  untrimmed?: boolean;
}

/** Date-time forms seen in exports; strptime's %m/%d also accept non-padded values (2024/1/2 9:05). */
export const DATETIME_FORMATS = [
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%d %H:%M',
  '%Y-%m-%dT%H:%M:%S',
  '%Y-%m-%dT%H:%M:%S.%f',
  '%Y-%m-%d %H:%M:%S.%f',
  '%Y-%m-%dT%H:%M',
  '%Y/%m/%d %H:%M:%S',
  '%Y/%m/%d %H:%M',
  '%Y年%m月%d日 %H:%M:%S',
  '%Y年%m月%d日 %H:%M',
  '%Y年%m月%d日%H:%M',
  '%Y年%m月%d日 %H时%M分',
  '%Y%m%d%H%M%S',
  '%m/%d/%Y %I:%M:%S %p',
  '%m/%d/%Y %I:%M %p',
  '%Y-%m-%d',
  '%Y/%m/%d',
  '%Y.%m.%d',
  '%Y年%m月%d日',
  '%Y%m%d',
];

const formatList = `[${DATETIME_FORMATS.map(literal).join(', ')}]`;

/** Ends in a time followed by an explicit UTC offset or Z (ISO 8601). */
const OFFSET_RE = "'[0-9]{2}:[0-9]{2}(:[0-9]{2}([.][0-9]+)?)?\\s*(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$'";
const OFFSET_TAIL = "'\\s*(Z|z|[+-][0-9]{2}(:?[0-9]{2})?)$'";

/** Name of the temp table holding the dataset zone's offset history (see timezone.ts). */
export const TZ_TABLE = '__import_tz';

const TRUE_WORDS = ['是', 'y', 'yes', '1', 'true', 't', '√', '有'];
const FALSE_WORDS = ['否', 'n', 'no', '0', 'false', 'f', '×', '无'];
const inList = (words: string[]) => words.map(literal).join(', ');

function naiveTimestamp(v: string, b: Binder, format: string | undefined): string {
  const builtIn = `try_strptime(${v}, ${formatList})`;
  return format ? `coalesce(try_strptime(${v}, ${b.bind(format)}), ${builtIn})` : builtIn;
}

function timestampExpression(v: string, b: Binder, opts: FieldParseOptions): string {
  const format = opts.format;
  const stripped = `regexp_replace(${v}, ${OFFSET_TAIL}, '')`;
  const sign = `CASE WHEN regexp_extract(${v}, '([+-])[0-9]{2}(:?[0-9]{2})?$', 1) = '-' THEN -1 ELSE 1 END`;
  const hours = `coalesce(TRY_CAST(regexp_extract(${v}, '[+-]([0-9]{2})(:?[0-9]{2})?$', 1) AS INTEGER), 0)`;
  const minutes = `coalesce(TRY_CAST(regexp_extract(${v}, '[+-][0-9]{2}:?([0-9]{2})$', 1) AS INTEGER), 0)`;
  // Functions, not strings: each use binds its own parameters, and template substitutions are evaluated
  // left to right, so the `?`s and the bound values stay in the same order.
  const utc = () =>
    `(${naiveTimestamp(stripped, b, format)} - to_minutes(${sign} * (${hours} * 60 + ${minutes})))`;
  const zoneOffset = () =>
    opts.fixedOffset !== undefined
      ? String(Math.trunc(opts.fixedOffset))
      : `(SELECT o FROM ${TZ_TABLE} WHERE f <= epoch_ms(${utc()}) ORDER BY f DESC LIMIT 1)`;
  // Excel stores date-times as days since 1899-12-30; a bare 5-digit number in a date column is one.
  const excel = `CASE WHEN regexp_full_match(${v}, '[0-9]{5}([.][0-9]+)?')
    THEN TIMESTAMP '1899-12-30' + to_microseconds(CAST(round(CAST(${v} AS DOUBLE) * 86400000000) AS BIGINT)) END`;
  const full = `CASE WHEN regexp_matches(${v}, ${OFFSET_RE}) THEN ${utc()} + to_minutes(${zoneOffset()})
    ELSE coalesce(${naiveTimestamp(v, b, format)}, ${excel}) END`;
  // Most cells have the first built-in form, which carries no offset: read those without the offset regex
  // (the same value the full expression gives them; not with a mapping's format, which is tried first).
  return format ? full : `coalesce(try_strptime(${v}, ${literal(DATETIME_FORMATS[0] ?? '')}), ${full})`;
}

export function parseExpression(field: FieldDef, v: string, b: Binder, opts: FieldParseOptions = {}): string {
  switch (field.type) {
    case 'string':
      return v;
    case 'int':
      return `TRY_CAST(replace(${v}, ',', '') AS INTEGER)`;
    case 'decimal':
      // "1,234.50元", "3.2万元"
      return `CASE WHEN ${v} LIKE '%万元' THEN TRY_CAST(replace(replace(${v}, ',', ''), '万元', '') AS DOUBLE) * 10000
        ELSE TRY_CAST(replace(replace(replace(${v}, ',', ''), '元', ''), '¥', '') AS DOUBLE) END`;
    case 'bool':
      return `CASE WHEN lower(${v}) IN (${inList(TRUE_WORDS)}) THEN TRUE
        WHEN lower(${v}) IN (${inList(FALSE_WORDS)}) THEN FALSE END`;
    case 'datetime':
      return timestampExpression(v, b, opts);
    case 'date':
      return `CAST(${timestampExpression(v, b, opts)} AS DATE)`;
    case 'dates': {
      // Each `|`-separated part as a date (no zone offsets in a date); one unreadable part makes the
      // whole cell unreadable (NULL), so the ledger lists it rather than a pause silently shrinking.
      const part = (x: string) => `CAST(${naiveTimestamp(x, b, opts.format)} AS DATE)`;
      const list = () => `list_transform(regexp_split_to_array(${v}, 's*[|｜]s*'), x -> ${part('x')})`;
      return `CASE WHEN list_bool_or(list_transform(${list()}, y -> y IS NULL)) THEN NULL ELSE ${list()} END`;
    }
    case 'enum': {
      // The mapping file's values first (bound), then the schema's codes and Chinese labels.
      const user = Object.entries(opts.values ?? {}).map(
        ([src, code]) => `WHEN ${b.bind(src)} THEN ${b.bind(code)}`,
      );
      const userCase = user.length ? `CASE ${v} ${user.join(' ')} END` : 'NULL';
      // Then the schema's codes and labels (normalise-label.ts): looked up per distinct value when the
      // importer has done so (`codes`, bound), else in SQL for every cell.
      if (!opts.codes) return `coalesce(${userCase}, ${recodeSql(codeLookup(field.enum ?? []), v)})`;
      const arms = [...opts.codes].map(([cell, code]) => `WHEN ${b.bind(cell)} THEN ${b.bind(code)}`);
      return arms.length ? `coalesce(${userCase}, CASE ${v} ${arms.join(' ')} END)` : userCase;
    }
    case 'limit':
      throw new Error('limit fields expand to two columns; use limitExpressions');
  }
}

const INSTANT = ['即办', '当场办结', '立即', '即时办结'];
const NO_LIMIT = ['无期限', '无', '不限', '无时限'];
/** A time limit's wording → its unit, in order (full matches; `\\s` as RE2 reads it). */
const LIMIT_UNITS: readonly (readonly [pattern: string, unit: string])[] = [
  ['[0-9]+', 'wd'],
  ['[0-9]+\\s*个?\\s*工作日', 'wd'],
  ['[0-9]+\\s*个?\\s*(自然日|日|天)', 'cd'],
  ['[0-9]+\\s*个?\\s*小时', 'h'],
  ['[0-9]+\\s*个?\\s*月', 'm'],
  ['[0-9]+\\s*个?\\s*年', 'y'],
];

/** "20个工作日" → (20, 'wd'); "即办" → (0, 'instant'); "无期限" → (NULL, 'none'); a bare number → working days. */
export function limitExpressions(v: string): { value: string; unit: string } {
  const num = `TRY_CAST(regexp_extract(${v}, '([0-9]+)', 1) AS INTEGER)`;
  const units = LIMIT_UNITS.map(
    ([re, unit]) => `WHEN regexp_full_match(${v}, ${literal(re)}) THEN '${unit}'`,
  );
  const unit = `CASE
    WHEN ${v} IN (${inList(INSTANT)}) THEN 'instant'
    WHEN ${v} IN (${inList(NO_LIMIT)}) THEN 'none'
    ${units.join('\n    ')}
  END`;
  return {
    unit,
    value: `CASE WHEN ${v} IN (${inList(INSTANT)}) THEN 0 WHEN ${v} IN (${inList(NO_LIMIT)}) THEN NULL ELSE ${num} END`,
  };
}

// The same typing in TypeScript, for the few distinct cells of a coded, yes/no or time-limit column: typed
// here, a file's look-up needs no statement (its first execution cost DuckDB-WASM 0.2–0.3 s per import).
// Each twin is checked against the SQL on random cells (type-cells.test.ts).

/** DuckDB's trim(): space separators (Zs) only; tabs, line breaks and a byte-order mark stay. */
export const trimLikeSql = (s: string): string => s.replace(/^\p{Zs}+|\p{Zs}+$/gu, '');

/** A pattern of RE2 as a whole-text JS RegExp: RE2's `\s` is [\t\n\f\r ] (no vertical tab, no Unicode spaces). */
const fullMatch = (re: string) => new RegExp(`^(?:${re.replaceAll('\\s', '[\\t\\n\\f\\r ]')})$`, 'u');
const LIMIT_UNITS_JS = LIMIT_UNITS.map(([re, unit]) => [fullMatch(re), unit] as const);
const INT_MAX = 2 ** 31 - 1;

/** limitExpressions of a trimmed, non-empty cell: [value, unit]. */
export function parseLimit(v: string): [number | null, string | null] {
  if (INSTANT.includes(v)) return [0, 'instant'];
  if (NO_LIMIT.includes(v)) return [null, 'none'];
  const digits = /[0-9]+/.exec(v)?.[0];
  const n = digits === undefined ? Number.NaN : Number(digits);
  const unit = LIMIT_UNITS_JS.find(([re]) => re.test(v))?.[1] ?? null;
  return [Number.isFinite(n) && n <= INT_MAX ? n : null, unit];
}

/**
 * parseExpression of a trimmed, non-empty cell of a yes/no field. The words are ASCII and Chinese, so
 * toLowerCase agrees with DuckDB's lower() on whether a cell is one of them.
 */
export function parseBool(v: string): boolean | null {
  const lower = v.toLowerCase();
  return TRUE_WORDS.includes(lower) ? true : FALSE_WORDS.includes(lower) ? false : null;
}

/** parseExpression of a trimmed, non-blank cell of a coded field whose codes were looked up (`opts.codes`). */
export function parseCode(v: string, opts: FieldParseOptions): string | null {
  if (opts.values && Object.hasOwn(opts.values, v)) return opts.values[v] ?? null;
  return opts.codes?.get(v) ?? null;
}
