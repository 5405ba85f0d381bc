import { filterPredicate } from '../sql/filters.ts';
import { ident, type SqlQuery } from '../sql/quote.ts';
import type { IndicatorContext } from './types.ts';

/** `WHERE` clause of an indicator: the active filters and reporting period, with their bound values. */
export function where(ctx: IndicatorContext): SqlQuery {
  const f = filterPredicate(ctx.filters, ctx.columns);
  const p = ctx.period;
  if (!p || !ctx.columns.includes(p.column)) return f;
  const col = ident(p.column);
  return {
    text: `${f.text} AND CAST(${col} AS DATE) >= CAST(? AS DATE) AND CAST(${col} AS DATE) < CAST(? AS DATE)`,
    params: [...f.params, p.from, p.to],
  };
}

export const ONLINE_CHANNELS = "('online_pc', 'online_mobile')";
