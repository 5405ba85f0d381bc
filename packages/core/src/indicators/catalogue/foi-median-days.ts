import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { requestFacts } from './foi-request-facts.ts';

export const foiMedianDays: IndicatorDef = {
  key: 'foi.median_days',
  dataset: 'requests',
  kind: 'mean',
  label: { zh: '依申请答复用时', en: 'Working days to reply' },
  formula: {
    zh: '已答复申请自收到申请（补正后为收到补正申请）次日起至答复日的工作日数，扣除征求意见期间：平均值及中位数',
    en: 'Working days from the day after receipt (or the corrected application) to the reply, consultation excluded: mean and median',
  },
  direction: 'lower',
  unit: 'wd',
  source: '《政府信息公开条例》第三十三条；US FOIA annual report VII.A (median / average days)',
  periodColumn: 'replied_at',
  needs: ['received_at', 'replied_at'],
  sql(ctx) {
    const r = requestFacts(ctx);
    const w = where(ctx);
    return {
      text: `WITH r AS (${r.text})
        SELECT avg(reply_wd)::DOUBLE AS value, sum(reply_wd)::DOUBLE AS numerator,
          count(reply_wd)::DOUBLE AS denominator, median(reply_wd)::DOUBLE AS median
        FROM r WHERE ${w.text}`,
      params: [...r.params, ...w.params],
    };
  },
};
