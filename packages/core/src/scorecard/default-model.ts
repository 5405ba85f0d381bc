import { INDICATORS } from '../indicators/catalogue/index.ts';
import { parseScorecardModel, type ScorecardModel } from './model.ts';

/**
 * The default department scorecard: 100 points over indicators every case export (办件) yields.
 * Hosts replace it with their own JSON (parseScorecardModel). Sources (DOMAIN §7.f, §5):
 * - 按时办结率 band 95 % / 99 % / 100 % in the ratio 1 : 1.5 : 2 — the 鄂州 一网通办考核指标 example
 *   (≥95 % → 1 分, ≥99 % → 1.5, 100 % → 2), scaled to 30 points.
 * - 上网办理率 ratio to target capped at 1.25 — Boston CityScore (actual ÷ target, capped ≈ 1.25);
 *   the target is the indicator's (50 %, 庆政办发〔2016〕88号) or the host configuration's.
 * - 超期件 / 红牌 / 未按期整改差评 deductions — Sichuan 差评扣分 ("对差评比较集中的在目标绩效考核中予以扣分")
 *   and 电子监察 red cards; each capped at its weight so one failure cannot sink the whole card.
 * - 分档 好 / 较好 / 一般 / 较差 rather than rank alone — 国办函〔2025〕66号 (分档分类评价, not 片面追求排名).
 * Counts are not normalised by volume: score one period at a time (`period: 'month'`) so caps mean something.
 */
export const DEFAULT_SCORECARD_JSON = {
  name: { zh: '部门政务服务考核（默认）', en: 'Department service scorecard (default)' },
  missing: 'rescale',
  min_coverage: 0.5,
  items: [
    {
      indicator: 'case.on_time_rate',
      weight: 30,
      rule: 'band',
      params: {
        thresholds: [
          { at: 0.95, points: 15 },
          { at: 0.99, points: 22.5 },
          { at: 1, points: 30 },
        ],
      },
    },
    {
      indicator: 'case.online_apply_rate',
      weight: 16,
      rule: 'ratio_to_target',
      params: { cap: 1.25 },
    },
    { indicator: 'case.closure_rate', weight: 10, rule: 'linear', params: { from: 0.8, to: 1 } },
    { indicator: 'eval.bad_rate', weight: 10, rule: 'linear', params: { from: 0.1, to: 0 } },
    {
      indicator: 'case.overdue_count',
      weight: 10,
      rule: 'deduction',
      params: { per: 0.5, cap: 10, unit: { zh: '超期件', en: 'overdue cases' } },
    },
    {
      indicator: 'case.red',
      weight: 10,
      rule: 'deduction',
      params: { per: 1, cap: 10, unit: { zh: '红牌', en: 'red cards' } },
    },
    {
      indicator: 'eval.rectify_on_time',
      weight: 10,
      rule: 'deduction',
      params: {
        per: 1,
        cap: 10,
        count: 'misses',
        unit: { zh: '未按期整改差评', en: 'bad ratings not rectified on time' },
      },
    },
  ],
  bands: [
    { min: 85, label: { zh: '好', en: 'Good' } },
    { min: 70, label: { zh: '较好', en: 'Fairly good' } },
    { min: 60, label: { zh: '一般', en: 'Fair' } },
    { label: { zh: '较差', en: 'Poor' } },
  ],
};

export const DEFAULT_SCORECARD: ScorecardModel = parseScorecardModel(
  DEFAULT_SCORECARD_JSON,
  'default scorecard',
  INDICATORS.map((d) => d.key),
);
