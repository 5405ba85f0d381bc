import type { Engine } from '../engine/types.ts';
import { fieldColumns, sqlType } from '../schema/column-types.ts';
import { codeLookup, isBlankLabelSql, recode } from '../schema/normalise-label.ts';
import type { DatasetDef, FieldDef } from '../schema/types.ts';
import { ident } from '../sql/quote.ts';
import type { ImportMapping } from './mapping.ts';
import { type Binder, limitExpressions, parseExpression } from './parse-sql.ts';

/** Column of the typed table holding a cell's text where its field could not parse it (NULL elsewhere). */
export const badCol = (key: string) => `__bad__${key}`;
/** Column of the typed table holding a field's text, kept only where another field is filled from it. */
export const rawCol = (key: string) => `__raw__${key}`;
/** The column whose NULL says a field's cell did not parse. */
export const parsedCol = (f: FieldDef) => (f.type === 'limit' ? `${f.key}_unit` : f.key);

/** The trimmed cell of a header ('' → NULL); a coded cell of only dashes or slashes ("—", "/") is empty too. */
function cellSql(field: FieldDef, header: string | undefined): string {
  if (header === undefined) return 'NULL';
  const cell = `NULLIF(trim(${ident(header)}), '')`;
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
 * wording.
 */
export function readerTypedHeaders(
  def: DatasetDef,
  mapped: Record<string, string>,
  mapping: ImportMapping,
): string[] {
  const sources = fillSources(def);
  return def.fields.flatMap((f) => {
    const header = mapped[f.key];
    const dateTime = f.type === 'datetime' || f.type === 'date';
    return header !== undefined && dateTime && !mapping.formats?.[f.key] && !sources.has(f.key)
      ? [header]
      : [];
  });
}

/** Fields a text field is filled from: their text is kept beside their value. */
const fillSources = (def: DatasetDef) =>
  new Set(def.fields.flatMap((f) => (f.type === 'string' && f.fillFrom ? [f.fillFrom.field] : [])));

/**
 * The typing pass as two select lists, so each cell is parsed once: `inner` types every cell and carries the
 * text of present non-text fields; `outer` keeps from that text only what the ledger and the fills need,
 * so the raw text is gone once the typed table exists. `raws` are the raw tables (the reader's, and the
 * lines it read again as text), whose coded cells are looked up once per distinct value.
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
  const codes = await distinctCodes(engine, raws, def, mapped);
  const sources = fillSources(def);
  const outer: string[] = [];
  for (const field of def.fields) {
    outer.push(...fieldColumns(field).map(ident));
    if (mapped[field.key] === undefined || field.type === 'string') continue;
    const text = ident(rawCol(field.key));
    outer.push(
      `CASE WHEN ${ident(parsedCol(field))} IS NULL THEN ${text} END AS ${ident(badCol(field.key))}`,
    );
    if (sources.has(field.key)) outer.push(text);
  }
  const inner = (typed: ReadonlySet<string>): string[] => {
    const list: string[] = [];
    for (const field of def.fields) {
      const header = mapped[field.key];
      // A cell the reader typed is a TIMESTAMP already (NULL when empty), with no text left to judge.
      const readerTyped = header !== undefined && typed.has(header);
      const v = readerTyped ? ident(header) : cellSql(field, header);
      if (field.type === 'limit') {
        const { value, unit } = limitExpressions(v);
        list.push(`${value} AS ${ident(`${field.key}_value`)}`, `${unit} AS ${ident(`${field.key}_unit`)}`);
      } else {
        const parse = readerTyped
          ? v
          : parseExpression(field, v, binder, {
              values: mapping.values?.[field.key],
              codes: codes.get(field.key),
              format: mapping.formats?.[field.key],
              fixedOffset,
            });
        list.push(`CAST(${parse} AS ${sqlType(field)}) AS ${ident(field.key)}`);
      }
      if (header === undefined || field.type === 'string') continue;
      list.push(`${readerTyped ? 'CAST(NULL AS VARCHAR)' : v} AS ${ident(rawCol(field.key))}`);
    }
    return list;
  };
  return { inner, outer };
}

/** Above this many distinct values in a coded column, its cells are recoded in SQL instead. */
const MAX_DISTINCT_CODES = 5000;

/**
 * Code of every distinct cell of each coded column (`recode`: as written, normal form, head), computed once
 * per value rather than once per row, in one statement for all columns; a column with more than
 * MAX_DISTINCT_CODES values gets none (its cells are recoded in SQL).
 */
async function distinctCodes(
  engine: Engine,
  raws: string[],
  def: DatasetDef,
  mapped: Record<string, string>,
): Promise<Map<string, Map<string, string>>> {
  const coded = def.fields.filter((f) => f.type === 'enum' && mapped[f.key] !== undefined);
  const out = new Map<string, Map<string, string>>();
  if (!coded.length) return out;
  // Blank labels ("—") need no test here: typing blanks them before it looks a cell up.
  const parts = coded.map((f, i) => {
    const cell = `NULLIF(trim(${ident(mapped[f.key] as string)}), '')`;
    const from = raws.map((raw) => `SELECT ${cell} AS c FROM ${raw}`).join(' UNION ALL ');
    return `(SELECT ${i} AS f, c FROM (SELECT DISTINCT c FROM (${from})) WHERE c IS NOT NULL LIMIT ${MAX_DISTINCT_CODES + 1})`;
  });
  const t = await engine.query(parts.join(' UNION ALL '));
  const cells = coded.map((): string[] => []);
  for (const row of t) cells[Number(row.f)]?.push(String(row.c));
  coded.forEach((field, i) => {
    const values = cells[i] ?? [];
    if (values.length > MAX_DISTINCT_CODES) return;
    const lookup = codeLookup(field.enum ?? []);
    const codes = new Map<string, string>();
    for (const cell of values) {
      const code = recode(lookup, cell);
      if (code !== undefined) codes.set(cell, code);
    }
    out.set(field.key, codes);
  });
  return out;
}
