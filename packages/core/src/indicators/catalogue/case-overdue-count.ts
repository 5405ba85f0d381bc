import { CASE_FACTS, CLOSED_ON_TIME, pastDueOn } from '../case-fact-names.ts';
import { AS_OF_DAY, conditionsSql } from '../conditions.ts';
import type { IndicatorConditions, IndicatorDef } from '../types.ts';

// due_day: promised due date on the working-day calendar, moved by pauses (see facts.ts). The day is
// replayed as of the as-of date: a case closed later counts as still open then.
const CONDITIONS: IndicatorConditions = {
  table: CASE_FACTS,
  denominator: `due_day IS NOT NULL AND accepted_day <= ${AS_OF_DAY}`,
  numerator: `(closed_day <= ${AS_OF_DAY} AND NOT ${CLOSED_ON_TIME})
    OR ((closed_day IS NULL OR closed_day > ${AS_OF_DAY}) AND ${pastDueOn(AS_OF_DAY)})`,
};

export const caseOverdueCount: IndicatorDef = {
  key: 'case.overdue_count',
  dataset: 'cases',
  kind: 'count',
  label: { zh: '超期件', en: 'Overdue cases' },
  formula: {
    zh:
      '截至统计日：已办结且办理用时超过承诺办结时限加延长时限的件数 + 未办结且已用工作日超过该时限的件数' +
      '（按工作日计算，扣除特别程序时间；到期日后的休息日不算超期；与按时办结率同一口径）',
    en:
      'As of the as-of date: cases closed with more working days than the promised limit plus extension + ' +
      'open cases already past it (working days, pauses excluded; rest days after the due day are not late; ' +
      'the same rule as the on-time rate)',
  },
  direction: 'lower',
  unit: 'count',
  target: 0,
  source: '《中华人民共和国行政许可法》第四十二条、第八十二条；电子监察红牌规则',
  periodColumn: 'accepted_at',
  needs: ['accepted_at', 'closed_at', ['promised_due_at', 'promised_limit']],
  conditions: CONDITIONS,
  sql: (ctx) => conditionsSql('count', CONDITIONS, ctx),
};
