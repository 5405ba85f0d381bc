import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

export const foiVolumeByDept: IndicatorDef = {
  key: 'foi.volume_by_dept',
  dataset: 'disclosures',
  kind: 'breakdown',
  label: { zh: '主动公开数量（按发布机构）', en: 'Proactive disclosures by publisher' },
  formula: {
    zh: '按发布机构统计的主动公开信息条数',
    en: 'Number of proactively disclosed items, grouped by publishing body',
  },
  direction: 'higher',
  unit: 'count',
  source: '《政府信息公开条例》第五十条（年度报告：主动公开政府信息情况）',
  periodColumn: 'published_at',
  needs: ['publisher'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('disclosures', ctx);
    return {
      text: `SELECT coalesce(publisher, 'unknown') AS key, count(*)::DOUBLE AS value FROM ${src.text}
        WHERE ${w.text} GROUP BY ALL ORDER BY value DESC, key`,
      params: [...src.params, ...w.params],
    };
  },
};
