import { CASE_FACTS, ENDED_WITHOUT_DECISION } from '../case-fact-names.ts';
import { conditionsSql } from '../conditions.ts';
import type { IndicatorConditions, IndicatorDef } from '../types.ts';

// Extensions do not count: finishing inside an extended limit is not "early".
const CONDITIONS: IndicatorConditions = {
  table: CASE_FACTS,
  denominator: `closed_day IS NOT NULL AND promised_wd IS NOT NULL AND elapsed_wd IS NOT NULL
    AND coalesce(status, '') NOT IN ${ENDED_WITHOUT_DECISION}`,
  numerator: 'elapsed_wd < promised_wd',
};

export const caseEarlyRate: IndicatorDef = {
  key: 'case.early_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '提前办结率', en: 'Early closure rate' },
  formula: {
    zh:
      '办理用时（受理至办结的工作日数，扣除特别程序时间）少于承诺办结时限的已办结件数 ÷ ' +
      '承诺时限以工作日计（含即办）的已办结件数；不予受理、撤回、作废的不计',
    en:
      'Closed cases whose working days from acceptance to closure, minus special procedures, are ' +
      'fewer than the promised limit ÷ closed cases with a promised limit in working days ' +
      '(instant included); not-accepted, withdrawn and void cases excluded',
  },
  direction: 'higher',
  unit: 'percent',
  source: '县级报告口径“早于承诺时限办结 ÷ 办结”（DOMAIN §4.2, §8）；《中华人民共和国行政许可法》第八十二条',
  periodColumn: 'closed_at',
  needs: ['accepted_at', 'closed_at', 'promised_limit'],
  conditions: CONDITIONS,
  sql: (ctx) => conditionsSql('rate', CONDITIONS, ctx),
};
