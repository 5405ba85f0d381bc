import type { SqlValue } from '../quote.ts';
import { closingParen, skipSpace, type Token, tokenize } from './tokens.ts';

/**
 * DuckDB SQL → ClickHouse SQL, for the library's own statements (not a general transpiler: what the
 * definitions use is covered, and the sameness tests run every definition through it on real ClickHouse).
 *
 * - `?` parameters become `{pN:Type}` with `param_pN` values (a parameter used twice keeps its name);
 * - `strftime` → `formatDateTime` (`%M` minutes is ClickHouse's `%i`); `make_date` → `makeDate32`;
 * - `dayofweek` (Sunday 0) → `toDayOfWeek(x) % 7` (ClickHouse: Sunday 7);
 * - `median` (DuckDB: the mean of the two middle values on even counts) → `quantileExactInclusive(0.5)`
 *   (`medianExact` would pick one of them);
 * - `to_days`/`to_hours`/`to_months`/`to_years` → `toInterval…`; `* EXCLUDE (…)` → `* EXCEPT (…)`;
 * - `count(*) FILTER (cond)` → `FILTER (WHERE cond)`; `TRY_CAST(x AS T)` → `accurateCastOrNull`;
 * - `list(x ORDER BY y)` → `groupArray` sorted by y; `[]::VARCHAR[]` → Array(String);
 * - `mode(x ORDER BY x)` (DuckDB: the most frequent value, a tie to the first in that order, i.e. the
 *   smallest) → the exact counts of `sumMap`, whose keys come sorted, first largest count; plain `mode(x)`
 *   breaks ties by arrival order, which no other engine can reproduce, and is refused (`topK` would
 *   also be approximate);
 * - the calendar macros `working_days_between` / `add_working_days` → look-ups in the two calendar
 *   dictionaries the loader creates over `work_calendar` (clickhouse-load.ts);
 * - string literals keep their value (ClickHouse treats backslashes as escapes, DuckDB does not);
 * - the catalogue's `table_schema = 'main'` is the current database.
 * Semantics that are settings rather than syntax (LEFT JOIN non-matches as NULL, `CAST(NULL AS DATE)`,
 * UTC timestamps, FINAL on deduplicated tables) are sent with every query: `CLICKHOUSE_SETTINGS`.
 */
export interface ClickHouseQuery {
  sql: string;
  /** `param_<name>` values in ClickHouse's escaped text form (a NULL is written as the literal). */
  params: Record<string, string>;
}

/** Query settings that make ClickHouse answer as DuckDB does (see the notes above). */
export const CLICKHOUSE_SETTINGS: Readonly<Record<string, string>> = {
  join_use_nulls: '1',
  cast_keep_nullable: '1',
  session_timezone: 'UTC',
  final: '1',
  // Aggregates over no rows keep their NULL instead of becoming 0/NaN through a nullable wrapper.
  aggregate_functions_null_for_empty: '0',
  output_format_arrow_compression_method: 'none',
  output_format_arrow_string_as_string: '1',
  output_format_arrow_low_cardinality_as_dictionary: '0',
  // ClickHouse would otherwise rewrite `x AS name` into the WHERE of the same SELECT.
  prefer_column_name_to_alias: '1',
  // The calendar look-ups spell out their arguments; cube statements grow past the default 256 KiB.
  max_query_size: '16777216',
  max_ast_elements: '5000000',
  max_expanded_ast_elements: '5000000',
};

/** Dictionaries over `work_calendar` (created by the loader): by day number, and working days by sequence. */
export const CALENDAR_BY_DAY = 'ad_work_calendar_by_day';
export const CALENDAR_BY_SEQ = 'ad_work_calendar_by_seq';

const TYPES: Record<string, string> = {
  DATE: 'Date32',
  TIMESTAMP: "DateTime64(6, 'UTC')",
  INTEGER: 'Int32',
  BIGINT: 'Int64',
  DOUBLE: 'Float64',
  VARCHAR: 'String',
  BOOLEAN: 'Bool',
};

function paramType(v: Exclude<SqlValue, null>): string {
  if (typeof v === 'boolean') return 'Bool';
  if (typeof v === 'number') return Number.isInteger(v) ? 'Int64' : 'Float64';
  return 'String';
}

/** ClickHouse reads parameter values in its escaped (TSV) form. */
function paramValue(v: Exclude<SqlValue, null>): string {
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`Cannot bind ${v} as a ClickHouse parameter`);
    return String(v);
  }
  return v.replaceAll('\\', '\\\\').replaceAll('\t', '\\t').replaceAll('\n', '\\n').replaceAll('\r', '\\r');
}

/** DuckDB `strftime` format → ClickHouse `formatDateTime` format (only `%M` differs among those used). */
function dateFormat(literal: string): string {
  if (!/^'[^']*'$/.test(literal.trim()))
    throw new Error(`strftime needs a constant format on ClickHouse, got ${literal}`);
  return literal.trim().replaceAll('%M', '%i');
}

const dayKey = (x: string) => `toUInt64(toInt32(toDate32(assumeNotNull(${x}))))`;
const byDay = (attr: string, x: string) =>
  `if((${x}) IS NULL, NULL, dictGetOrNull('${CALENDAR_BY_DAY}', '${attr}', ${dayKey(x)}))`;

/** `working_days_between(a, b)`: working days in (a, b], NULL outside the calendar or in unknown years. */
function workingDaysBetween(a: string, b: string): string {
  return `if(${byDay('known', a)} AND ${byDay('known', b)} AND ${byDay('unknown_seq', a)} = ${byDay('unknown_seq', b)},
    toInt64(${byDay('wd_seq', b)}) - toInt64(${byDay('wd_seq', a)}), NULL)`;
}

/** `add_working_days(start, n)`: the n-th working day after start (start itself when n = 0). */
function addWorkingDays(s: string, n: string): string {
  const target = `toUInt64(assumeNotNull(toInt64(${byDay('wd_seq', s)}) + (${n})))`;
  const found = (attr: string) => `dictGetOrNull('${CALENDAR_BY_SEQ}', '${attr}', ${target})`;
  return `multiIf(NOT ${byDay('known', s)}, NULL, (${n}) = 0, toDate32(${s}),
    (${n}) > 0 AND ${found('unknown_seq')} = ${byDay('unknown_seq', s)}, ${found('d')}, NULL)`;
}

/** Functions (and FILTER) whose ClickHouse form differs; any other name followed by `(` stays as written. */
const RENDERED = new Set([
  'strftime',
  'make_date',
  'dayofweek',
  'median',
  'to_days',
  'to_hours',
  'to_months',
  'to_years',
  'current_database',
  'mode',
  'working_days_between',
  'add_working_days',
  'try_cast',
  'list',
  'filter',
  'contains',
  'round',
]);

/** Splits a token range at top-level commas. */
function splitArgs(tokens: Token[], from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  let start = from;
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== 'op') continue;
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth--;
    else if (t.text === ',' && depth === 0) {
      out.push([start, i]);
      start = i + 1;
    }
  }
  if (skipSpace(tokens, start) < to || out.length) out.push([start, to]);
  return out;
}

/** Index of the top-level keyword `word` (case-insensitive) in [from, to), or -1. */
function keywordAt(tokens: Token[], from: number, to: number, word: string): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i] as Token;
    if (t.kind === 'op' && (t.text === '(' || t.text === '[')) depth++;
    else if (t.kind === 'op' && (t.text === ')' || t.text === ']')) depth--;
    else if (depth === 0 && t.kind === 'ident' && t.text.toUpperCase() === word) return i;
  }
  return -1;
}

class Translator {
  readonly params: Record<string, string> = {};
  #next = 0;

  /** How many `?` were rendered. */
  get bound(): number {
    return this.#next;
  }

  constructor(
    private readonly tokens: Token[],
    private readonly values: readonly SqlValue[],
  ) {}

  /** ClickHouse text of tokens [from, to). */
  range(from: number, to: number): string {
    const t = this.tokens;
    let out = '';
    for (let i = from; i < to; i++) {
      const tok = t[i] as Token;
      if (tok.kind === 'param') {
        out += this.#param();
      } else if (tok.kind === 'string') {
        out += tok.text.replaceAll('\\', '\\\\');
      } else if (tok.kind === 'ident') {
        const next = skipSpace(t, i + 1);
        const upper = tok.text.toUpperCase();
        if (upper === 'EXCLUDE' && /\*\s*$/.test(out)) {
          out += 'EXCEPT';
        } else if (t[next]?.text === '(' && RENDERED.has(tok.text.toLowerCase())) {
          const close = closingParen(t, next);
          if (close < 0) throw new SyntaxError('Unbalanced parentheses in SQL');
          out += this.#call(tok.text, next, close, t.slice(i + 1, next));
          i = close;
        } else if (
          upper === 'BY' &&
          t[skipSpace(t, i + 1)]?.text.toUpperCase() === 'NAME' &&
          /UNION\s+(ALL\s+)?$/i.test(out)
        ) {
          // `UNION ALL BY NAME`: the library only uses it over branches listing the same columns in order.
          out = out.replace(/\s+$/, ' ');
          i = skipSpace(t, i + 1);
        } else if (upper === 'TABLE_SCHEMA' && this.#isMainSchema(i)) {
          out += 'table_schema = currentDatabase()';
          i = skipSpace(t, skipSpace(t, i + 1) + 1);
        } else out += tok.text;
      } else if (
        tok.kind === 'op' &&
        tok.text === '(' &&
        t[skipSpace(t, i + 1)]?.text.toUpperCase() === 'VALUES'
      ) {
        const [text, end] = this.#values(i);
        out += text;
        i = end;
      } else if (tok.kind === 'op' && tok.text === '::') {
        // `[]::VARCHAR[]`: an array type.
        const ty = skipSpace(t, i + 1);
        if (t[ty + 1]?.text === '[' && t[ty + 2]?.text === ']') {
          out += `::Array(${TYPES[(t[ty]?.text ?? '').toUpperCase()] ?? 'String'})`;
          i = ty + 2;
        } else out += '::';
      } else out += tok.text;
    }
    return out;
  }

  /**
   * `(VALUES (a, b), …) AS x(c1, c2)` → `(SELECT a AS c1, b AS c2 UNION ALL SELECT …) AS x`: ClickHouse
   * has no column aliases on a derived table. Returns the text and the index of the last token used.
   */
  #values(open: number): [string, number] {
    const t = this.tokens;
    const close = closingParen(t, open);
    const rows = splitArgs(t, skipSpace(t, open + 1) + 1, close).map(([a]) => {
      const p = skipSpace(t, a);
      return this.#args(p, closingParen(t, p));
    });
    let i = skipSpace(t, close + 1);
    if (t[i]?.text.toUpperCase() === 'AS') i = skipSpace(t, i + 1);
    const alias = t[i]?.text ?? '';
    const cols = skipSpace(t, i + 1);
    if (t[cols]?.text !== '(') throw new SyntaxError('VALUES needs column names on ClickHouse: AS x(c1, …)');
    const colsClose = closingParen(t, cols);
    const names = splitArgs(t, cols + 1, colsClose).map(([a, b]) => this.range(a, b).trim());
    const selects = rows.map(
      (r, n) => `SELECT ${r.map((v, k) => (n === 0 ? `${v} AS ${names[k]}` : v)).join(', ')}`,
    );
    return [`(${selects.join(' UNION ALL ')}) AS ${alias}`, colsClose];
  }

  #isMainSchema(i: number): boolean {
    const eq = skipSpace(this.tokens, i + 1);
    const lit = skipSpace(this.tokens, eq + 1);
    return this.tokens[eq]?.text === '=' && this.tokens[lit]?.text === "'main'";
  }

  #param(): string {
    const n = this.#next++;
    if (n >= this.values.length)
      throw new RangeError(`SQL has more ? than the ${this.values.length} values bound`);
    const v = this.values[n] as SqlValue;
    // A NULL needs no type of its own: the plain literal takes the context's, as DuckDB's binding does.
    if (v === null) return 'NULL';
    this.params[`p${n}`] = paramValue(v);
    return `{p${n}:${paramType(v)}}`;
  }

  #args(open: number, close: number): string[] {
    return splitArgs(this.tokens, open + 1, close).map(([a, b]) => this.range(a, b).trim());
  }

  #call(name: string, open: number, close: number, gap: Token[]): string {
    const t = this.tokens;
    const lower = name.toLowerCase();
    const one = () => this.#args(open, close)[0] ?? '';
    switch (lower) {
      case 'strftime': {
        const [x, f] = this.#args(open, close);
        return `formatDateTime(${x}, ${dateFormat(f ?? '')})`;
      }
      case 'make_date':
        return `makeDate32(${this.#args(open, close).join(', ')})`;
      case 'dayofweek':
        return `(toDayOfWeek(${one()}) % 7)`;
      case 'median':
        return `quantileExactInclusive(0.5)(${one()})`;
      case 'to_days':
        return `toIntervalDay(${one()})`;
      case 'to_hours':
        return `toIntervalHour(${one()})`;
      case 'to_months':
        return `toIntervalMonth(${one()})`;
      case 'to_years':
        return `toIntervalYear(${one()})`;
      case 'current_database':
        return 'currentDatabase()';
      case 'mode': {
        const order = keywordAt(t, open + 1, close, 'ORDER');
        const x = this.range(open + 1, order < 0 ? close : order).trim();
        const by = order < 0 ? '' : this.range(skipSpace(t, order + 1) + 1, close).trim();
        if (by.replace(/\s+ASC$/i, '') !== x)
          throw new Error(
            `mode(${x}) needs ORDER BY ${x} on ClickHouse: its ties would follow arrival order`,
          );
        const counts = `sumMapIf([assumeNotNull(${x})], [toUInt64(1)], (${x}) IS NOT NULL)`;
        return `if(count(${x}) = 0, NULL, arrayElement(arrayMap(__m -> __m.1[indexOf(__m.2, arrayMax(__m.2))], [${counts}]), 1))`;
      }
      case 'working_days_between': {
        const [a, b] = this.#args(open, close);
        return workingDaysBetween(a ?? '', b ?? '');
      }
      case 'add_working_days': {
        const [s, n] = this.#args(open, close);
        return addWorkingDays(s ?? '', n ?? '');
      }
      case 'try_cast': {
        const as = keywordAt(t, open + 1, close, 'AS');
        const type = this.range(as + 1, close)
          .trim()
          .toUpperCase();
        return `accurateCastOrNull(${this.range(open + 1, as).trim()}, '${TYPES[type] ?? type}')`;
      }
      case 'list': {
        const order = keywordAt(t, open + 1, close, 'ORDER');
        if (order < 0) return `groupArray(${one()})`;
        const by = skipSpace(t, order + 1);
        const x = this.range(open + 1, order).trim();
        const y = this.range(by + 1, close).trim();
        return `arrayMap(t -> t.1, arraySort(t -> t.2, groupArray(tuple(${x}, ${y}))))`;
      }
      case 'contains': {
        const [a, b] = this.#args(open, close);
        return `(position(${a}, ${b}) > 0)`;
      }
      case 'round': {
        // DuckDB: std::round(x · 10^n) / 10^n, halves away from zero; ClickHouse rounds float halves to even.
        const [x, n] = this.#args(open, close);
        const m = `pow(10, ${n ?? '0'})`;
        return `(sign((${x}) * ${m}) * floor(abs((${x}) * ${m}) + 0.5) / ${m})`;
      }
      case 'filter': {
        const first = skipSpace(t, open + 1);
        const inner = this.range(open + 1, close);
        return `${name}${gap.map((g) => g.text).join('')}(${t[first]?.text.toUpperCase() === 'WHERE' ? '' : 'WHERE '}${inner})`;
      }
      default:
        throw new Error(`no ClickHouse form for ${name}()`);
    }
  }
}

/**
 * Where a top-level ORDER BY follows a UNION: ClickHouse would sort only the last branch, DuckDB sorts the
 * whole union. Returns the index of that ORDER keyword, or -1.
 */
function orderAfterUnion(tokens: Token[]): number {
  let depth = 0;
  let union = false;
  let order = -1;
  for (const [i, t] of tokens.entries()) {
    if (t.kind === 'op' && t.text === '(') depth++;
    else if (t.kind === 'op' && t.text === ')') depth--;
    else if (depth === 0 && t.kind === 'ident') {
      const w = t.text.toUpperCase();
      if (w === 'UNION') {
        union = true;
        order = -1;
      } else if (w === 'ORDER' && union) order = i;
    }
  }
  return order;
}

/** Renders one DuckDB statement with its `?` values for ClickHouse. */
export function toClickHouse(sql: string, values: readonly SqlValue[] = []): ClickHouseQuery {
  const tokens = tokenize(sql);
  const tr = new Translator(tokens, values);
  const order = orderAfterUnion(tokens);
  const out =
    order < 0
      ? tr.range(0, tokens.length)
      : `SELECT * FROM (${tr.range(0, order)}) ${tr.range(order, tokens.length)}`;
  const bound = tr.bound;
  if (bound !== values.length)
    throw new RangeError(`SQL has ${bound} ? placeholders but ${values.length} values were bound`);
  return { sql: out, params: tr.params };
}
