import type { Engine } from '../engine/types.ts';
import { fieldColumns, sqlType } from '../schema/column-types.ts';
import { codeLookup, isBlankLabelSql, recode } from '../schema/normalise-label.ts';
import type { DatasetDef, FieldDef } from '../schema/types.ts';
import { ident, literal, type SqlValue } from '../sql/quote.ts';
import { yieldToHost } from '../yield-to-host.ts';
import type { ImportMapping } from './mapping.ts';
import { Binder, type FieldParseOptions, limitExpressions, parseExpression } from './parse-sql.ts';
import { typeCellsTs } from './type-cells.ts';

/** Column of the typed table holding a cell's text where its field could not parse it (NULL elsewhere). */
export const badCol = (key: string) => `__bad__${key}`;
/** Column of the typed table holding a field's text, kept only where another field is filled from it. */
export const rawCol = (key: string) => `__raw__${key}`;
/** The column whose NULL says a field's cell did not parse. */
export const parsedCol = (f: FieldDef) => (f.type === 'limit' ? `${f.key}_unit` : f.key);

/**
 * The trimmed cell ('' → NULL) of a raw cell's SQL; a coded cell of only dashes or slashes ("—", "/") is
 * empty too. `trim` false: the file has no cell with a space at its edge, so trimming would change nothing
 * (and cost DuckDB-WASM 0.5 s over four text columns of a million rows).
 */
function cellSql(field: FieldDef, raw: string | undefined, trim = true): string {
  if (raw === undefined) return 'NULL';
  const cell = trim ? `NULLIF(trim(${raw}), '')` : `NULLIF(${raw}, '')`;
  return field.type === 'enum' ? `CASE WHEN NOT ${isBlankLabelSql(cell)} THEN ${cell} END` : cell;
}

export interface TypedSelect {
  /**
   * select list over a raw table: every field typed, and the text of the cells typing must judge; `typed`
   * names the headers the reader typed itself (their cells are TIMESTAMP there, never text to judge)
   */
  inner(typed: ReadonlySet<string>): string[];
  /** select list over `inner`: the typed columns, `badCol` text of cells that did not parse, `rawCol`s kept */
  outer: string[];
}

/**
 * The error a one-pass typing raises at a coded cell its look-up does not know (unseen in the file's first
 * rows): the typing is then made again with such cells typed per row (load-dataset.ts). Rare, and planning
 * that per-row SQL (dozens of regular expressions) cost DuckDB-WASM 0.1–0.3 s on every import.
 */
export const UNSEEN_CELL = '__import_unseen_cell';

/** The types the CSV reader may give a column itself (read-raw.ts, readerTyped). */
export type ReaderType = 'TIMESTAMP' | 'INTEGER';

/**
 * The headers the CSV reader may type itself (read-raw.ts, readerTyped), with the type: date-time and
 * integer fields, not with a mapping's own format (tried before the built-in ones), nor where a text
 * field is filled from the cell's wording or another field reads the same column.
 */
export function readerTypedHeaders(
  def: DatasetDef,
  mapped: Record<string, string>,
  mapping: ImportMapping,
): Map<string, ReaderType> {
  const sources = fillSources(def);
  // A header a mapping gives two fields stays text: the other field reads it as text.
  const shared = (h: string) => Object.values(mapped).filter((x) => x === h).length > 1;
  const typed = new Map<string, ReaderType>();
  for (const f of def.fields) {
    const header = mapped[f.key];
    const type =
      f.type === 'datetime' || f.type === 'date' ? 'TIMESTAMP' : f.type === 'int' ? 'INTEGER' : undefined;
    const own = header !== undefined && !shared(header);
    if (own && type && !mapping.formats?.[f.key] && !sources.has(f.key)) typed.set(header, type);
  }
  return typed;
}

/** Fields a text field is filled from: their text is kept beside their value. */
const fillSources = (def: DatasetDef) =>
  new Set(def.fields.flatMap((f) => (f.type === 'string' && f.fillFrom ? [f.fillFrom.field] : [])));

/** One typed output column of a field: its name, type and SQL over the raw cell. */
interface Output {
  name: string;
  type: string;
  sql: string;
}

/** A field's typed columns over its raw cell `raw` (limit fields have two). */
function outputs(
  field: FieldDef,
  raw: string | undefined,
  binder: Binder,
  options: FieldParseOptions,
): Output[] {
  const v = cellSql(field, raw, !options.untrimmed);
  if (field.type === 'limit') {
    const { value, unit } = limitExpressions(v);
    return [
      { name: `${field.key}_value`, type: 'INTEGER', sql: value },
      { name: `${field.key}_unit`, type: 'VARCHAR', sql: unit },
    ];
  }
  const type = sqlType(field);
  return [{ name: field.key, type, sql: `CAST(${parseExpression(field, v, binder, options)} AS ${type})` }];
}

/** Field types whose columns usually hold few distinct cells (codes, yes/no, time limits). */
const LOOKUP_TYPES = new Set<FieldDef['type']>(['enum', 'bool', 'limit']);
/** At most this many distinct cells: the column is typed once per distinct cell, then looked up by CASE. */
const MAX_LOOKUP = 64;
/** Above this many distinct values in a coded column, its cells are recoded in SQL instead. */
const MAX_DISTINCT_CODES = 5000;

/**
 * The typing pass as two select lists, so each cell is parsed once: `inner` types every cell and carries the
 * raw cell of present non-text fields; `outer` keeps from it the text of the cells that did not parse (the
 * ledger's) and what the fills need, so the raw text is gone once the typed table exists and is trimmed
 * only where kept. `raws` are the raw tables (the reader's, and the lines it read again as text). A column
 * of codes, yes/no or time limits with few distinct cells is typed once per distinct cell (the same SQL),
 * then looked up by the cell as written: no per-row trimming or parsing.
 */
export async function typedSelect(
  engine: Engine,
  raws: string[] | ((header: string) => string[]),
  def: DatasetDef,
  mapped: Record<string, string>,
  mapping: ImportMapping,
  binder: Binder,
  fixedOffset: number | undefined,
  /** some cell may start or end with a space (RawTable.edgeSpaces) */
  edgeSpaces = true,
  /** a coded cell the first rows did not show (cells known from them only): UNSEEN_CELL, or typed per row */
  unseen: 'fail' | 'type' = 'type',
): Promise<TypedSelect> {
  // Cells known from the file's start only (a fused reading): a cell not among them is typed per row.
  const complete = Array.isArray(raws);
  const distinct = complete
    ? await distinctCells(engine, raws, def, mapped)
    : sampledCells(raws, def, mapped);
  // Turns for the page between the planning steps (in the browser the planning of a file was one 45–60 ms
  // task of the UI thread).
  await yieldToHost();
  const options = (field: FieldDef, codes = complete): FieldParseOptions => ({
    values: mapping.values?.[field.key],
    codes: codes ? distinct.get(field.key)?.codes : undefined,
    format: mapping.formats?.[field.key],
    fixedOffset,
    untrimmed: !edgeSpaces,
  });
  const lookups = typeCells(
    def.fields.flatMap((field) => {
      const cells = distinct.get(field.key)?.cells;
      const header = mapped[field.key];
      if (!cells || header === undefined || cells.length > MAX_LOOKUP) return [];
      return [{ field, header, cells, options: options(field, true) }];
    }),
  );
  await yieldToHost();
  const sources = fillSources(def);
  const outer: string[] = [];
  for (const field of def.fields) {
    outer.push(...fieldColumns(field).map(ident));
    if (mapped[field.key] === undefined || field.type === 'string') continue;
    const text = ident(rawCol(field.key));
    outer.push(
      `CASE WHEN ${ident(parsedCol(field))} IS NULL THEN ${cellSql(field, text)} END AS ${ident(badCol(field.key))}`,
    );
    if (sources.has(field.key)) outer.push(`${cellSql(field, text)} AS ${text}`);
  }
  const inner = (typed: ReadonlySet<string>): string[] => {
    const list: string[] = [];
    for (const field of def.fields) {
      const header = mapped[field.key];
      const raw = header === undefined ? undefined : ident(header);
      const lookup = lookups.get(field.key);
      if (header === undefined) {
        // No column: typed NULLs, not the parse SQL of a NULL, which DuckDB plans at a cost (at 100k in
        // the browser the import's CREATE TABLE went from 756 to 660 ms).
        for (const out of outputs(field, undefined, new Binder(), {})) {
          list.push(`CAST(NULL AS ${out.type}) AS ${ident(out.name)}`);
        }
        continue;
      }
      if (typed.has(header)) {
        // A cell the reader typed is a TIMESTAMP already (NULL when empty), with no text left to judge.
        list.push(
          `CAST(${raw} AS ${sqlType(field)}) AS ${ident(field.key)}`,
          `CAST(NULL AS VARCHAR) AS ${ident(rawCol(field.key))}`,
        );
        continue;
      }
      // A looked-up field's outputs are its cells' values. A cell the look-up does not know (it knew only
      // the file's start) is typed by the output's SQL over the cell as a lambda's argument: written over
      // the column, DuckDB's common-subexpression pass lifts its repeated parts (the trimmed cell) out of
      // the ELSE and computes them for every row. Its parameters are bound after the look-up's (limit, the
      // one field type with two outputs, binds none).
      // Or, first, it fails the statement (UNSEEN_CELL): then every cell the look-up knows needs an arm,
      // those without a value too.
      const own = new Binder();
      const sampled = lookup !== undefined && !complete && raw !== undefined;
      const fail = sampled && unseen === 'fail';
      const perCell = sampled && !fail ? outputs(field, '__cell', own, options(field)) : [];
      for (const [i, out] of outputs(field, raw, lookup ? new Binder() : binder, options(field)).entries()) {
        const cell = perCell[i];
        const otherwise = fail
          ? { sql: `CASE WHEN ${raw} IS NOT NULL THEN error(${literal(UNSEEN_CELL)}) END`, params: [] }
          : cell && {
              sql: `CASE WHEN ${raw} IS NOT NULL THEN list_transform([${raw}], __cell -> ${cell.sql})[1] END`,
              params: own.params,
            };
        const arms = lookup?.get(out.name) ?? [];
        const sql = lookup
          ? caseSql(raw ?? 'NULL', fail ? [...arms, ...emptyArm(arms)] : arms, binder, otherwise, fail)
          : out.sql;
        list.push(`CAST(${sql} AS ${out.type}) AS ${ident(out.name)}`);
      }
      if (raw !== undefined && field.type !== 'string') list.push(`${raw} AS ${ident(rawCol(field.key))}`);
    }
    return list;
  };
  return { inner, outer };
}

/** An arm for the empty cell (a quoted "", which the reader keeps as ''), unless there is one. */
const emptyArm = (arms: Array<[string, SqlValue]>): Array<[string, SqlValue]> =>
  arms.some(([cell]) => cell === '') ? [] : [['', null]];

/**
 * `CASE raw WHEN cell THEN value … ELSE otherwise END`, every cell and value bound; arms without a value
 * are left to the ELSE unless `nulls` (then they say NULL).
 */
function caseSql(
  raw: string,
  all: Array<[string, SqlValue]>,
  binder: Binder,
  otherwise?: { sql: string; params: SqlValue[] },
  nulls = false,
): string {
  const arms = nulls ? all : all.filter(([, value]) => value !== null);
  const when = arms.map(
    ([cell, value]) => `WHEN ${binder.bind(cell)} THEN ${value === null ? 'NULL' : binder.bind(value)}`,
  );
  if (!otherwise) return arms.length ? `CASE ${raw} ${when.join(' ')} END` : 'NULL';
  binder.params.push(...otherwise.params);
  return arms.length ? `CASE ${raw} ${when.join(' ')} ELSE ${otherwise.sql} END` : otherwise.sql;
}

/**
 * A cell's text prefixed with one character, for reading it back exactly: apache-arrow decodes each text
 * with a TextDecoder that drops a leading byte-order mark, so a cell "\ufeff行政许可" came back as
 * "行政许可" and its look-up arm never matched the cell. Strip the prefix with slice(1).
 */
const BOM_SAFE = (sql: string) => `('|' || ${sql})`;

/** A field to type per distinct cell: its raw column, its distinct cells as written, its options. */
type CellsToType = { field: FieldDef; header: string; cells: string[]; options: FieldParseOptions };

/**
 * Each field's typed columns for each of its distinct raw `cells`: field key → output name → [cell, value
 * or null] for every cell, typed in TypeScript (type-cells.ts, twins of the SQL). A field it does not type
 * gets no look-up: its cells are typed per row by the SQL.
 */
function typeCells(fields: CellsToType[]): Map<string, Map<string, Array<[string, SqlValue]>>> {
  const lookups = new Map<string, Map<string, Array<[string, SqlValue]>>>();
  for (const f of fields) {
    const typed = typeCellsTs(f.field, f.cells, f.options);
    if (typed) lookups.set(f.field.key, typed);
  }
  return lookups;
}

/**
 * typeCells by the SQL the per-row typing uses, in one query: the reference the TypeScript twins are
 * checked against (type-cells.test.ts).
 */
export async function typeCellsSql(
  engine: Engine,
  fields: CellsToType[],
): Promise<Map<string, Map<string, Array<[string, SqlValue]>>>> {
  const b = new Binder();
  const lookups = new Map<string, Map<string, Array<[string, SqlValue]>>>();
  const parts: string[] = [];
  const typed: { key: string; outs: { name: string }[] }[] = [];
  for (const { field, header, cells, options } of fields) {
    if (!cells.length) {
      lookups.set(
        field.key,
        new Map(outputs(field, ident(header), new Binder(), options).map((o) => [o.name, []])),
      );
      continue;
    }
    // Params are bound in the order they appear in the SQL: the select list, then the cells.
    const outs = outputs(field, ident(header), b, options);
    const select = outs.map((o) => `${o.sql} AS ${ident(o.name)}`).join(', ');
    const values = cells.map((c) => `(${b.bind(c)})`).join(', ');
    parts.push(
      `SELECT ${literal(field.key)} AS __field, ${BOM_SAFE(ident(header))} AS __cell, ${select} FROM (VALUES ${values}) AS t(${ident(header)})`,
    );
    typed.push({ key: field.key, outs });
  }
  if (!parts.length) return lookups;
  // Each field's outputs are named after it: the union by name leaves the others' columns NULL.
  const t = await engine.query(parts.join(' UNION ALL BY NAME '), b.params);
  for (const { key, outs } of typed) lookups.set(key, new Map(outs.map((o) => [o.name, []])));
  for (const row of t) {
    const arms = lookups.get(String(row.__field));
    for (const [name, list] of arms ?? [])
      list.push([String(row.__cell).slice(1), (row[name] as SqlValue | undefined) ?? null]);
  }
  return lookups;
}

/**
 * distinctCells from the cells of the file's first rows (`cells`): the look-ups then know only those. A
 * coded column's codes are of those cells trimmed in JS, whose trim may differ from DuckDB's: a cell whose
 * code is not found that way gets no look-up arm and is recoded per row, as any cell not among them is.
 */
function sampledCells(
  cells: (header: string) => string[],
  def: DatasetDef,
  mapped: Record<string, string>,
): Map<string, { cells?: string[]; codes?: Map<string, string> }> {
  const out = new Map<string, { cells?: string[]; codes?: Map<string, string> }>();
  for (const field of def.fields) {
    const header = mapped[field.key];
    if (!LOOKUP_TYPES.has(field.type) || header === undefined) continue;
    const values = cells(header);
    const trimmed = values.map((c) => c.trim()).filter(Boolean);
    out.set(field.key, { cells: values, codes: field.type === 'enum' ? codesOf(field, trimmed) : undefined });
  }
  return out;
}

/**
 * The distinct cells, as written, of each coded, yes/no and time-limit column (up to MAX_DISTINCT_CODES + 1
 * of them), in one statement for all columns; and for a coded column with at most MAX_DISTINCT_CODES, the
 * schema code of every distinct trimmed cell (`recode`: as written, normal form, head), computed once per
 * value rather than once per row (a column with more gets none: its cells are recoded in SQL).
 */
async function distinctCells(
  engine: Engine,
  raws: string[],
  def: DatasetDef,
  mapped: Record<string, string>,
): Promise<Map<string, { cells?: string[]; codes?: Map<string, string> }>> {
  const fields = def.fields.filter((f) => LOOKUP_TYPES.has(f.type) && mapped[f.key] !== undefined);
  const out = new Map<string, { cells?: string[]; codes?: Map<string, string> }>();
  if (!fields.length) return out;
  const parts = fields.map((f, i) => {
    const from = raws
      .map((raw) => `SELECT ${ident(mapped[f.key] as string)} AS c FROM ${raw}`)
      .join(' UNION ALL ');
    return `(SELECT ${i} AS f, ${BOM_SAFE('c')} AS c, ${BOM_SAFE("NULLIF(trim(c), '')")} AS t FROM (SELECT DISTINCT c FROM (${from})) WHERE c IS NOT NULL LIMIT ${MAX_DISTINCT_CODES + 1})`;
  });
  const t = await engine.query(parts.join(' UNION ALL '));
  const cells = fields.map((): Array<[string, string | null]> => []);
  for (const row of t)
    cells[Number(row.f)]?.push([String(row.c).slice(1), row.t === null ? null : String(row.t).slice(1)]);
  fields.forEach((field, i) => {
    const values = cells[i] ?? [];
    if (values.length > MAX_DISTINCT_CODES) return;
    const trimmed = values.flatMap(([, t]) => (t === null ? [] : [t]));
    out.set(field.key, {
      cells: values.map(([c]) => c),
      codes: field.type === 'enum' ? codesOf(field, trimmed) : undefined,
    });
  });
  return out;
}

/**
 * The schema code of each trimmed cell of a coded field that names one (`recode`: as written, normal
 * form, head). Blank labels ("—") need no test here: typing blanks them before it looks a cell up.
 */
export function codesOf(field: FieldDef, cells: string[]): Map<string, string> {
  const lookup = codeLookup(field.enum ?? []);
  const codes = new Map<string, string>();
  for (const cell of cells) {
    const code = recode(lookup, cell);
    if (code !== undefined) codes.set(cell, code);
  }
  return codes;
}
