import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';

/**
 * The on-request clock (条例 Art.30, Art.33), hand-computed on the 2025 State Council calendar:
 * - Q1 received Mon 2025-03-03, corrected application received Mon 03-10: the clock restarts, due = 20
 *   working days after 03-10 = 04-08 (清明 04-04 off); replied 04-07 → on time (would be late from 03-03,
 *   whose due day is 03-31). Reply time 19 working days from 03-10.
 * - Q2 received 03-03, third-party consultation Tue 03-11 … Fri 03-14 (4 working days not counted): due =
 *   24 working days after 03-03 = 04-07; replied 04-03 → on time (plain 20 would end 03-31: late).
 *   Reply time = 23 working days in (03-03, 04-03] − 4 = 19.
 * - Q3 received 03-03, no pause, replied 04-01 → late (due 03-31). Reply time 21.
 */
const CSV = `申请编号,收到申请日期,补正收到日期,征求意见开始日期,征求意见结束日期,答复日期,办理结果
Q1,2025-03-03,2025-03-10,,,2025-04-07,予以公开
Q2,2025-03-03,,2025-03-11,2025-03-14,2025-04-03,予以公开
Q3,2025-03-03,,,,2025-04-01,予以公开
`;

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'requests.csv', new TextEncoder().encode(CSV));
});
afterAll(() => engine.close());

describe('on-request clock: correction restart and consultation pause', () => {
  it('restarts at the corrected application and does not count the consultation', async () => {
    const r = Object.fromEntries(
      (await computeIndicators(engine, { asOf: '2025-04-30' })).map((c) => [c.result.key, c.result]),
    );
    expect(r['foi.request_on_time']).toMatchObject({ numerator: 2, denominator: 3 });
    expect(r['foi.median_days']).toMatchObject({ numerator: 59, denominator: 3, median: 19 });
  });
});
