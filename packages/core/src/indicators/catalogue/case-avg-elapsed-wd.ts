import { CASE_FACTS, ENDED_WITHOUT_DECISION } from '../case-fact-names.ts';
import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

export const caseAvgElapsedWd: IndicatorDef = {
  key: 'case.avg_elapsed_wd',
  dataset: 'cases',
  kind: 'mean',
  label: { zh: '平均办理时长', en: 'Average processing time' },
  formula: {
    zh: '已办结件受理至办结的工作日数（扣除特别程序时间）的平均值，另给中位数；不予受理、撤回、作废的不计',
    en:
      'Mean working days from acceptance to closure, minus special procedures, over closed cases ' +
      '(median too); not-accepted, withdrawn and void cases excluded',
  },
  direction: 'lower',
  unit: 'wd',
  source: '《中华人民共和国行政许可法》第四十五条、第八十二条；县级报告口径“平均办理时长”（DOMAIN §4.2, §8）',
  periodColumn: 'closed_at',
  needs: ['accepted_at', 'closed_at'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed(CASE_FACTS, ctx);
    return {
      text: `SELECT avg(elapsed_wd)::DOUBLE AS value, sum(elapsed_wd)::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator, median(elapsed_wd)::DOUBLE AS median
        FROM ${src.text} WHERE closed_day IS NOT NULL AND elapsed_wd IS NOT NULL
          AND coalesce(status, '') NOT IN ${ENDED_WITHOUT_DECISION} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
