import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { NOT_VOID } from './hot-common.ts';

export const hotTimelyReply: IndicatorDef = {
  key: 'hot.timely_reply',
  dataset: 'hotline',
  kind: 'rate',
  label: { zh: '热线按时反馈率', en: 'Hotline replies on time' },
  formula: {
    zh:
      '截至统计时点已答复且答复时间不晚于办理时限的工单数 ÷（截至统计时点已答复或办理时限已过的工单数），' +
      '只计有办理时限的工单，不含无效工单',
    en:
      'Tickets replied to at or before their deadline ÷ tickets replied to or past their deadline ' +
      'by the report time; only tickets with a deadline, void tickets excluded',
  },
  direction: 'higher',
  unit: 'percent',
  // A statutory deadline: every item must meet it (green only for a perfect record, see status.ts).
  target: 1,
  source: '国办发〔2020〕53号（回复、回访闭环）；县级报告“按时反馈率100%”口径',
  periodColumn: 'received_at',
  needs: ['replied_at', 'due_at'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('hotline', ctx);
    return {
      // Population: replied by the as-of time, or past due then (so a row in the numerator, replied
      // by its deadline, was replied by the as-of time too). Not yet due and unanswered: left out.
      text: `SELECT count(*) FILTER (WHERE replied_at <= due_at)::DOUBLE AS numerator,
          count(*)::DOUBLE AS denominator
        FROM ${src.text}, (SELECT ?::TIMESTAMP AS as_of) AS p
        WHERE due_at IS NOT NULL AND (replied_at <= p.as_of OR due_at < p.as_of)
          AND ${NOT_VOID} AND ${w.text}`,
      params: [...src.params, ctx.asOf, ...w.params],
    };
  },
};
