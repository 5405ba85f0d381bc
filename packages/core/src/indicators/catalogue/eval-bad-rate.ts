import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { BAD_RATING, VALID_RATING } from './eval-levels.ts';

export const evalBadRate: IndicatorDef = {
  key: 'eval.bad_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '差评率', en: 'Bad-rating rate' },
  formula: {
    zh: '差评（不满意、非常不满意，评价等级 ≤ 2）件数 ÷ 有效评价（1–5 级）件数',
    en: 'Ratings of 1 or 2 (dissatisfied, very dissatisfied) ÷ valid ratings (1–5)',
  },
  direction: 'lower',
  unit: 'percent',
  source: '国办发〔2019〕51号（不满意、非常不满意为差评）',
  periodColumn: 'rated_at',
  needs: ['rating'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('cases', ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE ${BAD_RATING})::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${src.text} WHERE ${VALID_RATING} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
