import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chineseCalendar, weekendCalendar } from '../src/calendar/calendar.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { caseYellowWithin, YELLOW_WARNING_WD } from '../src/indicators/catalogue/case-yellow.ts';
import { CASE_INDICATORS } from '../src/indicators/catalogue/cases.ts';
import {
  BAD_REVIEW_RECTIFY_WD,
  evalRectifyOnTimeWithin,
} from '../src/indicators/catalogue/eval-rectify-on-time.ts';
import { computeIndicators, loadedTables, runIndicator } from '../src/indicators/compute.ts';

/*
 * 2025 State Council calendar (国办发明电〔2024〕12号) used below:
 *   春节 01-28 … 02-04 off, 01-26 (Sun) and 02-08 (Sat) are workdays; 清明 04-04 … 04-06 off;
 *   劳动节 05-01 … 05-05 off, 04-27 (Sun) is a workday. 03-08 is an ordinary Saturday.
 * All cases are accepted at 09:10 on the day given; as-of is 2025-04-29 23:59:59 unless stated.
 * wd(a, b) = working days in (a, b]; due = the n-th working day after acceptance (n = limit + 延长 + 特别程序).
 *
 * id  dept 受理  办结   limit      ext/pause due    elapsed  on-time early  open 04-29   trips rating (rated→整改)
 * C01 甲 01-24 02-07 5wd        -     02-07  5        yes   no(5=5)  -          0   5 (02-07)
 *     due skips 春节 and uses 01-26: 01-26,27,02-05,06,07; plain Mon–Fri would give 01-31 (late).
 * C02 甲 01-24 02-10 5wd        -     02-07  7        LATE  no       -          1   3 (02-10)
 *     elapsed counts 02-08 (Sat workday); without the 01-26 make-up day the due day would be 02-10 (on time).
 * C03 甲 03-03 03-13 5wd        0/3   03-13  8−3=5    yes   no(5=5)  -          0   4 (03-13)
 *     on time only because of the pause: without it due 03-10.
 * C04 甲 03-03 03-05 5wd        -     03-10  2        yes   YES      -          0   5 (03-05)
 * C05 甲 03-04 03-04 即办       -     03-04  0        yes   no(0=0)  -          1   6 (invalid, counts nowhere)
 * C06 甲 03-04 03-10 3个自然日  -     03-07  4        LATE  n/a(cd)  -          2   2 (04-08 → none)
 * C07 乙 03-03 03-10 3wd        2/0   03-10  5        yes   no(5>3)  -          -   1 (04-10 → none)
 *     on time only because of the extension; early compares with the promised 3, not 3+2.
 * C08 乙 03-05 03-20 无期限     -     -      11       n/a   n/a      -          0   2 (04-15 → 04-18)
 * C09 乙 03-06 03-07 5wd 撤回   -     -      (1)      n/a   n/a      -          -   -
 *     withdrawn: no due day, excluded from elapsed, early (would be 1<5) and the rating base.
 * C10 乙 01-06 01-10 5wd        -     01-13  4        yes   YES      -          -   1 (01-20 → 02-12)
 * C11 乙 01-06 01-15 5wd        -     01-13  7        LATE  no       -          -   2 (01-20 → 02-17)
 * C12 乙 03-03 03-08 4wd        -     03-07  4        yes   no(4=4)  -          -   1 (04-16 → 04-30)
 *     closed on the Saturday after the Friday due day: 4 elapsed working days ≤ 4, on time (DOMAIN §8).
 * C13 甲 04-22 -     5wd        -     04-28  -        -     -        RED        -   -
 *     due 04-23,24,25,27,28 (04-27 Sun workday); without it due 04-29 → yellow, not red.
 * C14 甲 04-22 04-30 5wd        -     04-28  7        LATE  no       RED        -   -
 *     closed after the as-of day, so still open on 04-29: not in any closed-case rate as of 04-29 (replay).
 * C15 甲 04-25 -     5wd        -     05-06  -        -     -        YELLOW(2)  -   -
 *     remaining wd(04-29, 05-06) = 04-30, 05-06 = 2 across 劳动节 (7 calendar days).
 * C16 乙 04-28 -     5wd        -     05-08  -        -     -        none(4)    -   4 (04-28, open case)
 * C17 乙 04-24 -     4wd        -     04-29  -        -     -        YELLOW(0)  -   -   due on the as-of day
 * C18 乙 04-21 -     5wd        0/3   04-30  -        -     -        YELLOW(1)  -   -   without the pause: red
 * C19 乙 04-30 -     即办 已受理 -     04-30  -        -     -        not yet accepted on 04-29 (else yellow)
 * C20 乙 03-03 -     10wd       -     03-17  -        -     -        RED        -   -
 * C21 乙 04-01 -     无期限     -     -      -        -     -        no due day: excluded
 *
 * Bad ratings (≤ 2), deadline = 15th working day after the rating day:
 *   C10 01-20 → 02-14 (01-21,22,23,24,26,27,02-05,06,07,08,10,11,12,13,14); fixed 02-12: on time
 *       (Mon–Fri without holidays the deadline would be 02-10: late).
 *   C11 01-20 → 02-14; fixed 02-17: late (without the make-up days the deadline would be 02-18).
 *   C06 04-08 → 04-28 (via 04-27 Sun workday); not fixed, deadline passed by 04-29: due, not on time
 *       (without 04-27 the deadline is 04-29 itself: not yet due).
 *   C07 04-10 → 04-30; not fixed, not yet due: left out.
 *   C08 04-15 → 05-08; fixed 04-18: on time (counted although not yet due).
 *   C12 04-16 → 05-09; fixed 04-30, after the as-of day: not yet fixed and not due on 04-29: left out.
 */
const CASES = `办件编号,受理部门,申报渠道,申请时间,受理时间,办结时间,承诺办结时限,延长时限(工作日),特别程序时长(工作日),办理状态,实际跑动次数,评价等级,评价时间,差评整改时间
C01,甲局,窗口,2025-01-24,2025-01-24 09:10,2025-02-07 16:00,5个工作日,,,已办结,0,5,2025-02-07 16:30,
C02,甲局,窗口,2025-01-24,2025-01-24 09:10,2025-02-10 10:00,5个工作日,,,已办结,1,3,2025-02-10 11:00,
C03,甲局,网上(PC),2025-03-03,2025-03-03 09:10,2025-03-13 15:00,5个工作日,,3,已办结,0,4,2025-03-13 16:00,
C04,甲局,网上(PC),2025-03-03,2025-03-03 09:10,2025-03-05 15:00,5个工作日,,,已办结,0,5,2025-03-05 16:00,
C05,甲局,窗口,2025-03-04,2025-03-04 09:10,2025-03-04 09:20,即办,,,已办结,1,6,2025-03-04 09:30,
C06,甲局,窗口,2025-03-04,2025-03-04 09:10,2025-03-10 15:00,3个自然日,,,已办结,2,2,2025-04-08 10:00,
C07,乙局,窗口,2025-03-03,2025-03-03 09:10,2025-03-10 15:00,3个工作日,2,,已办结,,1,2025-04-10 10:00,
C08,乙局,移动端,2025-03-05,2025-03-05 09:10,2025-03-20 15:00,无期限,,,已办结,0,2,2025-04-15 10:00,2025-04-18 10:00
C09,乙局,窗口,2025-03-06,2025-03-06 09:10,2025-03-07 15:00,5个工作日,,,撤回,,,,
C10,乙局,窗口,2025-01-06,2025-01-06 09:10,2025-01-10 15:00,5个工作日,,,已办结,,1,2025-01-20 10:00,2025-02-12 10:00
C11,乙局,窗口,2025-01-06,2025-01-06 09:10,2025-01-15 15:00,5个工作日,,,已办结,,2,2025-01-20 10:00,2025-02-17 10:00
C12,乙局,窗口,2025-03-03,2025-03-03 09:10,2025-03-08 10:00,4个工作日,,,已办结,,1,2025-04-16 10:00,2025-04-30 10:00
C13,甲局,窗口,2025-04-22,2025-04-22 09:10,,5个工作日,,,办理中,,,,
C14,甲局,窗口,2025-04-22,2025-04-22 09:10,2025-04-30 10:00,5个工作日,,,已办结,,,,
C15,甲局,窗口,2025-04-25,2025-04-25 09:10,,5个工作日,,,办理中,,,,
C16,乙局,窗口,2025-04-28,2025-04-28 09:10,,5个工作日,,,办理中,,4,2025-04-28 10:00,
C17,乙局,窗口,2025-04-24,2025-04-24 09:10,,4个工作日,,,办理中,,,,
C18,乙局,窗口,2025-04-21,2025-04-21 09:10,,5个工作日,,3,办理中,,,,
C19,乙局,窗口,2025-04-30,2025-04-30 09:10,,即办,,,已受理,,,,
C20,乙局,窗口,2025-03-03,2025-03-03 09:10,,10个工作日,,,办理中,,,,
C21,乙局,窗口,2025-04-01,2025-04-01 09:10,,无期限,,,办理中,,,,
`;

const utf8 = (s: string) => new TextEncoder().encode(s);

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', utf8(CASES));
});
afterAll(() => engine.close());

const byKey = async (opts: Parameters<typeof computeIndicators>[1]) =>
  Object.fromEntries((await computeIndicators(engine, opts)).map((c) => [c.result.key, c.result]));

describe('case timeliness on the working-day calendar', () => {
  it('按时办结率: 7 of 10 cases closed by the as-of day with a due day', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // On time: C01 C03 C04 C05 C07 C10 C12 (Saturday after its Friday due day, 4 wd ≤ 4). Late: C02 C06
    // C11. No due day: C08 (无期限), C09 (撤回). C14 closed on 04-30, after the as-of day.
    expect(r['case.on_time_rate']).toMatchObject({ numerator: 7, denominator: 10, value: 7 / 10 });
    // As of 04-30 C14 (7 wd > 5) joins the late ones.
    const later = await byKey({ asOf: '2025-04-30' });
    expect(later['case.on_time_rate']).toMatchObject({ numerator: 7, denominator: 11 });
  });

  it('提前办结率: 2 of 9 closed cases with a working-day or instant limit', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // Early: C04 (2<5), C10 (4<5). Base: C01 C02 C03 C04 C05 C07 C10 C11 C12; C06 cd, C08 无期限, C09 撤回,
    // C14 closed after the as-of day.
    expect(r['case.early_rate']).toMatchObject({ numerator: 2, denominator: 9, value: 2 / 9 });
  });

  it('平均办理时长: mean and median working days net of pauses', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // C01 5, C02 7, C03 5, C04 2, C05 0, C06 4, C07 5, C08 11, C10 4, C11 7, C12 4: Σ 54, n 11.
    // Sorted 0 2 4 4 4 5 5 5 7 7 11 → median 5. C09 (撤回, 1) and C14 (closed 04-30) left out.
    const avg = r['case.avg_elapsed_wd'];
    expect(avg).toMatchObject({ numerator: 54, denominator: 11, median: 5, unit: 'wd', kind: 'mean' });
    expect(avg?.value).toBeCloseTo(54 / 11, 12);
  });

  it('超期件: 3 closed late + 3 open past due on the as-of day, of 17 cases accepted by then with a due day', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // Closed late by 04-29: C02 C06 C11 (C12 is on time by §8). Open on 04-29 and past due: C13 (due
    // 04-28), C14 (due 04-28, closed only on 04-30), C20 (03-17). C19 is accepted after the as-of day.
    // No due day: C08, C09, C21.
    expect(r['case.overdue_count']).toMatchObject({ value: 6, denominator: 17 });
  });

  it('实际零跑动率: 4 of 7 cases with 实际跑动次数', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // 0: C01 C03 C04 C08; 1: C02 C05; 2: C06; the rest left blank.
    expect(r['case.zero_trip_actual']).toMatchObject({
      numerator: 4,
      denominator: 7,
      value: 4 / 7,
      target: 0.2,
    });
  });
});

describe('黄牌 / 红牌 on the as-of day', () => {
  it('as of 2025-04-29: yellow C15 C17 C18, red C13 C14 C20, of 7 open cases with a due day', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // Open on 04-29 with a due day: C13 C14 C15 C16 C17 C18 C20. C19 accepted 04-30, C21 无期限.
    expect(r['case.yellow']).toMatchObject({ value: 3, denominator: 7 });
    expect(r['case.red']).toMatchObject({ value: 3, denominator: 7, target: 0 });
  });

  it('as of 2025-04-27 (a Sunday workday): C14 is still yellow, and C16 not yet accepted', async () => {
    const r = await byKey({ asOf: '2025-04-27' });
    // Open: C13 C14 (due 04-28, 1 left), C15 (05-06, 4 left), C17 (04-29, 2 left), C18 (04-30, 3 left), C20.
    expect(r['case.yellow']).toMatchObject({ value: 3, denominator: 6 });
    expect(r['case.red']).toMatchObject({ value: 1, denominator: 6 });
  });

  it('the yellow threshold is configurable', async () => {
    expect(YELLOW_WARNING_WD).toBe(2);
    await computeIndicators(engine, { asOf: '2025-04-29', keys: [] }); // facts for runIndicator
    const columns = (await loadedTables(engine)).get('cases') ?? [];
    const ctx = { asOf: '2025-04-29 23:59:59', columns };
    // Threshold 0: only C17 (due on 04-29); threshold 1 adds C18 (04-30) but not C15 (2 left).
    expect((await runIndicator(engine, caseYellowWithin(0), ctx)).result.value).toBe(1);
    expect((await runIndicator(engine, caseYellowWithin(1), ctx)).result.value).toBe(2);
    expect(() => caseYellowWithin(-1)).toThrow(RangeError);
  });
});

describe('好差评', () => {
  it('主动评价率: 10 of 11 closed cases carry a valid rating', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // Closed by 04-29: C01–C08, C10–C12 (C09 withdrawn, C14 closed 04-30). Unrated: C05 (rating 6 is
    // invalid). C16 is rated but still open, so it is not in the numerator.
    expect(r['eval.rating_rate']).toMatchObject({ numerator: 10, denominator: 11, value: 10 / 11 });
  });

  it('好评率 and 差评率 over the 11 valid ratings', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // 5: C01 C04; 4: C03 C16; 3: C02; 2: C06 C08 C11; 1: C07 C10 C12; C05's 6 counts nowhere.
    expect(r['eval.good_rate']).toMatchObject({ numerator: 4, denominator: 11, value: 4 / 11, target: 0.98 });
    expect(r['eval.bad_rate']).toMatchObject({ numerator: 6, denominator: 11, value: 6 / 11 });
  });

  it('满意度得分 = (mean − 1) / 4 × 100', async () => {
    const r = await byKey({ asOf: '2025-04-29' });
    // Per rating (r − 1) × 25: 100 100 75 75 50 25 25 25 0 0 0 → Σ 475, n 11, mean 43.18…, median 25.
    // Check: ratings Σ 30, mean 30/11, (30/11 − 1) / 4 × 100 = 475/11.
    const score = r['eval.score'];
    expect(score).toMatchObject({ numerator: 475, denominator: 11, median: 25, kind: 'mean' });
    expect(score?.value).toBeCloseTo(475 / 11, 10);
  });

  it('差评按时整改率 as of 2025-04-29: C08 C10 on time of C06 C08 C10 C11', async () => {
    expect(BAD_REVIEW_RECTIFY_WD).toBe(15);
    const r = await byKey({ asOf: '2025-04-29' });
    expect(r['eval.rectify_on_time']).toMatchObject({ numerator: 2, denominator: 4, value: 0.5 });
  });

  it('差评按时整改率 as of 2025-04-30: C12 now rectified, C07 due only after the day', async () => {
    const r = await byKey({ asOf: '2025-04-30' });
    // + C12 (fixed 04-30 10:00 ≤ as-of, deadline 05-09): on time. C07's deadline is 04-30 itself: not passed.
    expect(r['eval.rectify_on_time']).toMatchObject({ numerator: 3, denominator: 5 });
    // After 劳动节 C07 (deadline 04-30, never fixed) is due too.
    const later = await byKey({ asOf: '2025-05-06' });
    expect(later['eval.rectify_on_time']).toMatchObject({ numerator: 3, denominator: 6 });
  });

  it('a shorter rectification deadline turns C10 late', async () => {
    await computeIndicators(engine, { asOf: '2025-04-29', keys: [] });
    const columns = (await loadedTables(engine)).get('cases') ?? [];
    const ctx = { asOf: '2025-04-29 23:59:59', columns };
    // 5 wd: C10 01-20 → 01-26 (Sun workday), fixed 02-12: late; C11 late; C06 04-08 → 04-15 passed;
    // C08 04-15 → 04-22, fixed 04-18: on time; C07 04-10 → 04-17 passed; C12 04-16 → 04-23 passed,
    // not fixed by 04-29. Only C08 of 6.
    const five = await runIndicator(engine, evalRectifyOnTimeWithin(5), ctx);
    expect(five.result).toMatchObject({ numerator: 1, denominator: 6 });
  });
});

describe('the fixture needs the real calendar', () => {
  // Each wrong calendar changes the answers, so the hand-computed values above really test the calendar.
  const run = async (calendar: ReturnType<typeof chineseCalendar>) => {
    const e = await NodeEngine.create();
    try {
      await importFile(e, 'cases.csv', utf8(CASES));
      const all = await computeIndicators(e, { asOf: '2025-04-29', calendar });
      return Object.fromEntries(all.map((c) => [c.result.key, c.result]));
    } finally {
      await e.close();
    }
  };

  it('plain Mon–Fri: C01 (due 01-31) turns late, C10 rectified late', async () => {
    const r = await run(weekendCalendar({ years: 'all' }));
    // On time: C03 C04 C05 C07 C10 C12; late: C01 C02 C06 C11.
    expect(r['case.on_time_rate']).toMatchObject({ numerator: 6, denominator: 10 });
    // C10's deadline 02-10 < 02-12; C06's deadline moves to 04-29, not yet passed.
    expect(r['eval.rectify_on_time']).toMatchObject({ numerator: 1, denominator: 3 });
  });

  it('holidays without 调休上班: C01 and C02 both on time (due 02-10), C13 and C14 not yet red', async () => {
    const r = await run({ ...chineseCalendar(), workdays: new Set<string>() });
    // On time: C01 C02 C03 C04 C05 C07 C10 C12; late: C06 C11 (C14 closes after the as-of day).
    expect(r['case.on_time_rate']).toMatchObject({ numerator: 8, denominator: 10 });
    expect(r['case.red']).toMatchObject({ value: 1 }); // only C20
    // C10 and C11 deadlines move to 02-18: both on time; C06's deadline is 04-29: not yet due.
    expect(r['eval.rectify_on_time']).toMatchObject({ numerator: 3, denominator: 3 });
  });
});

describe('filters and metadata', () => {
  it('binds filters after the as-of parameters', async () => {
    const r = await byKey({ asOf: '2025-04-29', filters: { dept_name: ['甲局'] } });
    // 甲局: C01–C06, C13–C15.
    // On time C01 C03 C04 C05; late C02 C06 (C14 closes after the as-of day).
    expect(r['case.on_time_rate']).toMatchObject({ numerator: 4, denominator: 6 });
    expect(r['case.yellow']).toMatchObject({ value: 1, denominator: 3 }); // C15 of C13 C14 C15
    expect(r['case.red']).toMatchObject({ value: 2, denominator: 3 }); // C13 C14
    expect(r['eval.rectify_on_time']).toMatchObject({ numerator: 0, denominator: 1 }); // C06 only
    // C01 C02 C03 C04 C06: 100 + 50 + 75 + 100 + 25; C05's 6 is invalid.
    expect(r['eval.score']).toMatchObject({ numerator: 350, denominator: 5 });
  });

  it('lists the new indicators after the first four, each with its metadata', () => {
    expect(CASE_INDICATORS.map((d) => d.key)).toEqual([
      'case.online_apply_rate',
      'case.online_closed_rate',
      'case.closure_rate',
      'case.overdue_count',
      'case.on_time_rate',
      'case.early_rate',
      'case.avg_elapsed_wd',
      'case.red',
      'case.yellow',
      'case.zero_trip_actual',
      'eval.rating_rate',
      'eval.good_rate',
      'eval.bad_rate',
      'eval.score',
      'eval.rectify_on_time',
    ]);
    for (const d of CASE_INDICATORS.slice(4)) {
      expect(d.label.zh && d.label.en && d.formula.zh && d.formula.en && d.source, d.key).toBeTruthy();
      if (d.unit === 'percent' && d.target !== undefined) expect(d.target).toBeLessThanOrEqual(1);
    }
  });
});
