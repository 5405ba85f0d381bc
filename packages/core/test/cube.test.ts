import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { indicatorByKey } from '../src/indicators/catalogue/index.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import {
  buildCubes,
  type CubeSelection,
  cubeGroupIndicators,
  cubeIndicators,
  type IndicatorCubes,
} from '../src/indicators/cube.ts';
import { dailyVolume } from '../src/indicators/daily.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';
import type { IndicatorResult } from '../src/indicators/types.ts';
import { MONTH_COLUMN } from '../src/selection/selection.ts';

// The sample exports: every dataset, so every indicator is computable.
const FILES = ['cases.csv', 'items.csv', 'disclosures.csv', 'requests.csv', 'hotline.csv'];
const AS_OF = '2025-12-31';
let engine: NodeEngine;
let cubes: IndicatorCubes;
let depts: string[];

beforeAll(async () => {
  engine = await NodeEngine.create();
  for (const f of FILES) {
    await importFile(engine, f, new Uint8Array(readFileSync(new URL(`../../../data/${f}`, import.meta.url))));
  }
  cubes = await buildCubes(engine, { asOf: AS_OF });
  const t = await engine.query(
    'SELECT dept_name AS d, count(*) AS n FROM cases GROUP BY 1 ORDER BY n DESC, d',
  );
  depts = t.toArray().map((r) => String(r.d));
}, 120_000);
afterAll(() => engine.close());

/** The numbers a reader sees, with float noise from a different summation order rounded away. */
function numbers(r: IndicatorResult | undefined) {
  const round = (v: number | null | undefined) =>
    v === null || v === undefined || Number.isNaN(v) ? v : Number(v.toPrecision(12));
  return (
    r && {
      key: r.key,
      value: round(r.value),
      numerator: round(r.numerator),
      denominator: round(r.denominator),
      median: round(r.median),
      status: r.status,
      target: r.target,
      ci: r.ci?.map((x) => round(x)),
      breakdown: r.breakdown?.map((b) => ({ key: b.key, value: round(b.value) })),
      filters: r.filters,
    }
  );
}

async function expectSameAsSql(selection: CubeSelection) {
  const { results, missing } = cubeIndicators(cubes, selection);
  const sql = await computeIndicators(engine, { asOf: AS_OF, ...selection });
  expect(results.length + missing.length).toBe(sql.length);
  for (const r of results) {
    expect(numbers(r), r.key).toEqual(numbers(sql.find((c) => c.result.key === r.key)?.result));
  }
  return { results, missing };
}

describe('indicator cubes', () => {
  it('hold every computable indicator and answer "no selection" exactly as the SQL does', async () => {
    expect(cubes.cubes.size).toBeGreaterThanOrEqual(30);
    const { missing } = await expectSameAsSql({});
    expect(missing).toEqual([]);
  });

  it('answer a department, two departments, a channel and a month exactly', async () => {
    const [a, b] = depts;
    expect(a && b).toBeTruthy();
    for (const selection of [
      { filters: { dept_name: [a ?? ''] } },
      { datasetFilters: { cases: { dept_name: [a ?? '', b ?? ''] } } },
      { datasetFilters: { cases: { apply_channel: ['window'] } } },
      { months: ['2025-03'] },
    ] satisfies CubeSelection[]) {
      const { results } = await expectSameAsSql(selection);
      // Case rates really changed under the filter (the cube did not just return the whole).
      const whole = cubeIndicators(cubes, {}).results.find((r) => r.key === 'case.online_apply_rate');
      const part = results.find((r) => r.key === 'case.online_apply_rate');
      expect(part?.denominator).toBeLessThan(whole?.denominator ?? 0);
    }
  });

  it('answer month ranges, department × month and disclosure domains; medians of wider selections go to SQL', async () => {
    const [a] = depts;
    const { missing } = await expectSameAsSql({
      months: ['2025-01', '2025-02', '2025-03'],
      datasetFilters: { cases: { dept_name: [a ?? ''] }, disclosures: { domain: ['education'] } },
    });
    expect(missing).toContain('case.avg_elapsed_wd');
    expect(missing).not.toContain('case.online_apply_rate');
  });

  it('leave filters on columns they are not split by to SQL', async () => {
    const item = String((await engine.query('SELECT item_name FROM cases LIMIT 1')).get(0)?.item_name);
    const { missing } = await expectSameAsSql({ datasetFilters: { cases: { item_name: [item] } } });
    expect(missing).toContain('case.online_apply_rate');
    expect(missing).not.toContain('foi.volume_by_domain');
  });

  it('answer one indicator per group in one pass exactly as asking them group by group does', async () => {
    const [a, b] = depts;
    const item = String((await engine.query('SELECT item_name FROM cases LIMIT 1')).get(0)?.item_name);
    const months = ['2024-01', '2024-06', '2025-03', '2031-01'];
    const selections: CubeSelection[] = [
      {},
      { datasetFilters: { cases: { dept_name: [a ?? ''] } } },
      { filters: { dept_name: [a ?? '', b ?? ''] }, months: ['2025-03'] },
      { datasetFilters: { cases: { apply_channel: ['window'] } }, months: ['2024-06', '2025-03'] },
      { datasetFilters: { cases: { item_name: [item] } } },
      { filters: { no_such_column: ['x'] } },
    ];
    const groups: [string, string[]][] = [
      ['dept_name', [...depts.slice(0, 6), 'no such department']],
      ['apply_channel', ['window', 'online', 'mobile', '\u0000']],
      [MONTH_COLUMN, months],
      ['item_name', [item]],
      ['no_such_column', ['x', 'y']],
    ];
    const keys = [
      'case.online_apply_rate',
      'case.overdue_count',
      'case.avg_elapsed_wd',
      'eval.score',
      'foi.volume_by_domain',
      'foi.volume_by_month',
      'hot.on_time_rate',
    ];
    let answered = 0;
    for (const key of keys)
      for (const selection of selections)
        for (const [column, values] of groups) {
          const one = values.map((value) => {
            const def = cubes.cubes.get(key)?.def;
            const scoped: CubeSelection =
              column === MONTH_COLUMN
                ? { ...selection, months: [value] }
                : {
                    ...selection,
                    datasetFilters: {
                      ...selection.datasetFilters,
                      [def?.dataset ?? 'cases']: {
                        ...selection.datasetFilters?.[def?.dataset ?? 'cases'],
                        [column]: [value],
                      },
                    },
                  };
            return cubeIndicators(cubes, scoped, [key]).results[0];
          });
          const grouped = cubeGroupIndicators(cubes, key, column, values, selection);
          expect(grouped, `${key} ${column} ${JSON.stringify(selection)}`).toEqual(one);
          answered += grouped.filter((r) => r?.status !== undefined && r.value !== null).length;
        }
    expect(answered).toBeGreaterThan(300);
  });

  it('ignore a hostile filter value: it matches nothing, as in SQL', async () => {
    await expectSameAsSql({ filters: { dept_name: ["x' OR 1=1 --"] } });
  });
});

describe('computeGrouped by a dimension (one statement per indicator)', () => {
  it('gives each department exactly what filtering by it gives, for every indicator', async () => {
    const grouped = await computeGrouped(engine, { by: 'dept', asOf: AS_OF });
    const caseGroups = grouped.filter((r) => r.key === 'case.online_apply_rate').map((r) => r.group?.value);
    expect(caseGroups).toEqual(depts);
    let compared = 0;
    for (const dept of depts.slice(0, 3)) {
      const sql = await computeIndicators(engine, {
        asOf: AS_OF,
        datasetFilters: { cases: { dept_name: [dept] }, items: { dept_name: [dept] } },
      });
      for (const c of sql) {
        const g = grouped.find((r) => r.key === c.result.key && r.group?.value === dept);
        // Other datasets group by their own department column (publisher, agency…), not filtered here.
        const dataset = indicatorByKey(c.result.key)?.dataset;
        if (!g || (dataset !== 'cases' && dataset !== 'items')) continue;
        expect(numbers({ ...g, filters: c.result.filters }), `${dept} ${c.result.key}`).toEqual(
          numbers(c.result),
        );
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('keep the selection (dataset filters, months) in every group, as computeIndicators does', async () => {
    const [a] = depts;
    const selection = { datasetFilters: { cases: { dept_name: [a ?? ''] } }, months: ['2025-02', '2025-03'] };
    const grouped = await computeGrouped(engine, { by: 'channel', asOf: AS_OF, ...selection });
    const rows = grouped.filter((r) => r.key === 'case.online_apply_rate');
    expect(rows.length).toBeGreaterThan(1);
    for (const r of rows) {
      const [sql] = await computeIndicators(engine, {
        asOf: AS_OF,
        keys: [r.key],
        months: selection.months,
        datasetFilters: { cases: { dept_name: [a ?? ''], apply_channel: [r.group?.value ?? ''] } },
      });
      expect([r.numerator, r.denominator]).toEqual([sql?.result.numerator, sql?.result.denominator]);
    }
    expect(rows.reduce((n, r) => n + (r.denominator ?? 0), 0)).toBe(
      cubeIndicators(cubes, selection, ['case.online_apply_rate']).results[0]?.denominator,
    );
  });

  it('count days for the calendar heatmap under the same filters', async () => {
    const [a] = depts;
    const all = await dailyVolume(engine);
    const one = await dailyVolume(engine, { filters: { dept_name: [a ?? ''] } });
    const total = (d: { values: number[] }) => d.values.reduce((x, y) => x + y, 0);
    const count = async (where: string, params: string[] = []) =>
      Number(
        (
          await engine.query(
            `SELECT count(*) AS n FROM cases WHERE submitted_at IS NOT NULL ${where}`,
            params,
          )
        ).get(0)?.n,
      );
    expect(total(all)).toBe(await count(''));
    expect(total(one)).toBe(await count('AND dept_name = ?', [a ?? '']));
    expect(total(one)).toBeLessThan(total(all));
    expect(all.dates).toEqual([...all.dates].sort());
  });
});
