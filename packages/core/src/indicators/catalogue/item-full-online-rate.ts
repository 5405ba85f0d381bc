import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

export const itemFullOnlineRate: IndicatorDef = {
  key: 'item.full_online_rate',
  dataset: 'items',
  kind: 'rate',
  label: { zh: '全程网办率', en: 'Items fully online' },
  formula: {
    zh: '网上办理深度为Ⅳ级（全程网办）的事项数 ÷ 事项总数',
    en: 'Items at online depth IV (end-to-end online) ÷ all items',
  },
  direction: 'higher',
  unit: 'percent',
  target: 0.5,
  source:
    '粤办函〔2015〕208号“三率一数”（网上全流程办理率；县级报告目标≥50%）；国办函〔2016〕108号（网办深度Ⅳ级）',
  needs: ['online_depth'],
  sql(ctx) {
    const w = where(ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE online_depth = 'IV')::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator FROM items WHERE ${w.text}`,
      params: w.params,
    };
  },
};
