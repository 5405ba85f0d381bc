import { CASE_FACTS, CLOSED_ON_TIME } from '../case-fact-names.ts';
import { conditionsSql } from '../conditions.ts';
import type { IndicatorConditions, IndicatorDef } from '../types.ts';

// DOMAIN §8, elapsed working days ≤ limit + extension (facts.ts), as case.overdue_count.
const CONDITIONS: IndicatorConditions = {
  table: CASE_FACTS,
  denominator: 'closed_day IS NOT NULL AND due_day IS NOT NULL',
  numerator: CLOSED_ON_TIME,
};

export const caseOnTimeRate: IndicatorDef = {
  key: 'case.on_time_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '按时办结率', en: 'On-time closure rate' },
  formula: {
    zh:
      '办理用时（受理至办结的工作日数，扣除特别程序时间）不超过承诺办结时限加延长时限的已办结件数 ÷ ' +
      '有承诺办结期限的已办结件数（工作日按国务院放假调休安排计算；即在承诺办结日期后的第一个工作日之前办结，' +
      '到期日后的休息日办结不算超期；以自然日等计的时限按到期日判断；无期限、不予受理、撤回、作废的不计）',
    en:
      'Closed cases whose working days from acceptance to closure, minus special procedures, are within ' +
      'the promised limit plus extension ÷ closed cases with a promised limit (State Council working-day ' +
      'calendar; i.e. closed before the first working day after the due day, so closing on a rest day ' +
      'after it is not late; limits in calendar days etc. by their due day; no-limit, not-accepted, ' +
      'withdrawn and void cases excluded)',
  },
  direction: 'higher',
  unit: 'percent',
  source:
    '《中华人民共和国行政许可法》第四十二条、第四十五条、第八十二条；县级报告口径“按时办结 ÷ 办结”；DOMAIN §8（办理用时 ≤ 承诺 + 延长）',
  periodColumn: 'closed_at',
  needs: ['accepted_at', 'closed_at', ['promised_due_at', 'promised_limit']],
  conditions: CONDITIONS,
  sql: (ctx) => conditionsSql('rate', CONDITIONS, ctx),
};
