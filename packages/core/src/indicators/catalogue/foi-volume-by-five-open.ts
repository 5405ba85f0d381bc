import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

export const foiVolumeByFiveOpen: IndicatorDef = {
  key: 'foi.volume_by_five_open',
  dataset: 'disclosures',
  kind: 'breakdown',
  label: { zh: '主动公开数量（按“五公开”）', en: 'Proactive disclosures by “five opens” category' },
  formula: {
    zh: '按五公开类别（决策、执行、管理、服务、结果公开）统计的主动公开信息条数',
    en:
      'Number of proactively disclosed items, grouped by decision / implementation / management / ' +
      'services / results category',
  },
  direction: 'higher',
  unit: 'count',
  source: '中办发〔2016〕8号、国办发〔2016〕80号（“五公开”）',
  periodColumn: 'published_at',
  needs: ['five_open'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('disclosures', ctx);
    return {
      text: `SELECT coalesce(five_open, 'unknown') AS key, count(*)::DOUBLE AS value FROM ${src.text}
        WHERE ${w.text} GROUP BY ALL ORDER BY value DESC, key`,
      params: [...src.params, ...w.params],
    };
  },
};
