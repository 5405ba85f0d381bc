import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

export const itemInstantRate: IndicatorDef = {
  key: 'item.instant_rate',
  dataset: 'items',
  kind: 'rate',
  label: { zh: '即办件比例', en: 'Instant items' },
  formula: {
    zh: '承诺办结时限为即办或0，或办件类型为即办件的事项数 ÷ 事项总数',
    en: 'Items whose promised limit is instant or 0, or whose case type is instant ÷ all items',
  },
  direction: 'higher',
  unit: 'percent',
  source: '省级政府和重点城市网上政务服务能力调查评估（即办件比例）',
  needs: [['promised_limit', 'case_type']],
  sql(ctx) {
    const w = where(ctx);
    return {
      // The importer stores 即办 as value 0, unit 'instant'; "0个工作日" is value 0 too.
      text: `SELECT count(*) FILTER (WHERE promised_limit_value = 0 OR promised_limit_unit = 'instant'
            OR case_type = 'instant')::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator FROM items WHERE ${w.text}`,
      params: w.params,
    };
  },
};
