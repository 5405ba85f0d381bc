import { ENDED_WITHOUT_DECISION } from '../case-fact-names.ts';
import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { VALID_RATING } from './eval-levels.ts';

export const evalRatingRate: IndicatorDef = {
  key: 'eval.rating_rate',
  dataset: 'cases',
  kind: 'rate',
  label: { zh: '主动评价率', en: 'Rating rate' },
  formula: {
    zh: '有有效评价（1–5 级）的已办结件数 ÷ 已办结件数（不予受理、撤回、作废的不计）',
    en:
      'Closed cases with a valid rating (1–5) ÷ closed cases ' +
      '(not-accepted, withdrawn and void cases excluded)',
  },
  direction: 'higher',
  unit: 'percent',
  source: '国办发〔2019〕51号（现场服务“一次一评”、网上服务“一事一评”）；GB/T 39734-2020',
  periodColumn: 'closed_at',
  needs: ['rating', ['closed_at', 'status']],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('cases', ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE ${VALID_RATING})::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${src.text} WHERE (closed_at IS NOT NULL OR status = 'closed')
          AND coalesce(status, '') NOT IN ${ENDED_WITHOUT_DECISION} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
