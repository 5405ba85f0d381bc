import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { VALID_RATING } from './eval-levels.ts';

export const evalScore: IndicatorDef = {
  key: 'eval.score',
  dataset: 'cases',
  kind: 'mean',
  label: { zh: '满意度得分', en: 'Satisfaction score' },
  formula: {
    zh: '(有效评价等级平均值 − 1) ÷ 4 × 100，即每条评价折算 (等级 − 1) × 25 分后取平均（0–100 分），另给中位数',
    en: '(mean valid rating − 1) ÷ 4 × 100, i.e. the mean of (rating − 1) × 25 (0–100); median too',
  },
  direction: 'higher',
  unit: 'score',
  source: '国办发〔2019〕51号（五级评价）；GOV.UK 用户满意度算法 (mean − min) ÷ (max − min)',
  periodColumn: 'rated_at',
  needs: ['rating'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('cases', ctx);
    return {
      // numerator = sum of per-rating scores, so value = numerator ÷ denominator like any mean.
      text: `SELECT avg((rating - 1) * 25.0)::DOUBLE AS value, sum((rating - 1) * 25.0)::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator, median((rating - 1) * 25.0)::DOUBLE AS median
        FROM ${src.text} WHERE ${VALID_RATING} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
