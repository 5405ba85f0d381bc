import { replayed } from '../replay.ts';
import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';

export const foiVolumeByDomain: IndicatorDef = {
  key: 'foi.volume_by_domain',
  dataset: 'disclosures',
  kind: 'breakdown',
  label: { zh: '主动公开数量（按领域）', en: 'Proactive disclosures by domain' },
  formula: {
    zh: '按公开领域统计的主动公开信息条数',
    en: 'Number of proactively disclosed items, grouped by domain',
  },
  direction: 'higher',
  unit: 'count',
  source: '《政府信息公开条例》第十九条、第二十条；国办发〔2019〕54号（基层政务公开26个试点领域）',
  periodColumn: 'published_at',
  needs: ['domain'],
  sql(ctx) {
    const w = where(ctx);
    const src = replayed('disclosures', ctx);
    return {
      text: `SELECT coalesce(domain, 'unknown') AS key, count(*)::DOUBLE AS value FROM ${src.text}
        WHERE ${w.text} GROUP BY ALL ORDER BY value DESC, key`,
      params: [...src.params, ...w.params],
    };
  },
};
