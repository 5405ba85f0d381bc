import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { IS_CLOSED, NOT_VOID } from './hot-common.ts';

export const hotClosureRate: IndicatorDef = {
  key: 'hot.closure_rate',
  dataset: 'hotline',
  kind: 'rate',
  label: { zh: '热线办结率', en: 'Hotline closure rate' },
  formula: {
    zh: '已办结工单数 ÷ 受理工单数（不含无效工单）',
    en: 'Closed tickets ÷ received tickets (void tickets excluded)',
  },
  direction: 'higher',
  unit: 'percent',
  source: '国办发〔2020〕53号（受理、办理、办结闭环）；县级报告口径（12422 ÷ 12459 = 99.70%）',
  periodColumn: 'received_at',
  needs: [['closed_at', 'status']],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('hotline', ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE ${IS_CLOSED})::DOUBLE AS numerator, count(*)::DOUBLE AS denominator
        FROM ${src.text} WHERE ${NOT_VOID} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
