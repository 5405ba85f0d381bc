import { CASE_FACTS } from './facts.ts';
import type { IndicatorDef } from './types.ts';
import { where } from './where.ts';

export const caseOverdueCount: IndicatorDef = {
  key: 'case.overdue_count',
  dataset: 'cases',
  kind: 'count',
  label: { zh: '超期件', en: 'Overdue cases' },
  formula: {
    zh: '办结日期晚于承诺办结日期的件数 + 截至统计日未办结且已过承诺办结日期的件数（按工作日计算，扣除特别程序时间）',
    en: 'Cases closed after their promised due date + open cases past it on the as-of date (working days, pauses excluded)',
  },
  direction: 'lower',
  unit: 'count',
  target: 0,
  source: '《中华人民共和国行政许可法》第四十二条、第八十二条；电子监察红牌规则',
  periodColumn: 'accepted_at',
  sql(ctx) {
    const w = where(ctx);
    return {
      // due_day: promised due date on the working-day calendar, moved by pauses (see facts.ts).
      text: `SELECT count(*) FILTER (WHERE (closed_day IS NOT NULL AND closed_day > due_day)
            OR (closed_day IS NULL AND CAST(?::TIMESTAMP AS DATE) > due_day))::DOUBLE AS value,
          count(*) FILTER (WHERE due_day IS NOT NULL)::DOUBLE AS denominator FROM ${CASE_FACTS} WHERE ${w.text}`,
      params: [ctx.asOf, ...w.params],
    };
  },
};
