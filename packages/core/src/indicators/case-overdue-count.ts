import type { IndicatorDef } from './types.ts';
import { ENDED_WITHOUT_DECISION, where } from './where.ts';

/**
 * Due date: the exported 承诺办结时间 when present, else 受理时间 + the promised limit in calendar days
 * (the working-day clock replaces this in the indicator-engine issue). Compared by day: closing on the
 * due day is on time.
 */
export const CASE_DUE_DATE = `CAST(COALESCE(promised_due_at,
  CASE WHEN promised_limit_unit = 'instant' THEN accepted_at
       WHEN promised_limit_unit IN ('wd', 'cd') THEN accepted_at + to_days(promised_limit_value) END) AS DATE)`;

export const caseOverdueCount: IndicatorDef = {
  key: 'case.overdue_count',
  dataset: 'cases',
  kind: 'count',
  label: { zh: '超期件', en: 'Overdue cases' },
  formula: {
    zh: '办结日期晚于承诺办结日期的件数 + 截至统计日未办结且已过承诺办结日期的件数',
    en: 'Cases closed after their promised due date + open cases past it on the as-of date',
  },
  direction: 'lower',
  unit: 'count',
  target: 0,
  source: '《中华人民共和国行政许可法》第四十二条、第八十二条；电子监察红牌规则',
  sql(ctx) {
    const w = where(ctx);
    return {
      text: `WITH c AS (SELECT *, ${CASE_DUE_DATE} AS due FROM cases
          WHERE accepted_at IS NOT NULL AND coalesce(status, '') NOT IN ${ENDED_WITHOUT_DECISION} AND ${w.text})
        SELECT count(*) FILTER (WHERE (closed_at IS NOT NULL AND CAST(closed_at AS DATE) > due)
            OR (closed_at IS NULL AND CAST(?::TIMESTAMP AS DATE) > due))::DOUBLE AS value,
          count(*) FILTER (WHERE due IS NOT NULL)::DOUBLE AS denominator FROM c`,
      params: [...w.params, ctx.asOf],
    };
  },
};
