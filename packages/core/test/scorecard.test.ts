import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';
import { computeScorecard } from '../src/scorecard/compute-scorecard.ts';
import { parseScorecardModel } from '../src/scorecard/model.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

// March cases: accepted Mon 03-03, due Fri 03-07; on time = closed 03-05, late = closed 03-10.
const HEAD =
  '办件编号,受理部门,申报渠道,申请时间,受理时间,办结时间,承诺办结时间,承诺办结时限,办理状态,评价等级,评价时间';
const march = (id: string, dept: string, online: boolean, late: boolean, rating = '') =>
  [
    id,
    dept,
    online ? '网上(PC)' : '窗口',
    '2025-03-03 09:00:00',
    '2025-03-03 09:10:00',
    late ? '2025-03-10 10:00:00' : '2025-03-05 10:00:00',
    '2025-03-07 17:00:00',
    '5个工作日',
    '已办结',
    rating,
    rating ? '2025-03-11 10:00:00' : '',
  ].join(',');
// February cases (only 甲局): accepted Mon 02-10, due 02-14, closed on time 02-12, rated 5 on 02-20.
const feb = (id: string, online: boolean) =>
  `${id},甲局,${online ? '网上(PC)' : '窗口'},2025-02-10 09:00:00,2025-02-10 09:10:00,2025-02-12 10:00:00,` +
  '2025-02-14 17:00:00,5个工作日,已办结,5,2025-02-20 10:00:00';

export const SCORECARD_CASES = [
  HEAD,
  march('A1', '甲局', true, false, '5'),
  march('A2', '甲局', true, false, '5'),
  march('A3', '甲局', true, false),
  march('A4', '甲局', true, false),
  feb('A5', true),
  feb('A6', false),
  march('B1', '乙局', true, false, '5'),
  march('B2', '乙局', true, false, '5'),
  march('B3', '乙局', false, false, '5'),
  march('B4', '乙局', false, true, '1'),
  march('C1', '丙局', true, false),
  march('C2', '丙局', true, false),
  march('C3', '丙局', true, true),
  march('C4', '丙局', false, false),
  march('D1', '丁局', true, false, '1'),
  march('D2', '丁局', true, false, '5'),
  march('D3', '丁局', true, true),
  march('D4', '丁局', false, false),
  march('E1', '戊局', true, false, '5'),
  march('E2', '戊局', true, true),
  march('E3', '戊局', true, true),
  march('E4', '戊局', true, true),
].join('\n');

/** Max 25 + 20 + 10 + 10 = 65. */
export const TEST_MODEL_JSON = {
  name: 'test',
  items: [
    {
      indicator: 'case.online_apply_rate',
      weight: 20,
      rule: 'ratio_to_target',
      params: { target: 0.5, cap: 1.25 },
    },
    {
      indicator: 'case.on_time_rate',
      weight: 20,
      rule: 'band',
      params: {
        thresholds: [
          { at: 0.75, points: 10 },
          { at: 0.9, points: 15 },
          { at: 1, points: 20 },
        ],
      },
    },
    {
      indicator: 'case.overdue_count',
      weight: 10,
      rule: 'deduction',
      params: { per: 4, cap: 10, unit: { zh: '超期件', en: 'overdue cases' } },
    },
    { indicator: 'eval.bad_rate', weight: 10, rule: 'linear', params: { from: 0.5, to: 0 } },
  ],
  bands: [
    { min: 60, label: { zh: '好', en: 'Good' } },
    { min: 45, label: { zh: '较好', en: 'Fairly good' } },
    { min: 38, label: { zh: '一般', en: 'Fair' } },
    { label: { zh: '较差', en: 'Poor' } },
  ],
};
const MODEL = parseScorecardModel(TEST_MODEL_JSON, 'test model');

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', utf8(`${SCORECARD_CASES}\n`));
});
afterAll(() => engine.close());

const AS_OF = '2025-03-31';

describe('scorecard fixture (hand-computed)', () => {
  it('the indicators underneath are the hand-counted ones', async () => {
    const keys = MODEL.items.map((i) => i.indicator);
    const rs = await computeGrouped(engine, { by: 'dept', asOf: AS_OF, keys });
    const get = (dept: string, key: string) => {
      const r = rs.find((x) => x.group?.value === dept && x.key === key);
      return [r?.numerator, r?.denominator];
    };
    expect(get('甲局', 'case.online_apply_rate')).toEqual([5, 6]);
    expect(get('乙局', 'case.on_time_rate')).toEqual([3, 4]);
    expect(get('戊局', 'case.overdue_count')).toEqual([3, 4]);
    expect(get('丁局', 'eval.bad_rate')).toEqual([1, 2]);
    expect(get('丙局', 'eval.bad_rate')).toEqual([0, 0]);
  });

  it('scores, ranks (ties share a rank) and bands every department', async () => {
    const sc = await computeScorecard(engine, { model: MODEL, asOf: AS_OF });
    expect(sc.maxScore).toBe(65);
    expect(sc.rows.map((r) => [r.department, r.score, r.rank, r.band?.zh])).toEqual([
      ['甲局', 65, 1, '好'],
      ['丙局', 48.45, 2, '较好'], // 41 of 55 measurable points × 65/55
      ['丁局', 41, 3, '一般'], // 丁 (U+4E01) sorts before 乙 (U+4E59) within the tie
      ['乙局', 41, 3, '一般'],
      ['戊局', 35, 5, '较差'],
    ]);
    const points = Object.fromEntries(sc.rows.map((r) => [r.department, r.items.map((i) => i.points)]));
    expect(points).toEqual({
      甲局: [25, 20, 10, 10],
      乙局: [20, 10, 6, 5],
      丙局: [25, 10, 6, null],
      丁局: [25, 10, 6, 0],
      戊局: [25, 0, 0, 10],
    });
  });

  it('flags caps and missing data in the breakdown', async () => {
    const sc = await computeScorecard(engine, { model: MODEL, asOf: AS_OF });
    const row = (d: string) => sc.rows.find((r) => r.department === d);
    const e = row('戊局');
    expect(e?.items.map((i) => i.capped)).toEqual([true, false, true, false]);
    expect(e?.items[2]?.explanation.en).toBe('−10 for 3 overdue cases (4 each, cap 10) → 0 points');
    expect(e?.items[2]?.explanation.zh).toBe('超期件 3 件，每件扣 4 分，扣 10 分（上限 10）→ 0 分');
    expect(e?.items[1]?.explanation.zh).toBe('按时办结率 25% 未达 75% → 0 分');
    expect(row('乙局')?.items[1]?.explanation.zh).toBe('按时办结率 75% ≥ 75% → 10 分');
    expect(row('甲局')?.items[0]?.explanation.en).toMatch(/= 1\.67, capped at 1\.25 → 25 points$/);
    const c = row('丙局');
    expect(c?.coverage).toBe(0.85);
    expect(c?.items[3]).toMatchObject({ missing: true, points: null, max: 10, value: null });
    expect(c?.items[3]?.explanation.en).toMatch(/no data, left out/);
    expect(row('乙局')?.coverage).toBe(1);
  });

  it("'zero' scores missing items 0 instead of rescaling (three-way tie)", async () => {
    const model = parseScorecardModel({ ...TEST_MODEL_JSON, missing: 'zero' });
    const sc = await computeScorecard(engine, { model, asOf: AS_OF });
    expect(sc.rows.map((r) => [r.department, r.score, r.rank])).toEqual([
      ['甲局', 65, 1],
      ['丁局', 41, 2],
      ['丙局', 41, 2],
      ['乙局', 41, 2],
      ['戊局', 35, 5],
    ]);
    expect(sc.rows.find((r) => r.department === '丙局')?.items[3]).toMatchObject({
      missing: true,
      points: 0,
    });
  });

  it('compares the last period with the one before (change)', async () => {
    const sc = await computeScorecard(engine, { model: MODEL, asOf: AS_OF, period: 'month' });
    expect([sc.period, sc.previousPeriod]).toEqual(['2025-03', '2025-02']);
    const a = sc.rows.find((r) => r.department === '甲局');
    // February: 1 of 2 online → ratio 1 → 20; on time 2/2 → 20; no overdue → 10; no bad → 10.
    expect(a).toMatchObject({ score: 65, previousScore: 60, previousRank: 1, change: 5 });
    // Others had no February cases: only the overdue count (0 of 0) is measurable, 10/65 < min coverage.
    const b = sc.rows.find((r) => r.department === '乙局');
    expect(b).toMatchObject({ score: 41, previousScore: null, previousRank: null, change: null });
    // The sparkline history: every period's score, oldest first, the current one last.
    expect(a?.history?.slice(-2)).toEqual([
      { period: '2025-02', score: 60 },
      { period: '2025-03', score: 65 },
    ]);
    expect(b?.history?.at(-2)).toEqual({ period: '2025-02', score: null });
  });

  it('compares with an earlier as-of date (live counts move)', async () => {
    // Replayed on 03-06: the late cases (closed 03-10) were still open and not yet past their 03-07 due
    // day, the on-time ones closed 03-05, and the March ratings (03-11) not yet given. So every department
    // had on time 100 % (20), no overdue (10), online as now; 差评率 only 甲局 (A5 A6 rated 02-20: 0/2 → 10),
    // the rest unrated: rescaled over 55.
    const sc = await computeScorecard(engine, { model: MODEL, asOf: AS_OF, previousAsOf: '2025-03-06' });
    expect(sc.previousAsOf).toBe('2025-03-06 23:59:59');
    const change = Object.fromEntries(sc.rows.map((r) => [r.department, [r.previousScore, r.change]]));
    expect(change).toEqual({
      甲局: [65, 0], // 25 + 20 + 10 + 10
      乙局: [59.09, -18.09], // (20 + 20 + 10) × 65/55; now 41
      丙局: [65, -16.55], // (25 + 20 + 10) × 65/55; now 48.45
      丁局: [65, -24], // now 41
      戊局: [65, -30], // now 35
    });
  });

  it('leaves a department with too little data unscored and unranked, listed last', async () => {
    const model = parseScorecardModel({ ...TEST_MODEL_JSON, min_coverage: 0.9 });
    const sc = await computeScorecard(engine, { model, asOf: AS_OF });
    expect(sc.rows.at(-1)).toMatchObject({ department: '丙局', score: null, rank: null, band: null });
    expect(sc.rows.map((r) => r.rank)).toEqual([1, 2, 2, 4, null]);
  });
});
