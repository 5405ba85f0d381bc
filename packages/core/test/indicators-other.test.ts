import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseCalendar, weekendCalendar } from '../src/calendar/calendar.ts';
import { installCalendar } from '../src/calendar/sql.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { defineViews, storeOf } from '../src/import/dataset-view.ts';
import { importFile } from '../src/import/import-file.ts';
import { hotSatisfactionDef } from '../src/indicators/catalogue/hot-satisfaction.ts';
import { OTHER_INDICATORS } from '../src/indicators/catalogue/other.ts';
import { computeIndicators, loadedTables, runIndicator } from '../src/indicators/compute.ts';
import type { IndicatorResult } from '../src/indicators/types.ts';
import { DATASETS } from '../src/schema/datasets.ts';
import type { DatasetKey } from '../src/schema/types.ts';

/*
 * Hand-checked exports for the item, disclosure, on-request and hotline indicators (DOMAIN §7.a0–§7.d, §8).
 * Working days follow the 2025 State Council arrangement: 春节 01-28…02-04 off with 01-26 (Sun) and 02-08 (Sat)
 * worked; 国庆 10-01…10-08 off with 09-28 (Sun) and 10-11 (Sat) worked. "wd(a→b)" = working days in (a, b].
 */

/*
 * Items. Limits in working days (months × 22, years × 250, calendar days and hours × 250/365):
 * | item | online?        | depth | trips | statutory → wd | promised → wd   | instant?     | flags      |
 * | I01  | yes            | IV    | 0     | 20             | 5               |              |            |
 * | I02  | yes            | IV    | 0     | 20             | 即办 → 0        | 即办 + 即办件 |            |
 * | I03  | yes            | III   | 1     | 3个月 → 66     | 30              |              |            |
 * | I04  | no, but depth  | II    | 2     | 1年 → 250      | 100             |              |            |
 * | I05  | no             | I     | 1     | 无期限 (out)   | 10              |              |            |
 * | I06  | no             | –     | 3     | 15             | 0个工作日 → 0   | value 0      |            |
 * | I07  | no             | I     | 1     | 73日 → 50      | 20              |              |            |
 * | I08  | yes            | IV    | –     | 10             | – (out)         | 即办件        |            |
 * | I09  | no             | –     | 2     | 5              | 5               |              | 不适宜网办, 不宜跑零次 |
 * | I10  | yes            | –     | 1     | 20             | 25 (longer!)    |              | 不宜跑零次 |
 * | I11  | no             | –     | 0     | 5              | 24小时 → 250/365 |             |            |
 */
const ITEMS = `实施编码,事项名称,法定办结时限,承诺办结时限,办件类型,到办事现场次数,是否网办,网上办理深度,不适宜开展网上办事,不宜跑零次
I01,a,20个工作日,5个工作日,承诺件,0,是,Ⅳ级,否,否
I02,b,20个工作日,即办,即办件,0,是,Ⅳ级,,
I03,c,3个月,30个工作日,承诺件,1,是,Ⅲ级,,
I04,d,1年,100个工作日,承诺件,2,否,Ⅱ级,,
I05,e,无期限,10个工作日,承诺件,1,否,Ⅰ级,,
I06,f,15个工作日,0个工作日,承诺件,3,否,,,
I07,g,73日,20个工作日,承诺件,1,否,Ⅰ级,,
I08,h,10个工作日,,即办件,,是,Ⅳ级,,
I09,i,5个工作日,5个工作日,承诺件,2,否,,是,是
I10,j,20个工作日,25个工作日,承诺件,1,是,,,是
I11,k,5个工作日,24小时,承诺件,0,否,,,
`;

/*
 * Disclosures (deadline 20 unless given; 7 = 双公示):
 * | id  | publisher | five_open | formed     | published  | wd   | deadline | on time? | plain Mon–Fri wd |
 * | D01 | 甲局      | decision  | 09-10 Wed  | 10-14 Tue  | 20   | 20       | yes      | 24 → late        |
 * | D02 | 甲局      | execution | 09-10      | 10-15      | 21   | 20       | no       | 25               |
 * | D03 | 乙局      | result    | 09-26 Fri  | 10-10 Fri  | 5    | 7        | yes      | 10 → late        |
 * | D04 | 乙局      | result    | 10-09 Thu  | 10-21 Tue  | 9    | 7        | no       | 8                |
 * | D05 | 丙办      | –         | –          | 10-20      | –    | 20       | not counted (no formed date) |
 * | D06 | 甲局      | result    | 10-13      | 10-13      | 0    | 20       | yes      | 0                |
 * | D07 | –         | service   | 08-01 Fri  | 08-05 Tue  | 2    | 20       | yes      | 2                |
 * | D08 | 乙局      | service   | 09-01 Mon  | 09-03 Wed  | 2    | 20       | yes      | 2                |
 * D01: 09-11,12 (2), 15–19 (7), 22–26 (12), 28 Sun (13), 29, 30 (15), 10-09, 10 (17), 11 Sat (18),
 *      13, 14 (20).
 * D03: 09-28 Sun, 29, 30, 10-09, 10 = 5. D04: 10-10, 11 Sat, 13–17, 20, 21 = 9.
 */
const DISCLOSURES = `索引号,信息名称,发布机构,公开领域,五公开类别,成文日期,发布日期,公开时限(工作日)
D01,国庆前成文,甲局,财政预决算,决策公开,2025-09-10,2025-10-14 09:00:00,
D02,晚一天,甲局,财政预决算,执行公开,2025-09-10,2025-10-15 09:00:00,
D03,双公示按时,乙局,,结果公开,2025-09-26,2025-10-10 10:00:00,7
D04,双公示超期,乙局,,结果公开,2025-10-09,2025-10-21 10:00:00,7
D05,无成文日期,丙办,,,,2025-10-20 10:00:00,
D06,当日发布,甲局,,结果公开,2025-10-13,2025-10-13 16:00:00,20
D07,八月,,,服务公开,2025-08-01,2025-08-05 09:00:00,
D08,九月,乙局,,服务公开,2025-09-01,2025-09-03 09:00:00,
`;

/*
 * On-request applications. Due = exported 答复期限, else 20 + extension (≤ 20) working days after receipt.
 * Working days after 09-22: 23…26 (4), 28 Sun (5), 29, 30 (7), 10-09, 10 (9), 11 Sat (10), 13…17 (15),
 * 20…24 (20), 27…31 (25), 11-03…07 (30), 11-10 (31).
 * | id  | agency | received  | ext | due                       | replied | wd to reply | as of 11-10      |
 * | R01 | 甲局   | 01-20 Mon | –   | 02-21 (春节; Mon–Fri: 02-17) | 02-20 | 19        | on time          |
 * | R02 | 甲局   | 09-22 Mon | –   | 10-24                     | 10-27   | 21          | late             |
 * | R03 | 甲局   | 09-22     | 5   | 10-31 (25th)              | 10-27   | 21          | on time          |
 * | R04 | 甲局   | 09-22     | –   | 11-05 (exported)          | 11-03   | 26          | on time          |
 * | R05 | 乙局   | 09-22     | –   | 10-24                     | –       | –           | open, past due   |
 * | R06 | 乙局   | 10-27 Mon | –   | 11-24                     | –       | –           | open, not yet due |
 * | R07 | 乙局   | 09-01 Mon | 30→20 | 10-31 (40th; 50th = 11-14) | 11-07 | 45        | late             |
 * | R08 | 乙局   | 09-22     | –   | 10-24                     | –       | –           | 重复申请: never open |
 * R01: 01-21…24 (4), 26 Sun (5), 27 (6), 02-05…07 (9), 08 Sat (10), 10…14 (15), 17…21 (20).
 * R07: 09-02…05 (4), 8…12 (9), 15…19 (14), 22…26 (19), 28 (20), 29, 30 (22), 10-09…11 (25), 13…17 (30),
 *      20…24 (35), 27…31 (40), 11-03…07 (45).
 */
const REQUESTS = `申请编号,承办机关,收到申请日期,延期工作日数,答复期限,答复日期,办理结果
R01,甲局,2025-01-20,,,2025-02-20,予以公开
R02,甲局,2025-09-22,,,2025-10-27,予以公开
R03,甲局,2025-09-22,5,,2025-10-27,部分公开
R04,甲局,2025-09-22,,2025-11-05,2025-11-03,本机关不掌握相关政府信息
R05,乙局,2025-09-22,,,,
R06,乙局,2025-10-27,,,,
R07,乙局,2025-09-01,30,,2025-11-07,予以公开
R08,乙局,2025-09-22,,,,重复申请
`;

/*
 * Hotline tickets (times compared to the minute; H11 is void and must vanish everywhere):
 * | id  | due         | replied     | closed      | status | callback result | resolved |
 * | H01 | 11-05 18:00 | 11-04 10:00 | 11-04 12:00 | closed | 满意            | 已解决   |
 * | H02 | 11-05 18:00 | 11-06 09:00 | 11-06 10:00 | closed | 不满意          | 未解决   |
 * | H03 | 11-06 18:00 | 11-05 09:00 | 11-06 17:00 | closed | 基本满意        | 部分解决 |
 * | H04 | 11-07 18:00 | 11-05 10:00 | 11-05 15:00 | closed | 非常满意        | –        |
 * | H05 | 11-07 18:00 | 11-06 10:00 | 11-07 16:00 | closed | 未接通          | –        |
 * | H06 | 11-07 18:00 | 11-06 14:00 | 11-07 19:00 | closed | –               | –        |  (late by one hour)
 * | H07 | 11-08 18:00 | –           | –           | open   |                 |          |
 * | H08 | 11-12 18:00 | –           | –           | open   |                 |          |  (not yet due)
 * | H09 | 11-09 18:00 | 11-10 09:00 | –           | replied|                 |          |
 * | H10 | –           | –           | 11-07 09:05 | closed | 满意            | 已解决   |  (answered directly)
 * | H11 | –           | –           | 11-07 10:01 | void   | 满意            | 已解决   |
 * | H12 | 11-10 18:00 | 11-09 10:00 | 11-10 10:00 | closed | 拒评            | 已解决   |
 * | H13 | 11-12 18:00 | 11-09 11:00 | –           | replied|                 |          |
 */
const HOTLINE = `工单编号,受理时间,办理时限,答复时间,办结时间,工单状态,回访时间,回访结果,是否解决
H01,2025-11-03 09:00,2025-11-05 18:00,2025-11-04 10:00,2025-11-04 12:00,已办结,2025-11-05 10:00,满意,已解决
H02,2025-11-03 10:00,2025-11-05 18:00,2025-11-06 09:00,2025-11-06 10:00,已办结,2025-11-07 10:00,不满意,未解决
H03,2025-11-04 09:00,2025-11-06 18:00,2025-11-05 09:00,2025-11-06 17:00,已办结,2025-11-07 11:00,基本满意,部分解决
H04,2025-11-04 10:00,2025-11-07 18:00,2025-11-05 10:00,2025-11-05 15:00,已办结,2025-11-06 10:00,非常满意,
H05,2025-11-05 09:00,2025-11-07 18:00,2025-11-06 10:00,2025-11-07 16:00,已办结,2025-11-08 10:00,未接通,
H06,2025-11-05 10:00,2025-11-07 18:00,2025-11-06 14:00,2025-11-07 19:00,已办结,,,
H07,2025-11-06 09:00,2025-11-08 18:00,,,办理中,,,
H08,2025-11-10 09:00,2025-11-12 18:00,,,办理中,,,
H09,2025-11-06 10:00,2025-11-09 18:00,2025-11-10 09:00,,已答复,,,
H10,2025-11-07 09:00,,,2025-11-07 09:05,已办结,2025-11-08 11:00,满意,已解决
H11,2025-11-07 10:00,,,2025-11-07 10:01,无效,2025-11-08 12:00,满意,已解决
H12,2025-11-08 09:00,2025-11-10 18:00,2025-11-09 10:00,2025-11-10 10:00,已办结,2025-11-10 15:00,拒评,已解决
H13,2025-11-08 10:00,2025-11-12 18:00,2025-11-09 11:00,,已答复,,,
`;

const FILES: [DatasetKey, string, number][] = [
  ['items', ITEMS, 11],
  ['disclosures', DISCLOSURES, 8],
  ['requests', REQUESTS, 8],
  ['hotline', HOTLINE, 13],
];

/** Covers every fixture date and due date; installed by the test, not left to computeIndicators. */
const RANGE = { from: '2024-12-01', to: '2026-12-31' };
const AS_OF = '2025-11-10';
const NEW_KEYS = OTHER_INDICATORS.map((d) => d.key).filter((k) => k !== 'foi.volume_by_domain');

const utf8 = (s: string) => new TextEncoder().encode(s);

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  for (const [dataset, csv, rows] of FILES) {
    const summary = await importFile(engine, `${dataset}.csv`, utf8(csv), { dataset });
    // Guards the hand-computed tables: every fixture row must load.
    expect(summary, dataset).toMatchObject({ loaded: rows, rejected: 0 });
  }
  // Imports drop the calendar; install it last, so the macros and joins see 2025's holidays.
  await installCalendar(engine, chineseCalendar(), RANGE);
});
afterAll(() => engine.close());

const byKey = async (
  opts: Parameters<typeof computeIndicators>[1],
): Promise<Record<string, IndicatorResult>> =>
  Object.fromEntries((await computeIndicators(engine, opts)).map((c) => [c.result.key, c.result]));

describe('item-level indicators (事项清单)', () => {
  it('computes every rate by the hand-checked table', async () => {
    const r = await byKey({ asOf: AS_OF });
    // Denominator: 11 − I09 (不适宜网办) = 10; online by flag or depth ≥ II: I01 I02 I03 I04 I08 I10 = 6.
    expect(r['item.online_available_rate']).toMatchObject({ numerator: 6, denominator: 10, value: 0.6 });
    // Depth IV: I01 I02 I08.
    expect(r['item.full_online_rate']).toMatchObject({ numerator: 3, denominator: 11 });
    // I02 (即办), I06 (0个工作日), I08 (办件类型 即办件, no promised limit).
    expect(r['item.instant_rate']).toMatchObject({ numerator: 3, denominator: 11 });
    // Both limits finite: all but I05 (无期限) and I08 (no promise).
    // Σstatutory = 20+20+66+250+15+50+5+20+5 = 451; Σpromised = 5+0+30+100+0+20+5+25+250/365 = 185 + 250/365.
    const compression = r['item.limit_compression'];
    expect(compression?.denominator).toBeCloseTo(451, 9);
    expect(compression?.numerator).toBeCloseTo(451 - 185 - 250 / 365, 9);
    expect(compression?.value).toBeCloseTo((266 - 250 / 365) / 451, 9);
    // Denominator: 11 − I09 − I10 (不宜跑零次) = 9; zero trips: I01 I02 I11, and I08 (no count, depth IV) = 4.
    expect(r['item.zero_trip_rate']).toMatchObject({ numerator: 4, denominator: 9 });
    // ≤ 1 trip: I01 I02 I03 I05 I07 I10 I11, and I08 via depth IV = 8; I04 (2), I06 (3), I09 (2) are not.
    expect(r['item.max_one_trip_rate']).toMatchObject({ numerator: 8, denominator: 11 });
  });

  it('gives practice targets and keeps small samples out of green/red', async () => {
    const r = await byKey({ asOf: AS_OF });
    expect(r['item.full_online_rate']).toMatchObject({ target: 0.5, status: 'insufficient' });
    expect(r['item.zero_trip_rate']?.target).toBe(0.2);
    expect(r['item.max_one_trip_rate']?.target).toBe(0.7);
    expect(r['item.limit_compression']).toMatchObject({ target: null, status: 'none', unit: 'percent' });
  });
});

describe('disclosure indicators (主动公开)', () => {
  it('counts timeliness on the holiday calendar and breaks volumes down', async () => {
    const r = await byKey({ asOf: AS_OF });
    // On time: D01 (20 ≤ 20), D03 (5 ≤ 7), D06, D07, D08; late: D02 (21), D04 (9 > 7); D05: no formed date.
    expect(r['foi.proactive_timely']).toMatchObject({ numerator: 5, denominator: 7 });
    expect(r['foi.volume_by_five_open']?.breakdown).toEqual([
      { key: 'result', value: 3 },
      { key: 'service', value: 2 },
      { key: 'decision', value: 1 },
      { key: 'execution', value: 1 },
      { key: 'unknown', value: 1 },
    ]);
    // Ties by key in byte order: 乙 (U+4E59) before 甲 (U+7532); 'unknown' before 丙.
    expect(r['foi.volume_by_dept']?.breakdown).toEqual([
      { key: '乙局', value: 3 },
      { key: '甲局', value: 3 },
      { key: 'unknown', value: 1 },
      { key: '丙办', value: 1 },
    ]);
    // Calendar order, although October is the largest month.
    expect(r['foi.volume_by_month']?.breakdown).toEqual([
      { key: '2025-08', value: 1 },
      { key: '2025-09', value: 1 },
      { key: '2025-10', value: 6 },
    ]);
    expect(r['foi.volume_by_domain']?.breakdown).toEqual([
      { key: 'unknown', value: 6 },
      { key: 'budget', value: 2 },
    ]);
  });
});

describe('on-request indicators (依申请公开)', () => {
  it('excludes open requests not yet due and honours exported due dates and extensions', async () => {
    const r = await byKey({ asOf: AS_OF });
    // Replied by 11-10: R01 ✓, R02 ✗, R03 ✓, R04 ✓, R07 ✗; open past due: R05 ✗; R06 not yet due, R08 ended.
    expect(r['foi.request_on_time']).toMatchObject({ numerator: 3, denominator: 6, value: 0.5 });
    // Working days to reply: 19, 21, 21, 26, 45 → sum 132, mean 26.4, median 21.
    expect(r['foi.median_days']).toMatchObject({ numerator: 132, denominator: 5, median: 21, unit: 'wd' });
    expect(r['foi.median_days']?.value).toBeCloseTo(26.4, 9);
    // Open on 11-10: R05 (due 10-24, overdue) and R06 (due 11-24); R08 is not open.
    expect(r['foi.backlog']).toMatchObject({ value: 1, denominator: 2, target: 0, status: 'red' });
  });

  it('judges as of the report date: later replies count as still open', async () => {
    const r = await byKey({ asOf: '2025-10-25' });
    // By 10-25 only R01 had replied (on time). R02 and R05 were open past their 10-24 due date; R03, R04, R07
    // were open but not yet due, and R03/R04's later on-time replies must not count. R06 arrives 10-27.
    expect(r['foi.request_on_time']).toMatchObject({ numerator: 1, denominator: 3 });
    // Open on 10-25: R02 R03 R04 R05 R07; past due: R02 R05.
    expect(r['foi.backlog']).toMatchObject({ value: 2, denominator: 5 });
  });
});

describe('hotline indicators (12345)', () => {
  it('computes the closed loop by the hand-checked table', async () => {
    const r = await byKey({ asOf: AS_OF });
    // 12 non-void tickets; closed: H01–H06, H10, H12 = 8 (H11 is void).
    expect(r['hot.closure_rate']).toMatchObject({ numerator: 8, denominator: 12 });
    // Closed with a deadline: H01–H06, H12 = 7; late: H02 (next day) and H06 (19:00 > 18:00 the same day).
    expect(r['hot.on_time_rate']).toMatchObject({ numerator: 5, denominator: 7 });
    // Replied or past due by 11-10 23:59:59: H01–H07, H09, H12, H13 = 10 (H08 not due, H10 no deadline);
    // late: H02, H07 (no reply), H09.
    expect(r['hot.timely_reply']).toMatchObject({ numerator: 7, denominator: 10, value: 0.7 });
    // Closed 8, called back: all but H06 (unreachable H05 and declined H12 were still called).
    expect(r['hot.callback_rate']).toMatchObject({ numerator: 7, denominator: 8 });
    // Valid callbacks: H01 满意, H02 不满意, H03 基本满意, H04 非常满意, H10 满意 = 5 (H05 未接通, H12 拒评 out).
    expect(r['hot.satisfaction']).toMatchObject({ numerator: 4, denominator: 5, value: 0.8 });
    // Valid callbacks with a resolution: H01 ✓, H02 ✗, H03 部分解决 ✗, H10 ✓ (H04 blank; H12 declined).
    expect(r['hot.resolution']).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it('leaves out tickets neither replied nor due by the as-of time', async () => {
    const r = await byKey({ asOf: '2025-11-06 12:00:00' });
    // Past due: H01 ✓, H02 ✗ (11-05 18:00); replied by then: H03 ✓, H04 ✓, H05 ✓ (10:00). H06 replied at
    // 14:00 and H07 is due 11-08: both out.
    expect(r['hot.timely_reply']).toMatchObject({ numerator: 4, denominator: 5 });
  });

  it('can count 基本满意 out (strict variant)', async () => {
    const tables = await loadedTables(engine);
    const strict = hotSatisfactionDef(false);
    const { result } = await runIndicator(engine, strict, {
      asOf: '2025-11-10 23:59:59',
      columns: tables.get('hotline') ?? [],
    });
    // H01, H04, H10 of the same 5 valid callbacks.
    expect(result).toMatchObject({ key: 'hot.satisfaction_strict', numerator: 3, denominator: 5 });
  });
});

describe('filters and parameters', () => {
  it('filters every new dataset with bound values', async () => {
    const r = await byKey({ asOf: AS_OF, filters: { publisher: ['甲局'], agency: ['甲局'] } });
    // 甲局 disclosures: D01 ✓, D02 ✗, D06 ✓.
    expect(r['foi.proactive_timely']).toMatchObject({ numerator: 2, denominator: 3 });
    expect(r['foi.volume_by_dept']?.breakdown).toEqual([{ key: '甲局', value: 3 }]);
    // 甲局 requests R01–R04: R02 late; nothing open.
    expect(r['foi.request_on_time']).toMatchObject({ numerator: 3, denominator: 4 });
    expect(r['foi.backlog']).toMatchObject({ value: 0, denominator: 0, status: 'green' });
    expect(r['foi.median_days']).toMatchObject({ numerator: 87, denominator: 4, median: 21 });
    // Items and tickets have no such columns: unfiltered.
    expect(r['hot.closure_rate']?.denominator).toBe(12);
    const evil = await byKey({ asOf: AS_OF, filters: { publisher: ["甲局' OR 1=1 --"] } });
    expect(evil['foi.proactive_timely']).toMatchObject({ numerator: 0, denominator: 0, value: null });
  });

  it('binds the as-of date instead of pasting it', () => {
    const asOf = '2031-07-19 23:59:59';
    for (const def of OTHER_INDICATORS) {
      const q = def.sql({ asOf, columns: [] });
      expect(q.text, def.key).not.toContain('2031');
      // Every dataset with events is replayed as of the day (replay.ts); the item catalogue has none.
      const needsAsOf = def.dataset !== 'items';
      expect(q.params.includes(asOf), def.key).toBe(needsAsOf);
    }
  });

  it('lists every new key once, after foi.volume_by_domain', () => {
    expect(OTHER_INDICATORS[0]?.key).toBe('foi.volume_by_domain');
    expect([...NEW_KEYS].sort()).toEqual(
      [
        'item.online_available_rate',
        'item.full_online_rate',
        'item.instant_rate',
        'item.limit_compression',
        'item.zero_trip_rate',
        'item.max_one_trip_rate',
        'foi.proactive_timely',
        'foi.volume_by_five_open',
        'foi.volume_by_dept',
        'foi.volume_by_month',
        'foi.request_on_time',
        'foi.median_days',
        'foi.backlog',
        'hot.closure_rate',
        'hot.on_time_rate',
        'hot.timely_reply',
        'hot.callback_rate',
        'hot.satisfaction',
        'hot.resolution',
      ].sort(),
    );
    for (const def of OTHER_INDICATORS) {
      const text = [def.label.zh, def.label.en, def.formula.zh, def.formula.en, def.source];
      expect(
        text.every((t) => t.length > 0),
        def.key,
      ).toBe(true);
      if (def.kind === 'rate' && def.target !== undefined) expect(def.target, def.key).toBeLessThanOrEqual(1);
    }
  });
});

// These reinstall the calendar or alter a table, so they run last.
describe('working-day edge cases', () => {
  it('is on time only because of 国庆 and 春节', async () => {
    const plain = weekendCalendar({ name: 'Mon–Fri only', years: { from: 2024, to: 2026 } });
    await installCalendar(engine, plain, RANGE);
    try {
      const r = await byKey({ asOf: AS_OF });
      // Without the holidays D01 takes 24 wd and D03 10 (> 7): on time are only D06, D07, D08.
      expect(r['foi.proactive_timely']).toMatchObject({ numerator: 3, denominator: 7 });
      // R01 falls due 02-17 and its 02-20 reply is late; R02 due 10-20 (late), R03 due 10-27 (on time),
      // R04 exported (on time), R07 due 10-27 (late), R05 open past due → 2 / 6.
      expect(r['foi.request_on_time']).toMatchObject({ numerator: 2, denominator: 6 });
    } finally {
      await installCalendar(engine, chineseCalendar(), RANGE);
    }
  });

  it('restarts the disclosure clock at a change date when the export has one', async () => {
    // changed_at is the canonical column of 变更日期 (read from a file in schema-roles.test.ts).
    // The export has no 变更日期: its store gets the column, and the view reads it instead of NULL.
    const store = storeOf('disclosures');
    try {
      await engine.exec(
        `ALTER TABLE ${store} ADD COLUMN changed_at DATE; UPDATE ${store} SET changed_at = DATE '2025-09-15' WHERE info_id = 'D02'`,
      );
      await defineViews(engine, DATASETS.disclosures);
      const r = await byKey({ asOf: AS_OF });
      // D02 from 09-15: 16…19 (4), 22…26 (9), 28 Sun (10), 29, 30 (12), 10-09, 10 (14), 11 Sat (15),
      // 13…15 (18) ≤ 20.
      expect(r['foi.proactive_timely']).toMatchObject({ numerator: 6, denominator: 7 });
    } finally {
      await engine.exec(`ALTER TABLE ${store} DROP COLUMN changed_at`);
      await defineViews(engine, DATASETS.disclosures);
    }
  });
});
