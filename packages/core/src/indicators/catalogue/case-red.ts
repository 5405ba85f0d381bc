import { CASE_FACTS, pastDueOn } from '../case-fact-names.ts';
import { AS_OF_DAY, conditionsSql } from '../conditions.ts';
import type { IndicatorConditions, IndicatorDef } from '../types.ts';

/** Open past due on the as-of day; the population is case.yellow's and the watch list's (a case closed
 * after a past as-of day was still open then). */
export const RED_CARD: IndicatorConditions = {
  table: CASE_FACTS,
  denominator: `due_day IS NOT NULL AND accepted_day <= ${AS_OF_DAY}
    AND (closed_day IS NULL OR closed_day > ${AS_OF_DAY})`,
  numerator: pastDueOn(AS_OF_DAY),
};

export const caseRed: IndicatorDef = {
  key: 'case.red',
  dataset: 'cases',
  kind: 'count',
  label: { zh: '红牌（已超期在办）', en: 'Red cards (open past due)' },
  formula: {
    zh:
      '统计日仍在办（已受理、未办结）且已用工作日超过承诺办结时限的件数（承诺办结日期后的第一个工作日起；' +
      '到期日后的休息日不算；工作日计算，扣除特别程序时间）；' +
      '分母为统计日在办且有承诺办结日期的件数',
    en:
      'Cases open on the as-of day (accepted, not closed) that have used more working days than promised ' +
      '(from the first working day after the due day; rest days after it do not count; pauses excluded); ' +
      'denominator: open cases with a due day',
  },
  direction: 'lower',
  unit: 'count',
  target: 0,
  source:
    '行政审批电子监察系统红牌（广东 2007；成都 2010“超时…红色纠错”）；《中华人民共和国行政许可法》第四十二条',
  needs: ['accepted_at', 'closed_at', ['promised_due_at', 'promised_limit']],
  conditions: RED_CARD,
  sql: (ctx) => conditionsSql('count', RED_CARD, ctx),
};
