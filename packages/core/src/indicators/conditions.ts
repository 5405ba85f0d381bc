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

/**
 * Several indicators counting rows of the same relation under the same context, in one scan: one row with
 * `n<i>` (rows meeting conditions i's denominator and numerator) and `d<i>` (its denominator), the numbers
 * conditionsSql gives each (a row counted by `FILTER (WHERE num) … WHERE den` is one meeting both).
 */
export function conditionsBatchSql(list: readonly IndicatorConditions[], ctx: IndicatorContext): SqlQuery {
  const table = list[0]?.table ?? '';
  const w = where(ctx);
  const src = replayed(table, ctx);
  const asOf = list.some(readsAsOfDay);
  const counts = list.flatMap((c, i) => [
    `count(*) FILTER (WHERE (${c.denominator ?? 'TRUE'}) AND (${c.numerator}))::DOUBLE AS n${i}`,
    `count(*) FILTER (WHERE ${c.denominator ?? 'TRUE'})::DOUBLE AS d${i}`,
  ]);
  return {
    text: `${asOf ? `WITH p AS (SELECT CAST(?::TIMESTAMP AS DATE) AS ${AS_OF_DAY}) ` : ''}SELECT ${counts.join(',\n  ')}
      FROM ${src.text}${asOf ? ', p' : ''} WHERE ${w.text}`,
    params: [...(asOf ? [ctx.asOf] : []), ...src.params, ...w.params],
  };
}

/**
 * What indicators must share to be counted in one batch (conditionsBatchSql): their relation and context,
 * as a key; undefined for one whose SQL is not its conditions' own count (a median, a breakdown, a
 * computation of its own), which runs alone.
 */
export function conditionsBatchKey(
  def: { kind: string; conditions?: IndicatorConditions; sql(ctx: IndicatorContext): SqlQuery },
  ctx: IndicatorContext,
): string | undefined {
  const c = def.conditions;
  if (!c || ctx.missing?.length || (def.kind !== 'rate' && def.kind !== 'count')) return undefined;
  const own = def.sql(ctx);
  const counted = conditionsSql(def.kind, c, ctx);
  if (own.text !== counted.text || JSON.stringify(own.params) !== JSON.stringify(counted.params))
    return undefined;
  const w = where(ctx);
  const src = replayed(c.table, ctx);
  return JSON.stringify([src.text, src.params, w.text, w.params, ctx.asOf]);
}
