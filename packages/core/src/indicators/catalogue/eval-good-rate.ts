import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { GOOD_RATING, VALID_RATING } from './eval-levels.ts';

export const evalGoodRate: IndicatorDef = {
  key: 'eval.good_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '好评率', en: 'Good-rating rate' },
  formula: {
    zh: '好评（非常满意、满意，评价等级 ≥ 4）件数 ÷ 有效评价（1–5 级）件数',
    en: 'Ratings of 4 or 5 (very satisfied, satisfied) ÷ valid ratings (1–5)',
  },
  direction: 'higher',
  unit: 'percent',
  target: 0.98,
  source: '国办发〔2019〕51号（五级评价，非常满意、满意为好评）；目标 98% 取自县级工作报告',
  periodColumn: 'rated_at',
  needs: ['rating'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('cases', ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE ${GOOD_RATING})::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${src.text} WHERE ${VALID_RATING} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
