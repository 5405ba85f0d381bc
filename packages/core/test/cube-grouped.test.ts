import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { INDICATORS } from '../src/indicators/catalogue/index.ts';
import { groupedCellSql } from '../src/indicators/cells-grouped.ts';
import { buildCubes, type IndicatorCubes } from '../src/indicators/cube.ts';
import { GROUPED_CELLS } from '../src/indicators/where.ts';

const FILES = ['cases.csv', 'items.csv', 'disclosures.csv', 'requests.csv', 'hotline.csv'];
const AS_OF = '2025-12-31';
let engine: NodeEngine;
let lateral: IndicatorCubes;
let grouped: IndicatorCubes;

beforeAll(async () => {
  engine = await NodeEngine.create();
  for (const f of FILES) {
    await importFile(engine, f, new Uint8Array(readFileSync(new URL(`../../../data/${f}`, import.meta.url))));
  }
  grouped = await buildCubes(engine, { asOf: AS_OF });
  lateral = await buildCubes(engine, { asOf: AS_OF }, undefined, { lateral: true });
}, 180_000);
afterAll(() => engine.close());

/**
 * A cube's cells in key order, numbers rounded past float summation noise. A breakdown cell's numbers
 * are its rows (its first row, kept as `row`, depends on row order).
 */
function cells(cubes: IndicatorCubes, key: string) {
  const round = (v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(12)) : v);
  const cube = cubes.cubes.get(key);
  const rows = (cube?.cells ?? []).map((c) => ({
    keys: c.keys,
    row:
      cube?.def.kind === 'breakdown'
        ? undefined
        : Object.fromEntries(Object.entries(c.row).map(([k, v]) => [k, round(v)])),
    breakdown: c.breakdown,
  }));
  const marginals = [...(cube?.marginals ?? [])]
    .map(([id, row]) => [id, Object.fromEntries(Object.entries(row).map(([k, v]) => [k, round(v)]))] as const)
    .sort(([a], [b]) => (a < b ? -1 : 1));
  return { rows: rows.sort((a, b) => (JSON.stringify(a.keys) < JSON.stringify(b.keys) ? -1 : 1)), marginals };
}

describe('grouped cube cells', () => {
  it('equal the per-cell LATERAL cells for every indicator, empty cells included', () => {
    expect([...grouped.cubes.keys()]).toEqual([...lateral.cubes.keys()]);
    expect(grouped.cubes.size).toBeGreaterThanOrEqual(30);
    for (const key of lateral.cubes.keys()) {
      const want = cells(lateral, key);
      expect(cells(grouped, key), key).toEqual(want);
    }
    // The sample has cells without rows for some indicator (e.g. a channel with no closures in a month).
    const onTime = cells(grouped, 'case.on_time_rate').rows;
    expect(onTime.some((c) => c.row?.denominator === 0)).toBe(true);
  });

  it('take the grouped form for every indicator: each ends its main SELECT with the filters', async () => {
    const columns = (table: string) =>
      engine.query(`DESCRIBE ${table}`).then((t) => t.toArray().map((r) => String(r.column_name)));
    const form = async (key: string) => {
      const def = INDICATORS.find((d) => d.key === key);
      if (!def) throw new Error(key);
      const cols = await columns(def.dataset);
      const q = def.sql({
        asOf: `${AS_OF} 23:59:59`,
        columns: cols,
        cell: [{ column: cols[1] ?? '', ref: '', grouped: true }],
      });
      return groupedCellSql(q, [{ expr: '"x"', name: '"__d0"' }], def.kind) ? 'grouped' : 'lateral';
    };
    expect(await form('case.on_time_rate')).toBe('grouped'); // conditions with the case facts
    expect(await form('case.overdue_count')).toBe('grouped'); // conditions with as_of_day (a CTE before)
    expect(await form('hot.callback_rate')).toBe('grouped');
    expect(await form('foi.volume_by_dept')).toBe('grouped'); // a breakdown: GROUP BY ALL, ORDER BY dropped
    // Working days per row in a subquery or CTE, the filters outside it (they were inside, per cell).
    expect(await form('item.limit_compression')).toBe('grouped');
    expect(await form('foi.backlog')).toBe('grouped'); // after the request facts CTE
    expect(await form('foi.proactive_timely')).toBe('grouped'); // after the calendar joins
    expect(await form('eval.rectify_on_time')).toBe('grouped');
    const lateral = [];
    for (const def of INDICATORS) if ((await form(def.key)) === 'lateral') lateral.push(def.key);
    expect(lateral).toEqual([]);
  });
});

describe('groupedCellSql', () => {
  const k = [{ expr: '"d"', name: '"__d0"' }];
  it('adds the keys and a GROUP BY of them to an aggregate SELECT', () => {
    const q = { text: `SELECT count(*) AS n FROM t WHERE a = ? AND ${GROUPED_CELLS}`, params: [1] };
    expect(groupedCellSql(q, k, 'count')).toEqual({
      text: 'SELECT "d" AS "__d0", true AS "__hit", count(*) AS n FROM t WHERE a = ? AND TRUE GROUP BY "__d0"',
      params: [1],
    });
  });
  it('keeps a breakdown GROUP BY ALL and drops its ORDER BY', () => {
    const q = {
      text: `SELECT k AS key, count(*) AS value FROM t WHERE ${GROUPED_CELLS} GROUP BY ALL ORDER BY value DESC, key`,
      params: [],
    };
    expect(groupedCellSql(q, k, 'breakdown')?.text).toBe(
      'SELECT "d" AS "__d0", true AS "__hit", k AS key, count(*) AS value FROM t WHERE TRUE GROUP BY ALL',
    );
  });
  it('refuses forms where grouping would change which rows a cell counts', () => {
    const no = (text: string, kind = 'rate') =>
      expect(groupedCellSql({ text, params: [] }, k, kind), text).toBeUndefined();
    no(`SELECT count(*) FROM t WHERE a OR ${GROUPED_CELLS}`); // an OR above the tie
    no(`SELECT sum(x) FROM (SELECT x FROM t WHERE ${GROUPED_CELLS})`); // inside a subquery
    no(`SELECT count(*) FROM t WHERE ${GROUPED_CELLS} HAVING count(*) > 1`);
    no(`SELECT 1 FROM u UNION ALL SELECT count(*) FROM t WHERE ${GROUPED_CELLS}`);
    no(`SELECT k AS key, count(*) AS value FROM t WHERE ${GROUPED_CELLS}`, 'breakdown'); // no GROUP BY ALL
    no(`SELECT count(*) FROM t WHERE ${GROUPED_CELLS} AND ${GROUPED_CELLS}`);
  });
});
