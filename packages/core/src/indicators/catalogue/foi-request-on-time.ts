import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { openAt, requestFacts } from './foi-request-facts.ts';

export const foiRequestOnTime: IndicatorDef = {
  key: 'foi.request_on_time',
  dataset: 'requests',
  kind: 'rate',
  label: { zh: '依申请按期答复率', en: 'On-request replies on time' },
  formula: {
    zh:
      '截至统计日已答复且答复日期不晚于答复期限的件数 ÷（截至统计日已答复件数 + 未答复且已过答复期限的件数），' +
      '未到期的未答复件不计。答复期限取导出的答复期限，缺失时为收到申请（补正后为收到补正申请）次日起20个工作日，' +
      '加延期工作日（最多20个）和征求第三方意见期间的工作日（第三十条、第三十三条）',
    en:
      'Replies on or before their due date ÷ (replies + unanswered requests past due) as of the ' +
      'report date; unanswered requests not yet due are left out. Due date: as exported, else 20 working ' +
      'days after receipt (after the corrected application, Art.30) plus the extension (at most 20) and the ' +
      'working days spent consulting third parties (Art.33)',
  },
  direction: 'higher',
  unit: 'percent',
  // A statutory deadline: every item must meet it (green only for a perfect record, see status.ts).
  target: 1,
  source: '《政府信息公开条例》第三十三条（20个工作日，延长不超过20个工作日）；第三十条（补正重新计算）',
  periodColumn: 'received_at',
  needs: ['received_at', 'replied_at'],
  sql(ctx) {
    const r = requestFacts(ctx);
    const w = where(ctx);
    return {
      text: `WITH r AS (${r.text}), p AS (SELECT CAST(?::TIMESTAMP AS DATE) AS as_of_day)
        SELECT count(*) FILTER (WHERE replied_day <= as_of_day AND replied_day <= due_day)::DOUBLE
            AS numerator,
          count(*) FILTER (WHERE due_day IS NOT NULL AND (replied_day <= as_of_day
            OR (${openAt('as_of_day')} AND as_of_day > due_day)))::DOUBLE AS denominator
        FROM r, p WHERE ${w.text}`,
      params: [...r.params, ctx.asOf, ...w.params],
    };
  },
};
