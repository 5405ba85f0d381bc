import { filterPredicate } from '../sql/filters.ts';
import { ident, literal, type SqlQuery } from '../sql/quote.ts';
import type { IndicatorContext } from './types.ts';

/** The calendar month ('YYYY-MM') of a date or timestamp column: the cube's and month filter's key. */
export const monthOf = (column: string): string => `strftime(CAST(${ident(column)} AS DATE), '%Y-%m')`;

/** Ends the WHERE of a cell query that groups by the cells instead of tying rows to one (cells-grouped.ts). */
export const GROUPED_CELLS = '/*grouped cells*/ TRUE';

/**
 * `WHERE` clause of an indicator: the active filters, month selection and reporting period, with their
 * bound values; when a cube is being built, the tie of each row to its cell of the outer query.
 */
export function where(ctx: IndicatorContext): SqlQuery {
  const f = filterPredicate(ctx.filters, ctx.columns);
  const parts = [f.text];
  const params = [...f.params];
  const m = ctx.months;
  if (m?.values.length && ctx.columns.includes(m.column)) {
    parts.push(`${monthOf(m.column)} IN (${m.values.map(() => '?').join(', ')})`);
    params.push(...m.values);
  }
  const p = ctx.period;
  if (p && ctx.columns.includes(p.column)) {
    const col = ident(p.column);
    parts.push(`CAST(${col} AS DATE) >= CAST(? AS DATE) AND CAST(${col} AS DATE) < CAST(? AS DATE)`);
    params.push(p.from, p.to);
  }
  // Cell ties come last: a grouped cell query (cells-grouped.ts) finds its marker at the very end.
  let grouped = false;
  for (const c of ctx.cell ?? []) {
    if (!ctx.columns.includes(c.column)) continue;
    if (c.grouped) {
      grouped = true;
      continue;
    }
    const lhs = c.month
      ? monthOf(c.column)
      : c.cast
        ? `CAST(${ident(c.column)} AS VARCHAR)`
        : ident(c.column);
    parts.push(
      c.nullAs === undefined
        ? `${lhs} IS NOT DISTINCT FROM ${c.ref}`
        : `coalesce(${lhs}, ${literal(c.nullAs)}) = ${c.ref}`,
    );
  }
  if (grouped) parts.push(GROUPED_CELLS);
  return { text: parts.join(' AND '), params };
}

export const ONLINE_CHANNELS = "('online_pc', 'online_mobile')";
