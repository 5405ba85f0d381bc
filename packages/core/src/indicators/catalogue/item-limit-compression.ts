import type { IndicatorDef } from '../types.ts';
import { where } from '../where.ts';
import { limitInWorkingDays } from './item-common.ts';

export const itemLimitCompression: IndicatorDef = {
  key: 'item.limit_compression',
  dataset: 'items',
  kind: 'ratio',
  label: { zh: '承诺时限压缩比', en: 'Promised-limit compression' },
  formula: {
    zh:
      '（Σ法定办结时限 − Σ承诺办结时限）÷ Σ法定办结时限，按工作日计' +
      '（月×22、年×250，自然日和小时按365天折250个工作日），仅计两项时限均为有限期限的事项（无期限或缺失的不计）',
    en:
      '(Σ statutory limits − Σ promised limits) ÷ Σ statutory limits in working days (months × 22, ' +
      'years × 250, calendar days and hours at 365 days = 250 working days), over items with both ' +
      'limits finite',
  },
  direction: 'higher',
  unit: 'percent',
  source:
    '省级政府和重点城市网上政务服务能力调查评估（承诺时限压缩比）；《中华人民共和国行政许可法》第四十二条、第八十二条',
  needs: ['statutory_limit', 'promised_limit'],
  sql(ctx) {
    const w = where(ctx);
    return {
      // Numerator and denominator are sums of working days, not counts; a promise longer than the law
      // makes an item's contribution negative, and that is reported, not hidden.
      // The filters (and a cube's cell tie) on the outer SELECT, so a cube groups it (cells-grouped.ts).
      text: `SELECT sum(statutory_wd - promised_wd)::DOUBLE AS numerator, sum(statutory_wd)::DOUBLE AS denominator
        FROM (SELECT *, ${limitInWorkingDays('statutory_limit')} AS statutory_wd,
            ${limitInWorkingDays('promised_limit')} AS promised_wd
          FROM items)
        WHERE statutory_wd IS NOT NULL AND promised_wd IS NOT NULL AND ${w.text}`,
      params: w.params,
    };
  },
};
