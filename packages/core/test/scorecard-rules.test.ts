import { describe, expect, it } from 'vitest';
import type { IndicatorResult } from '../src/indicators/types.ts';
import { parseScorecardModel, type ScorecardItem } from '../src/scorecard/model.ts';
import { scoreItem } from '../src/scorecard/rules.ts';
import { bandOf, rank, type ScorecardRow } from '../src/scorecard/score.ts';

const result = (over: Partial<IndicatorResult>): IndicatorResult => ({
  key: 'k',
  label: { zh: '按时办结率', en: 'On-time closure rate' },
  kind: 'rate',
  unit: 'percent',
  direction: 'higher',
  value: null,
  numerator: null,
  denominator: null,
  ci: null,
  target: null,
  status: 'none',
  asOf: '2025-03-31 23:59:59',
  filters: {},
  formula: { zh: '', en: '' },
  source: '',
  ...over,
});
const rate = (n: number, d: number, over: Partial<IndicatorResult> = {}) =>
  result({ numerator: n, denominator: d, value: d ? n / d : null, ...over });
const item = (json: Record<string, unknown>): ScorecardItem => {
  const m = parseScorecardModel({ items: [{ indicator: 'k', ...json }] });
  return m.items[0] as ScorecardItem;
};

describe('band rule', () => {
  // 鄂州: ≥95 % → 1, ≥99 % → 1.5, 100 % → 2.
  const ezhou = item({
    weight: 2,
    rule: 'band',
    params: {
      thresholds: [
        { at: 0.99, points: 1.5 },
        { at: 0.95, points: 1 },
        { at: 1, points: 2 },
      ],
    },
  });
  it('gives the points of the most demanding threshold met', () => {
    const s = scoreItem(ezhou, rate(962, 1000), 'rescale');
    expect(s.points).toBe(1);
    expect(s.explanation.zh).toBe('按时办结率 96.2% ≥ 95% → 1 分');
    expect(scoreItem(ezhou, rate(99, 100), 'rescale').points).toBe(1.5);
    expect(scoreItem(ezhou, rate(100, 100), 'rescale').points).toBe(2);
    expect(scoreItem(ezhou, rate(94, 100), 'rescale').points).toBe(0);
  });
  it('is direction aware (lower is better: ≤)', () => {
    const bad = item({
      weight: 3,
      rule: 'band',
      params: {
        thresholds: [
          { at: 0.05, points: 1 },
          { at: 0.01, points: 3 },
        ],
      },
    });
    const low = { direction: 'lower' as const };
    expect(scoreItem(bad, rate(3, 100, low), 'rescale').points).toBe(1);
    expect(scoreItem(bad, rate(1, 100, low), 'rescale').points).toBe(3);
    expect(scoreItem(bad, rate(6, 100, low), 'rescale').explanation.en).toBe(
      'On-time closure rate 6% misses 5% → 0 points',
    );
    // An explicit direction beats the indicator's.
    const forced = item({
      weight: 3,
      rule: 'band',
      params: { thresholds: [{ at: 5, points: 3 }], direction: 'lower' },
    });
    expect(scoreItem(forced, result({ kind: 'count', unit: 'count', value: 4 }), 'rescale').points).toBe(3);
  });
});

describe('linear rule', () => {
  it('runs from 0 points at `from` to the weight at `to`, clamped', () => {
    const up = item({ weight: 10, rule: 'linear', params: { from: 0.3, to: 0.9 } });
    expect(scoreItem(up, rate(6, 10), 'rescale').points).toBe(5);
    expect(scoreItem(up, rate(1, 10), 'rescale').points).toBe(0);
    expect(scoreItem(up, rate(10, 10), 'rescale').points).toBe(10);
    const down = item({ weight: 4, rule: 'linear', params: { from: 10, to: 0 } });
    const count = (v: number) =>
      result({ kind: 'count', unit: 'count', value: v, numerator: v, denominator: 9 });
    expect(scoreItem(down, count(3), 'rescale').points).toBe(2.8);
    expect(scoreItem(down, count(30), 'rescale').points).toBe(0);
  });
});

describe('ratio_to_target rule', () => {
  it('scores value ÷ target × weight, capped', () => {
    const r = item({ weight: 8, rule: 'ratio_to_target', params: { target: 0.5 } });
    expect(scoreItem(r, rate(45, 100), 'rescale')).toMatchObject({ points: 7.2, capped: false, max: 10 });
    expect(scoreItem(r, rate(90, 100), 'rescale')).toMatchObject({ points: 10, capped: true });
  });
  it('uses target ÷ value when lower is better and the indicator target by default', () => {
    const r = item({ weight: 10, rule: 'ratio_to_target', params: { cap: 1.5 } });
    const wd = (v: number) =>
      result({ kind: 'mean', unit: 'wd', direction: 'lower', value: v, denominator: 5, target: 4 });
    expect(scoreItem(r, wd(5), 'rescale').points).toBe(8);
    expect(scoreItem(r, wd(2), 'rescale')).toMatchObject({ points: 15, capped: true });
    expect(scoreItem(r, wd(5), 'rescale').explanation.en).toBe(
      'On-time closure rate: target 4 ÷ 5 = 0.8 → 8 points',
    );
  });
  it('without any target the item is missing, not zero', () => {
    const r = item({ weight: 10, rule: 'ratio_to_target' });
    const s = scoreItem(r, rate(1, 2), 'rescale');
    expect(s).toMatchObject({ points: null, missing: true });
    expect(s.explanation.en).toMatch(/no target set/);
  });
});

describe('deduction rule', () => {
  const overdue = (v: number) =>
    result({ kind: 'count', unit: 'count', direction: 'lower', value: v, numerator: v, denominator: 50 });
  it('deducts per event up to the cap', () => {
    const d = item({
      weight: 5,
      rule: 'deduction',
      params: { per: 0.5, cap: 5, unit: { zh: '超期件', en: 'overdue cases' } },
    });
    const s = scoreItem(d, overdue(6), 'rescale');
    expect(s).toMatchObject({ points: 2, capped: false });
    expect(s.explanation.en).toBe('−3 for 6 overdue cases (0.5 each, cap 5) → 2 points');
    expect(scoreItem(d, overdue(11), 'rescale')).toMatchObject({ points: 0, capped: true });
  });
  it('counts the numerator of rates, or the misses (unrectified 差评)', () => {
    const byNum = item({ weight: 10, rule: 'deduction', params: { per: 2 } });
    expect(scoreItem(byNum, rate(3, 40), 'rescale').points).toBe(4);
    const misses = item({ weight: 10, rule: 'deduction', params: { per: 1, count: 'misses' } });
    expect(scoreItem(misses, rate(7, 9), 'rescale').points).toBe(8);
  });
  it('applies cap_min / cap_max after the rule and flags it', () => {
    const d = item({ weight: 5, rule: 'deduction', params: { per: 1, cap: 20 }, cap_min: -2 });
    expect(scoreItem(d, overdue(10), 'rescale')).toMatchObject({ points: -2, capped: true });
    expect(scoreItem(d, overdue(6), 'rescale')).toMatchObject({ points: -1, capped: false });
    const r = item({ weight: 8, rule: 'ratio_to_target', params: { target: 0.5 }, cap_max: 9 });
    expect(scoreItem(r, rate(1, 1), 'rescale')).toMatchObject({ points: 9, max: 9, capped: true });
  });
});

describe('missing data', () => {
  const up = item({ weight: 10, rule: 'linear', params: { from: 0, to: 1 } });
  it('a rate over nothing or an absent result is missing; a count of 0 over nothing is 0 events', () => {
    expect(scoreItem(up, rate(0, 0), 'rescale')).toMatchObject({ missing: true, points: null });
    expect(scoreItem(up, undefined, 'zero')).toMatchObject({ missing: true, points: 0 });
    const d = item({ weight: 10, rule: 'deduction', params: { per: 1 } });
    const none = result({ kind: 'count', unit: 'count', value: 0, numerator: 0, denominator: 0 });
    expect(scoreItem(d, none, 'rescale')).toMatchObject({ missing: false, points: 10 });
  });
});

describe('ranking and bands', () => {
  const row = (department: string, score: number | null) => ({ department, score }) as ScorecardRow;
  it('uses competition ranking, ties by name, unscored last', () => {
    const rows = rank([row('b', 80), row('c', 90), row('a', 80), row('z', null), row('d', 70)]);
    expect(rows.map((r) => [r.department, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['b', 2],
      ['d', 4],
      ['z', null],
    ]);
  });
  it('puts a score in the first band it reaches, else the last', () => {
    const { bands } = parseScorecardModel({
      items: [{ indicator: 'k', weight: 1, rule: 'linear', params: { from: 0, to: 1 } }],
    });
    expect([90, 85, 84.99, 60, 10].map((s) => bandOf(bands, s)?.zh)).toEqual([
      '好',
      '好',
      '较好',
      '一般',
      '较差',
    ]);
  });
});

describe('parseScorecardModel errors name the JSON path', () => {
  const ok = { indicator: 'case.red', weight: 5, rule: 'deduction', params: { per: 1 } };
  const bad = (json: unknown, known?: string[]) => () => parseScorecardModel(json, 'm.json', known);
  it.each([
    [
      { items: [{ ...ok, indicator: 'case.nope' }] },
      'm.json: items[0].indicator: unknown indicator "case.nope"',
    ],
    [{ items: [ok, { ...ok, rule: 'curve' }] }, 'items[1].rule: "curve" is not one of band, linear'],
    [{ items: [{ ...ok, weight: 0 }] }, 'items[0].weight: must be greater than 0'],
    [{ items: [{ ...ok, weight: '5' }] }, 'items[0].weight: must be a number'],
    [{ items: [{ ...ok, params: { per: -1 } }] }, 'items[0].params.per: must be greater than 0'],
    [{ items: [{ ...ok, params: { per: 1, count: 'all' } }] }, 'items[0].params.count: must be'],
    [{ items: [{ ...ok, params: { per: 1, each: 2 } }] }, 'items[0].params: unknown key "each"'],
    [
      { items: [{ ...ok, rule: 'band', params: { thresholds: [{ at: 0.9, points: 6 }] } }] },
      'items[0].params.thresholds[0].points: 6 is outside 0…weight (5)',
    ],
    [
      { items: [{ ...ok, rule: 'band', params: { thresholds: [{ at: '90%', points: 1 }] } }] },
      'items[0].params.thresholds[0].at: must be a number',
    ],
    [
      { items: [{ ...ok, rule: 'band', params: {} }] },
      'items[0].params.thresholds: must be a non-empty list',
    ],
    [{ items: [{ ...ok, rule: 'linear', params: { from: 1, to: 1 } }] }, 'items[0].params.to: must differ'],
    [{ items: [{ ...ok, rule: 'linear', params: { from: 1 } }] }, 'items[0].params.to: must be a number'],
    [
      { items: [{ ...ok, rule: 'ratio_to_target', params: { cap: 0 } }] },
      'items[0].params.cap: must be greater',
    ],
    [{ items: [{ ...ok, cap_min: 3, cap_max: 1 }] }, 'items[0].cap_min: 3 is above cap_max 1'],
    [{ items: [ok, ok] }, 'items[1].indicator: "case.red" is scored twice'],
    [{ items: [] }, 'm.json: items: must be a non-empty list'],
    [{ items: [ok], missing: 'skip' }, 'missing: must be "rescale" or "zero"'],
    [{ items: [ok], weights: {} }, 'm.json: unknown key "weights"'],
    [
      {
        items: [ok],
        bands: [
          { min: 50, label: 'a' },
          { min: 60, label: 'b' },
        ],
      },
      'bands[1].min: bands must be',
    ],
    [{ items: [ok], bands: [{ label: 'a' }, { min: 60, label: 'b' }] }, 'bands[0].min: only the last band'],
    [[ok], 'm.json: must be a JSON object'],
  ])('%j', (json, message) => {
    expect(bad(json, ['case.red'])).toThrow(message);
  });
  it('accepts any key when no list of known keys is given', () => {
    expect(parseScorecardModel({ items: [{ ...ok, indicator: 'custom.x' }] }).items[0]?.indicator).toBe(
      'custom.x',
    );
  });
});
