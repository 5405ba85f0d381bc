import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import type { IndicatorResult } from '../src/indicators/types.ts';

/*
 * Timeliness rules across 春节, 国庆 and their 调休 make-up days (2025, 国办发明电〔2024〕12号, checked against
 * chinese-days): 春节 01-28…02-04 off, Sun 01-26 and Sat 02-08 worked; 国庆 10-01…10-08 off, Sun 09-28 and
 * Sat 10-11 worked. wd(a, b] = working days after a up to and including b.
 */
const utf8 = (s: string) => new TextEncoder().encode(s);

/*
 * On-request applications (条例 Art.33: 20 working days, extension up to 20, consultation not counted):
 * - X1 received Fri 09-19, 是否延期答复 = 是 and no day count → 20 + 20 = 40 wd: due 11-20 (09-28 and 10-11
 *   worked, 国庆 skipped; without the extension due 10-23). Replied 11-19: on time, 39 wd.
 * - X2 as X1 but 延期工作日数 = 5: the day count wins, 25 wd → due 10-30; replied 11-19: late, 39 wd.
 * - X3 received Mon 01-20, two consultations in one cell: 01-22…01-24 (3 wd) | 02-06…02-07 (2 wd) → 25 wd:
 *   due 02-28 (01-26 and 02-08 worked, 春节 skipped). Replied 02-27: on time — with only the first interval
 *   due 02-26, with none 02-21 (late either way). Reply time 24 − 5 = 19 wd.
 */
const REQUESTS = `申请编号,收到申请日期,是否延期答复,延期工作日数,征求意见开始日期,征求意见结束日期,答复日期,办理结果
X1,2025-09-19,是,,,,2025-11-19,予以公开
X2,2025-09-19,是,5,,,2025-11-19,予以公开
X3,2025-01-20,,,2025-01-22|2025-02-06,2025-01-24 | 2025-02-07,2025-02-27,予以公开
`;

/*
 * Cases (DOMAIN §8: on time ⇔ elapsed working days ≤ promised limit + extension):
 * | id | accepted    | limit | due         | closed          | elapsed | on time | early |
 * | K1 | Thu 09-25   | 5 wd  | 10-09       | Fri 10-10       | 6       | no      | no    |
 * | K2 | Thu 09-25   | 4 wd  | Tue 09-30   | Sun 10-05 (国庆) | 4       | YES: no working day past the limit (by date: late) |
 * | K3 | Thu 09-25   | 4 wd  | 09-30       | Thu 10-09       | 5       | no      | no    |
 * | K4 | Fri 01-24   | 5 wd  | Fri 02-07   | Sat 02-08 (调休) | 6       | no: the make-up Saturday is a working day |
 * | K5 | Fri 01-24   | 5 wd  | 02-07       | Sun 02-09       | 6       | no      | no    |
 * | K6 | Fri 01-24   | 5 wd  | 02-07       | Mon 01-27       | 2       | yes     | yes   |
 * | K7 | Thu 09-25   | 4 wd  | 09-30       | open            |         |         |       |
 * K1 due: 09-26, 28 (Sun worked), 29, 30, 10-09. K2: 09-26, 28, 29, 30. K4: 01-26 (Sun worked), 27, 02-05, 06, 07.
 */
const CASES = `办件编号,申请时间,受理时间,办结时间,承诺办结时限,办理状态
K1,2025-09-25 09:00,2025-09-25 09:00,2025-10-10 10:00,5个工作日,已办结
K2,2025-09-25 09:00,2025-09-25 09:00,2025-10-05 10:00,4个工作日,已办结
K3,2025-09-25 09:00,2025-09-25 09:00,2025-10-09 10:00,4个工作日,已办结
K4,2025-01-24 09:00,2025-01-24 09:00,2025-02-08 10:00,5个工作日,已办结
K5,2025-01-24 09:00,2025-01-24 09:00,2025-02-09 10:00,5个工作日,已办结
K6,2025-01-24 09:00,2025-01-24 09:00,2025-01-27 10:00,5个工作日,已办结
K7,2025-09-25 09:00,2025-09-25 09:00,,4个工作日,办理中
`;

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  const requests = await importFile(engine, 'requests.csv', utf8(REQUESTS));
  // Both consultation cells parse: no unreadable-date warning.
  expect([requests.loaded, requests.warnings]).toEqual([3, 0]);
  await importFile(engine, 'cases.csv', utf8(CASES));
});
afterAll(() => engine.close());

const at = async (asOf: string): Promise<Record<string, IndicatorResult>> =>
  Object.fromEntries((await computeIndicators(engine, { asOf })).map((c) => [c.result.key, c.result]));

describe('on-request timeliness', () => {
  it('a flagged extension without a day count is 20 working days; two consultations both pause', async () => {
    const r = await at('2025-12-31');
    // On time X1 (40 wd) and X3 (two pauses); late X2 (25 wd).
    expect(r['foi.request_on_time']).toMatchObject({ numerator: 2, denominator: 3 });
    // 39 + 39 + 19.
    expect(r['foi.median_days']).toMatchObject({ numerator: 97, denominator: 3, median: 39 });
    const pauses = await engine.query(
      'SELECT request_id, len(consult_start_at) AS n FROM requests ORDER BY request_id',
    );
    expect(pauses.toArray().map((p) => [p.request_id, p.n === null ? null : Number(p.n)])).toEqual([
      ['X1', null],
      ['X2', null],
      ['X3', 2],
    ]);
  });
});

describe('case timeliness by elapsed working days (DOMAIN §8)', () => {
  it('on time, early and overdue agree as of 2025-10-31', async () => {
    const r = await at('2025-10-31');
    // On time: K2 (closed in 国庆 after its due day), K6. Late: K1 K3 K4 K5.
    expect(r['case.on_time_rate']).toMatchObject({ numerator: 2, denominator: 6 });
    expect(r['case.early_rate']).toMatchObject({ numerator: 1, denominator: 6 }); // K6 (2 < 5)
    // Closed late K1 K3 K4 K5 + K7 open past due.
    expect(r['case.overdue_count']).toMatchObject({ value: 5, denominator: 7 });
    expect(r['case.red']).toMatchObject({ value: 1, denominator: 1 });
  });

  it('as of Sunday 10-05 in 国庆 no working day past the due day has begun', async () => {
    const r = await at('2025-10-05');
    // Closed by then: K2 (10:00 that day), K4, K5, K6 → on time K2 K6.
    expect(r['case.on_time_rate']).toMatchObject({ numerator: 2, denominator: 4 });
    // Closed late K4 K5; K1 (due 10-09), K3 and K7 (due 09-30) are open but not yet past due.
    expect(r['case.overdue_count']).toMatchObject({ value: 2, denominator: 7 });
    expect(r['case.red']).toMatchObject({ value: 0, denominator: 3 });
    // 09-30 is the due day of K3 and K7: 0 working days left, so both are yellow (K1: 10-09, 1 left).
    expect(r['case.yellow']).toMatchObject({ value: 3, denominator: 3 });
  });

  it('as of Thursday 10-09, the first working day after 国庆, K7 turns red', async () => {
    const r = await at('2025-10-09');
    // Open: K1 (closes 10-10, due 10-09: not past due) and K7 (due 09-30: past due). K3 closed on 10-09.
    expect(r['case.red']).toMatchObject({ value: 1, denominator: 2 });
    // Closed late: K3 (5 wd > 4), K4, K5; open past due: K7.
    expect(r['case.overdue_count']).toMatchObject({ value: 4, denominator: 7 });
  });
});
