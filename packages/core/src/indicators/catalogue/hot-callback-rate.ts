import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { IS_CLOSED, NOT_VOID } from './hot-common.ts';

export const hotCallbackRate: IndicatorDef = {
  key: 'hot.callback_rate',
  dataset: 'hotline',
  kind: 'rate',
  label: { zh: '热线回访率', en: 'Hotline callback rate' },
  formula: {
    zh: '已回访（有回访时间或回访结果，含未接通、拒评）的已办结工单数 ÷ 已办结工单数（不含无效工单）',
    en:
      'Closed tickets with a callback (a callback time or result, unreachable and declined included) ÷ ' +
      'closed tickets (void tickets excluded)',
  },
  direction: 'higher',
  unit: 'percent',
  source: '国办发〔2020〕53号（办结、回访、评价闭环）',
  periodColumn: 'closed_at',
  needs: [
    ['callback_at', 'callback_result'],
    ['closed_at', 'status'],
  ],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('hotline', ctx);
    return {
      text: `SELECT count(*) FILTER (WHERE callback_at IS NOT NULL OR callback_result IS NOT NULL)::DOUBLE
            AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${src.text} WHERE ${IS_CLOSED} AND ${NOT_VOID} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
