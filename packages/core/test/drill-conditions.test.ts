import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseList, drillBreakdown } from '../src/drill/drill.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { INDICATORS } from '../src/indicators/catalogue/index.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import type { IndicatorDef, IndicatorResult } from '../src/indicators/types.ts';

/**
 * One rule per indicator: the drill-down lists the cases of an indicator's numerator and denominator from
 * the indicator's own conditions, so on the sample data (data/cases.csv, 50,000 cases) each list's length
 * is the indicator's number, under filters, a month and a past as-of day alike.
 */
const CSV = readFileSync(new URL('../../../data/cases.csv', import.meta.url));
const WITH_CONDITIONS = INDICATORS.filter((d) => d.conditions);
let engine: NodeEngine;

beforeAll(async () => {
  engine = await NodeEngine.create();
  const summary = await importFile(engine, 'cases.csv', CSV);
  expect([summary.loaded, summary.rejected]).toEqual([50_000, 0]);
}, 120_000);
afterAll(() => engine.close());

/** The numerator (a count's value) and denominator computeIndicators gives. */
async function indicator(def: IndicatorDef, options: Parameters<typeof computeIndicators>[1]) {
  const [c] = await computeIndicators(engine, { ...options, keys: [def.key] });
  const r = c?.result as IndicatorResult;
  return { numerator: r.kind === 'count' ? r.value : r.numerator, denominator: r.denominator };
}

/** The lengths of the drill-down's case lists of the same two sides. */
async function listed(def: IndicatorDef, options: Parameters<typeof caseList>[1]) {
  const total = async (rows: 'numerator' | 'denominator') =>
    (await caseList(engine, { ...options, indicator: { key: def.key, rows }, limit: 0 })).total;
  return { numerator: await total('numerator'), denominator: await total('denominator') };
}

describe('indicators that expose their conditions', () => {
  it('are the case rates and counts (the drill-down shows five of them)', () => {
    expect(WITH_CONDITIONS.map((d) => d.key).sort()).toEqual([
      'case.closure_rate',
      'case.early_rate',
      'case.on_time_rate',
      'case.online_apply_rate',
      'case.online_closed_rate',
      'case.overdue_count',
      'case.red',
      'case.zero_trip_actual',
    ]);
  });

  it('hand check: 上网办理率 and 办结率 over the whole sample', async () => {
    // awk over data/cases.csv: 申报渠道 移动端 17,521 + 网上(PC) 12,152 of 50,000 cases; 受理时间 filled in
    // 48,997 rows, of which 46,967 have 办结时间 or 办理状态 已办结. The default as-of day is the data's last
    // timestamp, so every case and closure counts.
    const apply = WITH_CONDITIONS.find((d) => d.key === 'case.online_apply_rate') as IndicatorDef;
    const closure = WITH_CONDITIONS.find((d) => d.key === 'case.closure_rate') as IndicatorDef;
    expect(await listed(apply, {})).toEqual({ numerator: 29_673, denominator: 50_000 });
    expect(await indicator(apply, {})).toEqual({ numerator: 29_673, denominator: 50_000 });
    expect(await listed(closure, {})).toEqual({ numerator: 46_967, denominator: 48_997 });
    expect(await indicator(closure, {})).toEqual({ numerator: 46_967, denominator: 48_997 });
  });

  it.each(WITH_CONDITIONS.map((d) => [d.key, d] as const))(
    '%s: the case lists are as long as the numerator and denominator',
    async (_, def) => {
      const all = await indicator(def, {});
      expect(all.numerator).toBeGreaterThan(0);
      expect(await listed(def, {})).toEqual(all);
      // A past as-of day (cases still open then, closed later) and one department.
      const past = { asOf: '2024-09-30', filters: { dept_name: ['县市场监督管理局'] } };
      const then = await indicator(def, past);
      expect(then.denominator).toBeGreaterThan(0);
      expect(await listed(def, past)).toEqual(then);
      // A month, for indicators dated by a period column (the red card is judged on the as-of day).
      if (def.periodColumn) {
        const month = await indicator(def, { asOf: '2024-09-30', months: ['2024-03'] });
        expect(
          await listed(def, { asOf: '2024-09-30', period: { from: '2024-03-01', to: '2024-04-01' } }),
        ).toEqual(month);
        expect(month.denominator).toBeLessThan(all.denominator ?? 0);
      }
    },
  );

  it("the breakdown's totals are the indicators' numbers", async () => {
    const b = await drillBreakdown(engine, { level: 'dept', asOf: '2024-09-30' });
    const sides: Record<string, Awaited<ReturnType<typeof indicator>>> = {};
    for (const def of WITH_CONDITIONS) sides[def.key] = await indicator(def, { asOf: '2024-09-30' });
    const apply = sides['case.online_apply_rate'];
    const closure = sides['case.closure_rate'];
    const overdue = sides['case.overdue_count'];
    const red = sides['case.red'];
    const onTime = sides['case.on_time_rate'];
    expect(b.total).toEqual({
      cases: apply?.denominator,
      online_apply: apply?.numerator,
      accepted: closure?.denominator,
      closed: closure?.numerator,
      overdue: overdue?.numerator,
      open_overdue: red?.numerator,
      closed_with_due: onTime?.denominator,
      on_time: onTime?.numerator,
    });
    expect(b.total.open_overdue).toBeGreaterThan(0);
  });

  it("each listed case's overdue flag is case.overdue_count's rule", async () => {
    const options = { asOf: '2024-09-30', filters: { dept_name: ['县市场监督管理局'] } };
    const overdue = INDICATORS.find((d) => d.key === 'case.overdue_count') as IndicatorDef;
    const { numerator, denominator } = await indicator(overdue, options);
    const flags: (boolean | null)[] = [];
    for (let offset = 0; offset < (denominator ?? 0); offset += 1000) {
      const page = await caseList(engine, {
        ...options,
        indicator: { key: overdue.key, rows: 'denominator' },
        offset,
        limit: 1000,
      });
      flags.push(...page.rows.map((r) => r.overdue));
    }
    expect(flags).toHaveLength(denominator ?? -1);
    expect(flags.filter((f) => f === true)).toHaveLength(numerator ?? -1);
    expect(flags.filter((f) => f === false)).toHaveLength((denominator ?? 0) - (numerator ?? 0));
    expect(numerator).toBeGreaterThan(0);
  });

  it('an indicator without conditions cannot be listed', async () => {
    await expect(
      caseList(engine, { indicator: { key: 'case.avg_elapsed_wd', rows: 'numerator' }, limit: 0 }),
    ).rejects.toThrow('the drill-down cannot list the cases of "case.avg_elapsed_wd"');
  });
});
