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
  /** select list over the raw table: every field typed, and the text of the cells typing must judge */
  inner: string[];
  /** select list over `inner`: the typed columns, `badCol` text of cells that did not parse, `rawCol`s kept */
  outer: string[];
}

/**
 * The typing pass as two select lists, so each cell is parsed once: `inner` types every cell and carries the
 * text of present non-text fields; `outer` keeps from that text only what the ledger and the fills need,
 * so the raw text is gone once the typed table exists.
 */
export async function typedSelect(
  engine: Engine,
  raw: string,
  def: DatasetDef,
  mapped: Record<string, string>,
  mapping: ImportMapping,
  binder: Binder,
  fixedOffset: number | undefined,
): Promise<TypedSelect> {
  const codes = await distinctCodes(engine, raw, def, mapped);
  const fillSources = new Set(
    def.fields.flatMap((f) => (f.type === 'string' && f.fillFrom ? [f.fillFrom.field] : [])),
  );
  const inner: string[] = [];
  const outer: string[] = [];
  for (const field of def.fields) {
    const header = mapped[field.key];
    const v = cellSql(field, header);
    if (field.type === 'limit') {
      const { value, unit } = limitExpressions(v);
      inner.push(`${value} AS ${ident(`${field.key}_value`)}`, `${unit} AS ${ident(`${field.key}_unit`)}`);
    } else {
      const parse = parseExpression(field, v, binder, {
        values: mapping.values?.[field.key],
        codes: codes.get(field.key),
        format: mapping.formats?.[field.key],
        fixedOffset,
      });
      inner.push(`CAST(${parse} AS ${sqlType(field)}) AS ${ident(field.key)}`);
    }
    outer.push(...fieldColumns(field).map(ident));
    if (header === undefined || field.type === 'string') continue;
    const text = ident(rawCol(field.key));
    inner.push(`${v} AS ${text}`);
    outer.push(
      `CASE WHEN ${ident(parsedCol(field))} IS NULL THEN ${text} END AS ${ident(badCol(field.key))}`,
    );
    if (fillSources.has(field.key)) outer.push(text);
  }
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
  raw: string,
  def: DatasetDef,
  mapped: Record<string, string>,
): Promise<Map<string, Map<string, string>>> {
  const coded = def.fields.filter((f) => f.type === 'enum' && mapped[f.key] !== undefined);
  const out = new Map<string, Map<string, string>>();
  if (!coded.length) return out;
  // Blank labels ("—") need no test here: typing blanks them before it looks a cell up.
  const parts = coded.map((f, i) => {
    const cell = `NULLIF(trim(${ident(mapped[f.key] as string)}), '')`;
    return `(SELECT ${i} AS f, c FROM (SELECT DISTINCT ${cell} AS c FROM ${raw}) WHERE c IS NOT NULL LIMIT ${MAX_DISTINCT_CODES + 1})`;
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
