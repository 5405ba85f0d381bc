import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

export const foiVolumeByMonth: IndicatorDef = {
  key: 'foi.volume_by_month',
  dataset: 'disclosures',
  kind: 'breakdown',
  label: { zh: '主动公开数量（按月）', en: 'Proactive disclosures by month' },
  formula: {
    zh: '按发布日期所在月份（YYYY-MM）统计的主动公开信息条数，按月份先后排列',
    en: 'Number of proactively disclosed items per month of publication (YYYY-MM), in calendar order',
  },
  direction: 'higher',
  unit: 'count',
  source: '《政府信息公开条例》第五十条（年度报告：主动公开政府信息情况）',
  periodColumn: 'published_at',
  breakdownOrder: 'key',
  needs: ['published_at'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('disclosures', ctx);
    return {
      // A time series: calendar order, not largest first.
      text: `SELECT strftime(published_at, '%Y-%m') AS key, count(*)::DOUBLE AS value FROM ${src.text}
        WHERE published_at IS NOT NULL AND ${w.text} GROUP BY ALL ORDER BY key`,
      params: [...src.params, ...w.params],
    };
  },
};
