import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { AT_MOST_ONE_TRIP } from './item-common.ts';

export const itemMaxOneTripRate: IndicatorDef = {
  key: 'item.max_one_trip_rate',
  dataset: 'items',
  kind: 'rate',
  label: { zh: '最多跑一次率', en: 'At-most-one-trip items' },
  formula: {
    zh: '到办事现场次数不超过1次（缺失时网上办理深度为Ⅳ级视为0次）的事项数 ÷ 事项总数',
    en:
      'Items needing at most 1 trip to a service site (when missing, online depth IV counts as 0) ' +
      '÷ all items',
  },
  direction: 'higher',
  unit: 'percent',
  target: 0.7,
  source: '粤办函〔2015〕208号（70%以上网上申办事项到现场办理次数不超过1次）',
  needs: [['trips_required', 'online_depth']],
  sql(ctx) {
    const w = where(ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE ${AT_MOST_ONE_TRIP})::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator FROM items WHERE ${w.text}`,
      params: w.params,
    };
  },
};
