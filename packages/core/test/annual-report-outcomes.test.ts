import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { annualTable3, checkTable3, formatViolation, type Table3 } from '../src/annual-report/index.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';

/**
 * Table 三 from outcomes written as real systems write them: numbering, dashes, ASCII and full-width quotes,
 * the full printed row text (fixtures/annual-outcomes.csv), and records no row fits (…-unplaced.csv).
 */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name));

let engine: NodeEngine;
beforeEach(async () => {
  engine = await NodeEngine.create();
});
afterEach(async () => {
  await engine.close();
});

// Columns: 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 (worked by hand per record).
const EXPECTED: Record<string, number[]> = {
  // V01–V12 received in 2025: 自然人 V01 V03 V04 V06 V07 V09 V11 V12; 商业 V02; 科研 V05; 法律 V08; 其他 V10.
  new_received: [8, 1, 1, 0, 1, 1, 12],
  carried_over: [0, 0, 0, 0, 0, 0, 0],
  granted: [1, 1, 0, 0, 0, 0, 2], // V01 （一）予以公开, V02 一、予以公开
  partial_grant: [1, 0, 0, 0, 0, 0, 1], // V03 with its bracketed note
  denied_state_secret: [2, 0, 1, 0, 0, 0, 3], // V04 -, V05 ——, V06 － and 1.
  denied_safety_stability: [1, 0, 0, 0, 1, 0, 2], // V07 ASCII quotes, V08 full-width quotes
  other_no_correction: [1, 0, 0, 0, 0, 0, 1], // V09 full printed row text
  other_fee_unpaid: [0, 0, 0, 0, 0, 1, 1], // V10 group, dash, number and row text
  other_other: [1, 0, 0, 0, 0, 0, 1], // V11 3.其他
  total_processed: [7, 1, 1, 0, 1, 1, 11],
  carried_forward: [1, 0, 0, 0, 0, 0, 1], // V12 open
};

const cells = (t: Table3) =>
  Object.fromEntries(
    t.rows
      .filter((r) => r.values?.some((v) => v > 0 || r.key === 'carried_over'))
      .map((r) => [r.key, r.values]),
  );

describe('table 三 from outcomes as systems write them', () => {
  it('puts every written form in its row and passes the checks', async () => {
    const s = await importFile(engine, 'r.csv', fixture('annual-outcomes.csv'));
    expect(s).toMatchObject({ dataset: 'requests', loaded: 12, rejected: 0, unmappedValues: {} });
    const t = await annualTable3(engine, { year: 2025, layout: '2021' });
    expect(cells(t)).toEqual(EXPECTED);
    expect(checkTable3(t)).toEqual([]);
  });

  it('fails a check naming the records no row fits, instead of moving them into （六）3.其他 or 四', async () => {
    await importFile(engine, 'r.csv', fixture('annual-outcomes-unplaced.csv'));
    const t = await annualTable3(engine, { year: 2025, layout: '2021' });
    // U01 (bare group 不予公开) and U03 (予以公开 without a reply date) are 自然人, U02 (no outcome) 商业企业:
    // counted in 一 only; every outcome row and 四 are as before.
    expect(cells(t)).toEqual({ ...EXPECTED, new_received: [10, 2, 1, 0, 1, 1, 15] });
    expect(t.quality).toMatchObject({
      outcomeWithoutReply: 1,
      repliedWithoutOutcome: 2,
      unplacedIds: { outcomeWithoutReply: ['U03'], repliedWithoutOutcome: ['U01', 'U02'] },
    });
    const v = checkTable3(t);
    expect(v.filter((x) => x.check === 'unplaced')).toEqual([
      {
        check: 'unplaced',
        table: '三',
        row: '三、本年度办理结果',
        column: '总计',
        rule: '有办理结果须有答复日期（办结日期）',
        left: 1,
        right: 0,
        ids: ['U03'],
      },
      {
        check: 'unplaced',
        table: '三',
        row: '三、本年度办理结果',
        column: '总计',
        rule: '本年答复须有可识别的办理结果',
        left: 2,
        right: 0,
        ids: ['U01', 'U02'],
      },
    ]);
    // The balance fails by the same records: 一 + 二 = 10 + 0 vs （七）+ 四 = 7 + 1 for 自然人, 2 vs 1 for 商业.
    expect(v.filter((x) => x.check === 'balance').map((x) => [x.column, x.left, x.right])).toEqual([
      ['自然人', 10, 8],
      ['商业企业', 2, 1],
      ['总计', 15, 12],
    ]);
    expect(formatViolation(v[1] as (typeof v)[number])).toBe(
      '三 三、本年度办理结果: 2 条记录无法归入表三（本年答复须有可识别的办理结果）: U01、U02',
    );
  });
});
