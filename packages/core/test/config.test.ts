import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { INDICATORS } from '../src/indicators/catalogue/index.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { parseConfig } from '../src/indicators/config.ts';
import { ConfigError } from '../src/indicators/config-error.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const KEYS = INDICATORS.map((d) => d.key);
let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', utf8(SMALL_CASES));
});
afterAll(() => engine.close());

const result = async (key: string, opts: Parameters<typeof computeIndicators>[1]) =>
  (await computeIndicators(engine, { asOf: '2025-03-15', ...opts })).find((c) => c.result.key === key)
    ?.result;

describe('configuration', () => {
  it('computes a user-defined indicator like a built-in one, with bound values', async () => {
    const config = parseConfig(
      {
        indicators: [
          {
            key: 'custom.window_share',
            dataset: 'cases',
            label: { zh: '窗口受理占比', en: 'Window share' },
            numerator: [{ column: 'apply_channel', op: 'in', values: ['window'] }],
            denominator: [{ column: 'status', op: 'not_in', values: ['rejected_intake', "x' OR 1=1 --"] }],
            direction: 'lower',
            target: 0.4,
          },
        ],
      },
      'c.json',
      KEYS,
    );
    // 10 cases, C09 not accepted → 9; windows among them: C04 C05 C10 → 3/9.
    const r = await result('custom.window_share', { config });
    expect(r).toMatchObject({
      numerator: 3,
      denominator: 9,
      target: 0.4,
      direction: 'lower',
      status: 'insufficient',
    });
    expect(r?.formula.en).toContain('apply_channel in ["window"]');
    const byDept = await computeGrouped(engine, {
      config,
      by: 'dept',
      keys: ['custom.window_share'],
      asOf: '2025-03-15',
    });
    expect(byDept.map((g) => [g.group?.value, g.numerator, g.denominator])).toEqual([
      ['乙局', 2, 5],
      ['甲局', 1, 4],
    ]);
  });

  it('sets targets per indicator and per department', async () => {
    const config = parseConfig(
      {
        targets: {
          'case.online_apply_rate': { default: 0.7, departments: { 甲局: 0.8 } },
          'case.overdue_count': 5,
        },
      },
      'c.json',
      KEYS,
    );
    expect((await result('case.online_apply_rate', { config }))?.target).toBe(0.7);
    expect(
      (await result('case.online_apply_rate', { config, filters: { dept_name: ['甲局'] } }))?.target,
    ).toBe(0.8);
    expect(
      (await result('case.online_apply_rate', { config, filters: { dept_name: ['乙局'] } }))?.target,
    ).toBe(0.7);
    const overdue = await result('case.overdue_count', { config });
    expect(overdue).toMatchObject({ value: 3, target: 5, status: 'green' });
    expect((await result('case.online_apply_rate', {}))?.target).toBe(0.5);
  });

  it('applies calendar overrides to deadlines', async () => {
    // Accepted Thu 03-06 with 2 working days: due Mon 03-10, so closing Tue 03-11 is late — unless a
    // regional holiday on Fri 03-07 pushes the due day to 03-11.
    const e = await NodeEngine.create();
    try {
      const csv =
        '办件编号,申请时间,受理时间,办结时间,承诺办结时限,办理状态\nX,2025-03-06,2025-03-06 09:00,2025-03-11 10:00,2个工作日,已办结\n';
      await importFile(e, 'x.csv', utf8(csv));
      const onTime = async (config?: ReturnType<typeof parseConfig>) =>
        (await computeIndicators(e, { config, keys: ['case.on_time_rate'] }))[0]?.result.numerator;
      expect(await onTime()).toBe(0);
      expect(await onTime(parseConfig({ calendar: { holidays: ['2025-03-07'] } }, 'c.json', KEYS))).toBe(1);
      // …and the next computation without the override is back on the national calendar.
      expect(await onTime()).toBe(0);
    } finally {
      await e.close();
    }
  });

  it('names every problem of a bad configuration', () => {
    const bad = (c: unknown) => () => parseConfig(c, 'c.json', KEYS);
    expect(bad([])).toThrow(ConfigError);
    expect(bad({ target: {} })).toThrow(/c\.json: unknown key "target"/);
    expect(bad({ targets: { 'case.nope': 1 } })).toThrow(/targets\.case\.nope: no indicator has this key/);
    expect(bad({ targets: { 'case.online_apply_rate': -1 } })).toThrow(/must be a non-negative number/);
    expect(bad({ indicators: [{ key: 'x', dataset: 'cases', label: { zh: 'x' }, numerator: [] }] })).toThrow(
      /indicators\[0\]\.numerator needs at least one condition/,
    );
    expect(
      bad({
        indicators: [
          { key: 'x', dataset: 'cases', label: { zh: 'x' }, numerator: [{ column: 'x"; DROP', op: 'in' }] },
        ],
      }),
    ).toThrow(/numerator\[0\]\.column: "x\\"; DROP" is not a column of cases/);
    expect(
      bad({
        indicators: [
          {
            key: 'case.closure_rate',
            dataset: 'cases',
            label: { zh: 'x' },
            numerator: [{ column: 'status', op: 'is_null' }],
          },
        ],
      }),
    ).toThrow(/key "case.closure_rate" is already used/);
    expect(bad({ calendar: { holidays: ['2025-02-30'] } })).toThrow(/calendar: .*2025-02-30/);
  });
});
