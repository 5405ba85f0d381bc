import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES, SMALL_DISCLOSURES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', utf8(SMALL_CASES));
  await importFile(engine, 'disclosures.csv', utf8(SMALL_DISCLOSURES));
});
afterAll(() => engine.close());

const pick = (rs: Awaited<ReturnType<typeof computeGrouped>>, key: string) =>
  rs
    .filter((r) => r.key === key)
    .map((r) => ({ ...r.group, n: r.numerator, d: r.denominator, change: r.change }));

describe('computeGrouped', () => {
  it('groups by department (largest first) with the same numbers a filter gives', async () => {
    const rs = await computeGrouped(engine, { by: 'dept', asOf: '2025-03-15' });
    // 乙局 C05–C10: online C06 C07 C08; 甲局 C01–C04: online C01 C02 C03.
    expect(pick(rs, 'case.online_apply_rate')).toEqual([
      { by: 'dept_name', value: '乙局', period: undefined, n: 3, d: 6, change: undefined },
      { by: 'dept_name', value: '甲局', period: undefined, n: 3, d: 4, change: undefined },
    ]);
    // Disclosures have no department column in this fixture: no grouped rows for them.
    expect(pick(rs, 'foi.volume_by_domain')).toEqual([]);
    for (const r of rs) {
      const [filtered] = await computeIndicators(engine, {
        asOf: '2025-03-15',
        keys: [r.key],
        filters: { dept_name: [r.group?.value ?? ''] },
      });
      expect(filtered?.result.value).toEqual(r.value);
    }
  });

  it('groups by ISO week with 环比 and 同比', async () => {
    const rs = await computeGrouped(engine, { period: 'week', asOf: '2025-03-15' });
    // W10 (03-03…03-09): C01–C07, online C01 C02 C03 C06 C07; W11: C08–C10, online C08.
    expect(pick(rs, 'case.online_apply_rate')).toEqual([
      {
        by: undefined,
        value: undefined,
        period: '2025-W10',
        n: 5,
        d: 7,
        change: { previous: null, yearAgo: null },
      },
      {
        by: undefined,
        value: undefined,
        period: '2025-W11',
        n: 1,
        d: 3,
        change: { previous: 5 / 7, yearAgo: null },
      },
    ]);
    // Overdue, judged at the end of each week (Sunday 03-09 for W10) for cases accepted in it: C02 (due
    // Fri 03-07) and C05 (3 calendar days, due Sat 03-08) close only on 03-10 and 03-12, so on 03-09 they
    // are still open, and no working day past their due day has begun yet (late from Mon 03-10, §8);
    // C07 is due 03-10. W11's C08 is not yet due on 03-15.
    expect(pick(rs, 'case.overdue_count').map((r) => [r.period, r.n])).toEqual([
      ['2025-W10', 0],
      ['2025-W11', 0],
    ]);
  });

  it('gives 同比 across years', async () => {
    const e = await NodeEngine.create();
    try {
      const csv =
        '办件编号,申请时间,申报渠道\nA,2024-03-05,网上(PC)\nB,2024-03-06,窗口\nC,2025-03-05,网上(PC)\n';
      await importFile(e, 'y.csv', utf8(csv));
      const rs = await computeGrouped(e, {
        period: 'month',
        keys: ['case.online_apply_rate'],
        asOf: '2025-03-31',
      });
      expect(rs.map((r) => [r.group?.period, r.value, r.change])).toEqual([
        ['2024-03', 0.5, { previous: null, yearAgo: null }],
        ['2025-03', 1, { previous: null, yearAgo: 0.5 }],
      ]);
    } finally {
      await e.close();
    }
  });

  it('refuses an unknown period unit', async () => {
    await expect(computeGrouped(engine, { period: 'fortnight' as 'week' })).rejects.toThrow(
      /not one of day, week/,
    );
  });
});
