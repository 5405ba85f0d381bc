import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { ZERO_TRIPS } from './item-common.ts';

export const itemZeroTripRate: IndicatorDef = {
  key: 'item.zero_trip_rate',
  dataset: 'items',
  kind: 'rate',
  label: { zh: '零跑动率', en: 'Zero-trip items' },
  formula: {
    zh: '到办事现场次数为0（缺失时网上办理深度为Ⅳ级视为0）的事项数 ÷ 事项总数（不含标为“不宜跑零次”的事项）',
    en:
      'Items needing 0 trips to a service site (when missing, online depth IV counts as 0) ÷ all items, ' +
      'excluding items flagged unsuitable for zero trips',
  },
  direction: 'higher',
  unit: 'percent',
  target: 0.2,
  source: '梅市府办函〔2017〕118号（20%以上申办事项实现零次跑动）；网上政务服务能力调查评估（跑零次率）',
  needs: [['trips_required', 'online_depth']],
  sql(ctx) {
    const w = where(ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE ${ZERO_TRIPS})::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM items WHERE NOT coalesce(not_suitable_zero_trip, false) AND ${w.text}`,
      params: w.params,
    };
  },
};
