import type { Engine } from '../engine/types.ts';
import { fieldColumns, sqlType } from '../schema/column-types.ts';
import { codeLookup, isBlankLabelSql, recode } from '../schema/normalise-label.ts';
import type { DatasetDef, FieldDef } from '../schema/types.ts';
import { ident, type SqlValue } from '../sql/quote.ts';
import type { ImportMapping } from './mapping.ts';
import { Binder, type FieldParseOptions, limitExpressions, parseExpression } from './parse-sql.ts';

/** Column of the typed table holding a cell's text where its field could not parse it (NULL elsewhere). */
export const badCol = (key: string) => `__bad__${key}`;
/** Column of the typed table holding a field's text, kept only where another field is filled from it. */
export const rawCol = (key: string) => `__raw__${key}`;
/** The column whose NULL says a field's cell did not parse. */
export const parsedCol = (f: FieldDef) => (f.type === 'limit' ? `${f.key}_unit` : f.key);

/** The trimmed cell ('' → NULL) of a raw cell's SQL; a coded cell of only dashes or slashes ("—", "/") is empty too. */
function cellSql(field: FieldDef, raw: string | undefined): string {
  if (raw === undefined) return 'NULL';
  const cell = `NULLIF(trim(${raw}), '')`;
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
 * The date-time fields' headers the CSV reader may type itself (read-raw.ts, readerTyped): not with a
 * mapping's own format (tried before the built-in ones), nor where a text field is filled from the cell's
 * wording or another field reads the same column.
 */
export function readerTypedHeaders(
  def: DatasetDef,
  mapped: Record<string, string>,
  mapping: ImportMapping,
): string[] {
  const sources = fillSources(def);
  // A header a mapping gives two fields stays text: the other field reads it as text.
  const shared = (h: string) => Object.values(mapped).filter((x) => x === h).length > 1;
  return def.fields.flatMap((f) => {
    const header = mapped[f.key];
    const dateTime = f.type === 'datetime' || f.type === 'date';
    const own = header !== undefined && !shared(header);
    return own && dateTime && !mapping.formats?.[f.key] && !sources.has(f.key) ? [header] : [];
  });
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
  const v = cellSql(field, raw);
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
  raws: string[],
  def: DatasetDef,
  mapped: Record<string, string>,
  mapping: ImportMapping,
  binder: Binder,
  fixedOffset: number | undefined,
): Promise<TypedSelect> {
  const distinct = await distinctCells(engine, raws, def, mapped);
  const options = (field: FieldDef): FieldParseOptions => ({
    values: mapping.values?.[field.key],
    codes: distinct.get(field.key)?.codes,
    format: mapping.formats?.[field.key],
    fixedOffset,
  });
  const lookups = new Map<string, Map<string, Array<[string, SqlValue]>>>();
  for (const field of def.fields) {
    const cells = distinct.get(field.key)?.cells;
    const header = mapped[field.key];
    if (!cells || header === undefined || cells.length > MAX_LOOKUP) continue;
    lookups.set(field.key, await typePerCell(engine, field, header, cells, options(field)));
  }
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
      if (header !== undefined && typed.has(header)) {
        // A cell the reader typed is a TIMESTAMP already (NULL when empty), with no text left to judge.
        list.push(
          `CAST(${raw} AS ${sqlType(field)}) AS ${ident(field.key)}`,
          `CAST(NULL AS VARCHAR) AS ${ident(rawCol(field.key))}`,
        );
        continue;
      }
      // A looked-up field's outputs give only their names and types (their SQL binds nothing here).
      for (const out of outputs(field, raw, lookup ? new Binder() : binder, options(field))) {
        const sql = lookup ? caseSql(raw ?? 'NULL', lookup.get(out.name) ?? [], binder) : out.sql;
        list.push(`CAST(${sql} AS ${out.type}) AS ${ident(out.name)}`);
      }
      if (raw !== undefined && field.type !== 'string') list.push(`${raw} AS ${ident(rawCol(field.key))}`);
    }
    return list;
  };
  return { inner, outer };
}

/** `CASE raw WHEN cell THEN value … END`, every cell and value bound. */
function caseSql(raw: string, arms: Array<[string, SqlValue]>, binder: Binder): string {
  if (!arms.length) return 'NULL';
  return `CASE ${raw} ${arms.map(([cell, value]) => `WHEN ${binder.bind(cell)} THEN ${binder.bind(value)}`).join(' ')} END`;
}

/**
 * A field's typed columns for each of its distinct raw `cells`, computed by the same SQL the per-row
 * typing uses: output name → [cell, value] for the cells with a value.
 */
async function typePerCell(
  engine: Engine,
  field: FieldDef,
  header: string,
  cells: string[],
  options: FieldParseOptions,
): Promise<Map<string, Array<[string, SqlValue]>>> {
  const b = new Binder();
  const outs = outputs(field, ident(header), b, options);
  if (!cells.length) return new Map(outs.map((o) => [o.name, []]));
  const select = outs.map((o) => `${o.sql} AS ${ident(o.name)}`).join(', ');
  const values = cells.map((c) => `(${b.bind(c)})`).join(', ');
  const t = await engine.query(
    `SELECT ${ident(header)} AS __cell, ${select} FROM (VALUES ${values}) AS t(${ident(header)})`,
    b.params,
  );
  const arms = new Map(outs.map((o) => [o.name, [] as Array<[string, SqlValue]>]));
  for (const row of t) {
    for (const o of outs) {
      const value = row[o.name] as SqlValue | undefined;
      if (value !== null && value !== undefined) arms.get(o.name)?.push([String(row.__cell), value]);
    }
  }
  return arms;
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
    return `(SELECT ${i} AS f, c, NULLIF(trim(c), '') AS t FROM (SELECT DISTINCT c FROM (${from})) WHERE c IS NOT NULL LIMIT ${MAX_DISTINCT_CODES + 1})`;
  });
  const t = await engine.query(parts.join(' UNION ALL '));
  const cells = fields.map((): Array<[string, string | null]> => []);
  for (const row of t) cells[Number(row.f)]?.push([String(row.c), row.t === null ? null : String(row.t)]);
  fields.forEach((field, i) => {
    const values = cells[i] ?? [];
    if (values.length > MAX_DISTINCT_CODES) return;
    const entry: { cells?: string[]; codes?: Map<string, string> } = { cells: values.map(([c]) => c) };
    if (field.type === 'enum') {
      // Blank labels ("—") need no test here: typing blanks them before it looks a cell up.
      const lookup = codeLookup(field.enum ?? []);
      const codes = new Map<string, string>();
      for (const [, cell] of values) {
        const code = cell === null ? undefined : recode(lookup, cell);
        if (cell !== null && code !== undefined) codes.set(cell, code);
      }
      entry.codes = codes;
    }
    out.set(field.key, entry);
  });
  return out;
}
