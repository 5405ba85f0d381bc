import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { NOT_VOID } from './hot-common.ts';

export const hotOnTimeRate: IndicatorDef = {
  key: 'hot.on_time_rate',
  dataset: 'hotline',
  kind: 'rate',
  label: { zh: '热线按时办结率', en: 'Hotline tickets closed on time' },
  formula: {
    zh: '办结时间不晚于办理时限的工单数 ÷ 有办结时间和办理时限的工单数（精确到时刻，不含无效工单）',
    en:
      'Tickets closed at or before their deadline ÷ closed tickets with a deadline ' +
      '(compared to the minute; void tickets excluded)',
  },
  direction: 'higher',
  unit: 'percent',
  source: '国办发〔2020〕53号（限时办理）；办理时限由各地规定（如紧急2小时、一般7天）',
  periodColumn: 'closed_at',
  needs: ['closed_at', 'due_at'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('hotline', ctx);
    return {
      // Hotline deadlines can be hours (紧急 2 h), so compare timestamps, not days.
      text: `SELECT count(*) FILTER (WHERE closed_at <= due_at)::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${src.text} WHERE closed_at IS NOT NULL AND due_at IS NOT NULL AND ${NOT_VOID} AND ${w.text}`,
      params: [...src.params, ...w.params],
    };
  },
};
