import { CASE_FACTS } from './facts.ts';
import type { IndicatorDef } from './types.ts';
import { where } from './where.ts';

export const caseOverdueCount: IndicatorDef = {
  key: 'case.overdue_count',
  dataset: 'cases',
  kind: 'count',
  label: { zh: '超期件', en: 'Overdue cases' },
  formula: {
    zh: '截至统计日：已办结且办结日期晚于承诺办结日期的件数 + 未办结且已过承诺办结日期的件数（按工作日计算，扣除特别程序时间）',
    en: 'As of the as-of date: cases closed after their promised due date + open cases past it (working days, pauses excluded)',
  },
  direction: 'lower',
  unit: 'count',
  target: 0,
  source: '《中华人民共和国行政许可法》第四十二条、第八十二条；电子监察红牌规则',
  periodColumn: 'accepted_at',
  needs: ['accepted_at', 'closed_at', ['promised_due_at', 'promised_limit']],
  sql(ctx) {
    const w = where(ctx);
    return {
      // due_day: promised due date on the working-day calendar, moved by pauses (see facts.ts).
      // The day is replayed as of the as-of date: a case closed later counts as still open then.
      text: `WITH c AS (SELECT *, CAST(?::TIMESTAMP AS DATE) AS as_of_day FROM ${CASE_FACTS} WHERE ${w.text})
        SELECT count(*) FILTER (WHERE (closed_day <= as_of_day AND closed_day > due_day)
            OR ((closed_day IS NULL OR closed_day > as_of_day) AND as_of_day > due_day))::DOUBLE AS value,
          count(*)::DOUBLE AS denominator FROM c WHERE due_day IS NOT NULL AND accepted_day <= as_of_day`,
      params: [ctx.asOf, ...w.params],
    };
  },
};
