import { filterPredicate } from '../sql/filters.ts';
import type { SqlQuery } from '../sql/quote.ts';
import type { IndicatorContext } from './types.ts';

/** `WHERE` clause of an indicator: the active filters, with their bound values. */
export const where = (ctx: IndicatorContext): SqlQuery => filterPredicate(ctx.filters, ctx.columns);

export const ONLINE_CHANNELS = "('online_pc', 'online_mobile')";
