import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

export const itemOnlineAvailableRate: IndicatorDef = {
  key: 'item.online_available_rate',
  dataset: 'items',
  kind: 'rate',
  label: { zh: '网上可办率', en: 'Items available online' },
  formula: {
    zh: '可网上办理（标为网办，或网上办理深度达Ⅱ级及以上）的事项数 ÷ 事项总数（不含标为“不适宜开展网上办事”的事项）',
    en:
      'Items that can be done online (flagged online, or online depth II or above) ÷ all items, ' +
      'excluding items flagged unsuitable for online service',
  },
  direction: 'higher',
  unit: 'percent',
  source:
    '省级政府和重点城市网上政务服务能力调查评估（在线服务成效度）；国办发〔2018〕45号“一网、一门、一次”',
  needs: [['is_online', 'online_depth']],
  sql(ctx) {
    const w = where(ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE coalesce(is_online, false)
            OR online_depth IN ('II', 'III', 'IV'))::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM items WHERE NOT coalesce(not_suitable_online, false) AND ${w.text}`,
      params: w.params,
    };
  },
};
