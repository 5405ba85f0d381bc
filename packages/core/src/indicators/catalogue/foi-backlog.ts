import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { openAt, requestFacts } from './foi-request-facts.ts';

export const foiBacklog: IndicatorDef = {
  key: 'foi.backlog',
  dataset: 'requests',
  kind: 'count',
  label: { zh: '逾期未答复积压', en: 'Overdue unanswered requests' },
  formula: {
    zh: '截至统计日未答复且已过答复期限的申请件数（分母：截至统计日未答复的件数）；答复期限同依申请按期答复率',
    en:
      'Requests unanswered and past their due date on the report date (population: requests ' +
      'unanswered then); due dates as for on-time replies',
  },
  direction: 'lower',
  unit: 'count',
  target: 0,
  source: '《政府信息公开条例》第三十三条；US FOIA annual report XII.A (backlog)',
  needs: ['received_at', 'replied_at'],
  sql(ctx) {
    const r = requestFacts(ctx);
    const w = where(ctx);
    return {
      text: `WITH r AS (${r.text}), p AS (SELECT CAST(?::TIMESTAMP AS DATE) AS as_of_day)
        SELECT count(*) FILTER (WHERE ${openAt('as_of_day')} AND as_of_day > due_day)::DOUBLE AS value,
          count(*) FILTER (WHERE ${openAt('as_of_day')} AND due_day IS NOT NULL)::DOUBLE AS denominator
        FROM r, p WHERE ${w.text}`,
      params: [...r.params, ctx.asOf, ...w.params],
    };
  },
};
