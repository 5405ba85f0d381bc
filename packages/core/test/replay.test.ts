import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { INDICATORS } from '../src/indicators/catalogue/index.ts';
import { computeIndicators, prepareComputation } from '../src/indicators/compute.ts';
import { replayed } from '../src/indicators/replay.ts';
import type { IndicatorResult } from '../src/indicators/types.ts';
import { recordStatements } from './helpers/recorded-statements.ts';

/*
 * Every built-in indicator computed as of A = 2025-06-30 and B = 2025-12-31 on one set of exports, each value
 * counted by hand. As of a day only what had happened by then counts: rows received later do not exist,
 * and closures, replies, ratings, rectifications and callbacks dated later had not happened.
 * 2025 calendar: 端午 05-31…06-02 off, 劳动节 05-01…05-05 off; June and July otherwise Mon–Fri.
 *
 * Cases (5 working days each; due = 5th working day after acceptance; elapsed = wd(accepted, closed]):
 * | id | accepted   | closed       | chan   | 网上办结 | trips | due   | elapsed | rating (rated → rectified)       |
 * | R1 | 06-09      | 06-11        | PC     | 是       | 0     | 06-16 | 2 early | 5 (06-12)                        |
 * | R2 | 06-09      | 07-01 (> A)  | window | 否       | 1     | 06-16 | 16 late | 1 (07-02 → 07-10, deadline 07-23) |
 * | R3 | 06-16      | open         | window |          |       | 06-23 |         |                                  |
 * | R4 | 07-07 (>A) | 07-09        | mobile | 是       | 0     | 07-14 | 2 early | 2 (07-10 → 07-11, deadline 07-31) |
 * | R5 | 06-20 Fri  | 06-30 10:00  | window | 否       | 2     | 06-27 | 6 late  | 4 (06-30 11:00)                  |
 * | R6 | 06-03      | 06-04        | window | 否       |       | 06-10 | 1 early | 1 (06-05 → 07-15, deadline 06-26) |
 * Rectification deadline: 15th working day after the rating day.
 */
const CASES = `办件编号,受理部门,申报渠道,申请时间,受理时间,办结时间,承诺办结时限,是否网上办结,办理状态,实际跑动次数,评价等级,评价时间,差评整改时间
R1,甲局,网上(PC),2025-06-09 09:00,2025-06-09 09:00,2025-06-11 10:00,5个工作日,是,已办结,0,5,2025-06-12 10:00,
R2,甲局,窗口,2025-06-09 09:00,2025-06-09 09:00,2025-07-01 10:00,5个工作日,否,已办结,1,1,2025-07-02 10:00,2025-07-10 10:00
R3,乙局,窗口,2025-06-16 09:00,2025-06-16 09:00,,5个工作日,,办理中,,,,
R4,乙局,移动端,2025-07-07 09:00,2025-07-07 09:00,2025-07-09 10:00,5个工作日,是,已办结,0,2,2025-07-10 10:00,2025-07-11 10:00
R5,乙局,窗口,2025-06-20 09:00,2025-06-20 09:00,2025-06-30 10:00,5个工作日,否,已办结,2,4,2025-06-30 11:00,
R6,甲局,窗口,2025-06-03 09:00,2025-06-03 09:00,2025-06-04 10:00,5个工作日,否,已办结,,1,2025-06-05 10:00,2025-07-15 10:00
`;

/*
 * On-request (due = 20th working day after receipt; reply wd = wd(received, replied]):
 * Q1 06-03 → 06-20: 13 wd, due 07-01, on time.   Q2 06-03 → 07-03 (> A): 22 wd, late.
 * Q3 07-01 (> A) → 07-10: 7 wd, on time.          Q4 05-06, never answered: due 06-04 (劳动节, 端午 skipped).
 */
const REQUESTS = `申请编号,承办机关,收到申请日期,答复日期,办理结果
Q1,甲局,2025-06-03,2025-06-20,予以公开
Q2,甲局,2025-06-03,2025-07-03,予以公开
Q3,乙局,2025-07-01,2025-07-10,予以公开
Q4,乙局,2025-05-06,,
`;

/* Disclosures: P1 5 wd, P3 4 wd on time; P2 (published 07-15, after A) 30 wd, late. */
const DISCLOSURES = `索引号,信息名称,公开领域,五公开类别,发布机构,成文日期,发布日期
P1,a,财政预决算,决策公开,甲局,2025-06-03,2025-06-10
P2,b,义务教育,结果公开,乙局,2025-06-03,2025-07-15
P3,c,财政预决算,结果公开,甲局,2025-06-16,2025-06-20
`;

/* Hotline: H2 replied, closed and called back only in July; H3 received in July; H4 never answered. */
const HOTLINE = `工单编号,受理时间,承办单位,办理时限,答复时间,办结时间,工单状态,回访时间,回访结果,是否解决
H1,2025-06-02 09:00,甲局,2025-06-09 18:00,2025-06-05 10:00,2025-06-06 10:00,已办结,2025-06-10 10:00,满意,已解决
H2,2025-06-20 09:00,甲局,2025-06-27 18:00,2025-07-01 10:00,2025-07-02 10:00,已办结,2025-07-03 10:00,不满意,未解决
H3,2025-07-05 09:00,乙局,2025-07-12 18:00,2025-07-08 10:00,2025-07-09 10:00,已办结,2025-07-10 10:00,非常满意,已解决
H4,2025-06-25 09:00,乙局,2025-07-02 18:00,,,办理中,,,
`;

/* The item catalogue has no events: the same numbers on both days. */
const ITEMS = `实施编码,事项名称,法定办结时限,承诺办结时限,办件类型,到办事现场次数,是否网办,网上办理深度
I1,a,20个工作日,5个工作日,承诺件,0,是,Ⅳ级
I2,b,10个工作日,即办,即办件,2,否,
`;

type Expected = Partial<IndicatorResult> | Record<string, number>;
/** key → [as of A, as of B]; breakdowns as { category: count }. */
const EXPECTED: Record<string, [Expected, Expected]> = {
  // Population: cases submitted by the day (R4 only from 07-07).
  'case.online_apply_rate': [
    { numerator: 1, denominator: 5 },
    { numerator: 2, denominator: 6 },
  ],
  'case.online_closed_rate': [
    { numerator: 1, denominator: 5 },
    { numerator: 2, denominator: 6 },
  ],
  // Accepted by the day; closed by the day: A R1 R5 R6 (R2 closes 07-01), B all but R3.
  'case.closure_rate': [
    { numerator: 3, denominator: 5 },
    { numerator: 5, denominator: 6 },
  ],
  // A: closed late R5 + open past due R2 R3; B: closed late R2 R5 + open past due R3.
  'case.overdue_count': [
    { value: 3, denominator: 5 },
    { value: 3, denominator: 6 },
  ],
  // A: R1 R6 on time, R5 late; B: + R2 late, R4 on time.
  'case.on_time_rate': [
    { numerator: 2, denominator: 3 },
    { numerator: 3, denominator: 5 },
  ],
  'case.early_rate': [
    { numerator: 2, denominator: 3 },
    { numerator: 3, denominator: 5 },
  ],
  // A: 2, 6, 1 (median 2); B: + 16, 2 → 1 2 2 6 16 (median 2).
  'case.avg_elapsed_wd': [
    { numerator: 9, denominator: 3, median: 2 },
    { numerator: 27, denominator: 5, median: 2 },
  ],
  // Open on the day with a due day: A R2 R3 (both past due), B R3.
  'case.red': [
    { value: 2, denominator: 2 },
    { value: 1, denominator: 1 },
  ],
  'case.yellow': [
    { value: 0, denominator: 2 },
    { value: 0, denominator: 1 },
  ],
  // Trips are not events: A R1 0, R2 1, R5 2; B + R4 0.
  'case.zero_trip_actual': [
    { numerator: 1, denominator: 3 },
    { numerator: 2, denominator: 4 },
  ],
  'eval.rating_rate': [
    { numerator: 3, denominator: 3 },
    { numerator: 5, denominator: 5 },
  ],
  // Ratings by the day: A 5, 4, 1; B + 1 (R2), 2 (R4).
  'eval.good_rate': [
    { numerator: 2, denominator: 3 },
    { numerator: 2, denominator: 5 },
  ],
  'eval.bad_rate': [
    { numerator: 1, denominator: 3 },
    { numerator: 3, denominator: 5 },
  ],
  'eval.score': [
    { numerator: 175, denominator: 3, median: 75 },
    { numerator: 200, denominator: 5, median: 25 },
  ],
  // A: R6 past its 06-26 deadline and not yet rectified; B: R6 late (07-15), R2 and R4 on time.
  'eval.rectify_on_time': [
    { numerator: 0, denominator: 1 },
    { numerator: 2, denominator: 3 },
  ],
  'foi.volume_by_domain': [{ budget: 2 }, { budget: 2, compulsory_education: 1 }],
  'foi.volume_by_five_open': [
    { decision: 1, result: 1 },
    { decision: 1, result: 2 },
  ],
  'foi.volume_by_dept': [{ 甲局: 2 }, { 甲局: 2, 乙局: 1 }],
  'foi.volume_by_month': [{ '2025-06': 2 }, { '2025-06': 2, '2025-07': 1 }],
  'foi.proactive_timely': [
    { numerator: 2, denominator: 2 },
    { numerator: 2, denominator: 3 },
  ],
  // A: Q1 replied on time + Q4 open past due (Q2 open, due 07-01, not yet); B: Q1 Q3 on time, Q2 late, Q4.
  'foi.request_on_time': [
    { numerator: 1, denominator: 2 },
    { numerator: 2, denominator: 4 },
  ],
  'foi.median_days': [
    { numerator: 13, denominator: 1, median: 13 },
    { numerator: 42, denominator: 3, median: 13 },
  ],
  // Open on the day: A Q2 (not yet due) and Q4 (past due); B Q4.
  'foi.backlog': [
    { value: 1, denominator: 2 },
    { value: 1, denominator: 1 },
  ],
  'item.online_available_rate': [
    { numerator: 1, denominator: 2 },
    { numerator: 1, denominator: 2 },
  ],
  'item.full_online_rate': [
    { numerator: 1, denominator: 2 },
    { numerator: 1, denominator: 2 },
  ],
  'item.instant_rate': [
    { numerator: 1, denominator: 2 },
    { numerator: 1, denominator: 2 },
  ],
  'item.limit_compression': [
    { numerator: 25, denominator: 30 },
    { numerator: 25, denominator: 30 },
  ],
  'item.zero_trip_rate': [
    { numerator: 1, denominator: 2 },
    { numerator: 1, denominator: 2 },
  ],
  'item.max_one_trip_rate': [
    { numerator: 1, denominator: 2 },
    { numerator: 1, denominator: 2 },
  ],
  // Received by the day (H3 from 07-05); closed by the day: A H1, B H1 H2 H3.
  'hot.closure_rate': [
    { numerator: 1, denominator: 3 },
    { numerator: 3, denominator: 4 },
  ],
  'hot.on_time_rate': [
    { numerator: 1, denominator: 1 },
    { numerator: 2, denominator: 3 },
  ],
  // A: H1 on time, H2 past due and not yet answered (H4 not yet due); B: + H2 late, H3 on time, H4 past due.
  'hot.timely_reply': [
    { numerator: 1, denominator: 2 },
    { numerator: 2, denominator: 4 },
  ],
  'hot.callback_rate': [
    { numerator: 1, denominator: 1 },
    { numerator: 3, denominator: 3 },
  ],
  'hot.satisfaction': [
    { numerator: 1, denominator: 1 },
    { numerator: 2, denominator: 3 },
  ],
  'hot.resolution': [
    { numerator: 1, denominator: 1 },
    { numerator: 2, denominator: 3 },
  ],
};

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  const utf8 = (s: string) => new TextEncoder().encode(s);
  for (const [name, csv] of [
    ['cases.csv', CASES],
    ['requests.csv', REQUESTS],
    ['disclosures.csv', DISCLOSURES],
    ['hotline.csv', HOTLINE],
    ['items.csv', ITEMS],
  ] as const) {
    const s = await importFile(engine, name, utf8(csv));
    expect([s.loaded, s.rejected, s.warnings], name).toEqual([s.read, 0, 0]);
  }
});
afterAll(() => engine.close());

const compare = (r: IndicatorResult | undefined, expected: Expected, day: string) => {
  if (r?.kind === 'breakdown') {
    expect(Object.fromEntries((r.breakdown ?? []).map((b) => [b.key, b.value])), `${r.key} ${day}`).toEqual(
      expected,
    );
  } else expect(r, `${r?.key} ${day}`).toMatchObject(expected);
};

describe('every indicator replayed as of a day', () => {
  it('covers every built-in indicator', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual(INDICATORS.map((d) => d.key).sort());
  });

  it.each([
    ['2025-06-30', 0],
    ['2025-12-31', 1],
  ] as const)('as of %s', async (asOf, i) => {
    const results = await computeIndicators(engine, { asOf });
    expect(results.map((c) => c.result.key).sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const c of results) {
      expect(c.result.status, c.result.key).not.toBe('unavailable');
      compare(c.result, EXPECTED[c.result.key]?.[i] ?? {}, asOf);
    }
  });
});

describe('the replay is skipped where it would change nothing', () => {
  it('knows each table’s latest event, and as of it or later reads the tables as they are', async () => {
    const { latest } = await prepareComputation(engine, { asOf: '2025-12-31' });
    // R6's rectification, Q3's reply, P2's publication, H3's callback: each table's own latest event.
    expect(latest).toMatchObject({
      cases: '2025-07-15 10:00:00',
      requests: '2025-07-10 00:00:00',
      disclosures: '2025-07-15 00:00:00',
      hotline: '2025-07-10 10:00:00',
    });
    const statements = recordStatements(engine);
    await computeIndicators(engine, { asOf: '2025-12-31' });
    const asOfLatest = statements.splice(0);
    await computeIndicators(engine, { asOf: '2025-06-30' });
    // As of a day before the latest events, rows are replayed (the hand-counted values above hold both ways).
    expect(asOfLatest.filter((s) => s.includes('EXCLUDE (as_of)'))).toEqual([]);
    expect(statements.filter((s) => s.includes('EXCLUDE (as_of)')).length).toBeGreaterThan(5);
  });

  it('replays on a tie with a fraction of a second, an unreadable time, or another table’s latest only', () => {
    const ctx = (latest: Record<string, string>) => ({
      asOf: '2025-07-15 10:00:00',
      columns: ['closed_at'],
      latest,
    });
    const plain = { text: '"cases" AS "cases"', params: [] };
    expect(replayed('cases', ctx({ cases: '2025-07-15 10:00:00' }))).toEqual(plain);
    expect(replayed('cases', ctx({ cases: '' }))).toEqual(plain);
    expect(replayed('case_facts', ctx({ cases: '2025-07-01 00:00:00' })).params).toEqual([]);
    const replaying: Record<string, string>[] = [
      { cases: '2025-07-15 10:00:00.5' },
      { cases: '10000-01-01 00:00:00' },
      { requests: '2025-01-01 00:00:00' },
    ];
    for (const latest of replaying) {
      expect(replayed('cases', ctx(latest)).params, JSON.stringify(latest)).toEqual(['2025-07-15 10:00:00']);
    }
  });
});
