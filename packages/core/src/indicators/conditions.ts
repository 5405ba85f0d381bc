import type { SqlQuery } from '../sql/quote.ts';
import { replayed } from './replay.ts';
import type { IndicatorConditions, IndicatorContext } from './types.ts';
import { where } from './where.ts';

/** The as-of day as a DATE column, for conditions on open cases (past due on that day…). */
export const AS_OF_DAY = 'as_of_day';

const readsAsOfDay = (c: IndicatorConditions): boolean =>
  [c.denominator, c.numerator].some((p) => p !== undefined && new RegExp(`\\b${AS_OF_DAY}\\b`).test(p));

/**
 * The SQL of an indicator that counts the rows of its conditions: one row `numerator, denominator` for a
 * rate, `value, denominator` for a count, under the context's filters, months, period and cube cell.
 */
export function conditionsSql(
  kind: 'rate' | 'count',
  c: IndicatorConditions,
  ctx: IndicatorContext,
): SqlQuery {
  const w = where(ctx);
  const src = replayed(c.table, ctx);
  const asOf = readsAsOfDay(c);
  return {
    text: `${asOf ? `WITH p AS (SELECT CAST(?::TIMESTAMP AS DATE) AS ${AS_OF_DAY}) ` : ''}SELECT
        count(*) FILTER (WHERE ${c.numerator})::DOUBLE AS ${kind === 'rate' ? 'numerator' : 'value'},
        count(*)::DOUBLE AS denominator
      FROM ${src.text}${asOf ? ', p' : ''} WHERE (${c.denominator ?? 'TRUE'}) AND ${w.text}`,
    params: [...(asOf ? [ctx.asOf] : []), ...src.params, ...w.params],
  };
}
