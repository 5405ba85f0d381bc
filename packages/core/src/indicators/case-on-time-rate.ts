import { CASE_FACTS } from './facts.ts';
import type { IndicatorDef } from './types.ts';
import { where } from './where.ts';

export const caseOnTimeRate: IndicatorDef = {
  key: 'case.on_time_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '按时办结率', en: 'On-time closure rate' },
  formula: {
    zh:
      '办结日期不晚于承诺办结日期的已办结件数 ÷ 有承诺办结日期的已办结件数（工作日按国务院放假调休安排计算，' +
      '延长时限和特别程序时间顺延到期日；无期限、不予受理、撤回、作废的不计）',
    en:
      'Closed cases whose closing day is on or before the promised due day ÷ closed cases with a due day ' +
      '(State Council working-day calendar; extensions and special procedures move the due day; ' +
      'no-limit, not-accepted, withdrawn and void cases excluded)',
  },
  direction: 'higher',
  unit: 'percent',
  source: '《中华人民共和国行政许可法》第四十二条、第四十五条、第八十二条；县级报告口径“按时办结 ÷ 办结”',
  periodColumn: 'closed_at',
  needs: ['accepted_at', 'closed_at', ['promised_due_at', 'promised_limit']],
  sql(ctx) {
    const w = where(ctx);
    return {
      // Date comparison, as case.overdue_count: closing on a rest day after the due day is late.
      text: `SELECT count(*) FILTER (WHERE closed_day <= due_day)::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${CASE_FACTS} WHERE closed_day IS NOT NULL AND due_day IS NOT NULL AND ${w.text}`,
      params: w.params,
    };
  },
};
