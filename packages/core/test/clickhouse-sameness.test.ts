import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAnnualReport } from '../src/annual-report/index.ts';
import { caseList, drillBreakdown } from '../src/drill/index.ts';
import { ClickHouseEngine } from '../src/engine/clickhouse.ts';
import { loadIntoClickHouse } from '../src/engine/clickhouse-load.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { buildCubes, cubeIndicators } from '../src/indicators/cube.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';
import { computeScorecard } from '../src/scorecard/index.ts';
import { findBackfilledSteps, reconcilePayments, watchList } from '../src/supervision/index.ts';
import { type ChdbServer, chdbAvailable, startChdbServer } from './helpers/chdb-server.ts';
import { expectSameNumbers } from './helpers/same-numbers.ts';

/**
 * Proof of sameness: the sample data imported into native DuckDB, loaded into real ClickHouse (chdb
 * behind its HTTP interface), and every result computed on both.
 */
const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const AS_OF = '2025-12-31';
let server: ChdbServer;
let duck: NodeEngine;
let ch: ClickHouseEngine;
let loaded: Awaited<ReturnType<typeof loadIntoClickHouse>>;

describe.skipIf(!chdbAvailable)('ClickHouse gives DuckDB’s numbers on the sample data', () => {
  beforeAll(async () => {
    server = await startChdbServer();
    ch = new ClickHouseEngine(server.url);
    duck = await NodeEngine.create();
    for (const f of (await readdir(DATA)).filter((f) => f.endsWith('.csv')).sort()) {
      await importFile(duck, f, new Uint8Array(await readFile(`${DATA}${f}`)));
    }
    // Batches of 20,000 rows: the 50,000 cases and the calendar go over in several, read by the rowid of
    // the cases' store (the datasets are views) and of the calendar table.
    loaded = await loadIntoClickHouse(duck, ch, { batchRows: 20_000 });
  }, 300_000);
  it('holds every row of every table once, sent in batches', async () => {
    const cases = loaded.find((t) => t.table === 'cases');
    expect(cases?.rows).toBe(50_000);
    for (const { table, rows } of loaded) {
      const here = await duck.query(`SELECT count(*) AS n FROM ${table}`);
      const there = await ch.query(`SELECT count() AS n FROM ${table}`);
      expect([table, Number(there.get(0)?.n)]).toEqual([table, rows]);
      expect([table, Number(here.get(0)?.n)]).toEqual([table, rows]);
    }
  });

  afterAll(async () => {
    await server?.close();
    await duck?.close();
  });

  it('computes all 35 indicators identically, with and without filters and months', async () => {
    const a = await computeIndicators(duck, { asOf: AS_OF });
    const b = await computeIndicators(ch, { asOf: AS_OF });
    expect(b).toHaveLength(35);
    expectSameNumbers(
      b.map((c) => c.result),
      a.map((c) => c.result),
    );
    const filtered = {
      asOf: '2025-06-30',
      filters: { dept_name: ['县市场监管局', "甲局'; DROP TABLE cases; --"], apply_channel: ['online_pc'] },
      months: ['2025-03', '2025-04'],
    };
    expectSameNumbers(
      (await computeIndicators(ch, filtered)).map((c) => c.result),
      (await computeIndicators(duck, filtered)).map((c) => c.result),
    );
  }, 300_000);

  it('groups by department, channel and period with 环比/同比 identically', async () => {
    for (const options of [
      {
        asOf: AS_OF,
        by: 'dept',
        period: 'quarter' as const,
        keys: ['case.on_time_rate', 'case.red', 'eval.score', 'foi.volume_by_domain', 'hot.satisfaction'],
      },
      {
        asOf: AS_OF,
        by: 'channel',
        period: 'month' as const,
        keys: ['case.online_apply_rate', 'hot.on_time_rate'],
      },
      {
        asOf: AS_OF,
        period: 'week' as const,
        keys: ['case.on_time_rate', 'case.avg_elapsed_wd', 'foi.median_days'],
      },
    ]) {
      expectSameNumbers(await computeGrouped(ch, options), await computeGrouped(duck, options));
    }
  }, 300_000);

  it('builds the same cubes, and answers the same selections from them', async () => {
    // One of each shape: a rate, a mean with its median marginals, a count on the as-of day, a breakdown,
    // a hotline rate and a request clock (working-day look-ups).
    const keys = [
      'case.online_apply_rate',
      'case.avg_elapsed_wd',
      'case.red',
      'foi.volume_by_domain',
      'hot.satisfaction',
      'foi.request_on_time',
    ];
    const a = await buildCubes(duck, { asOf: AS_OF, keys });
    const b = await buildCubes(ch, { asOf: AS_OF, keys });
    for (const key of keys) {
      const [x, y] = [a.cubes.get(key), b.cubes.get(key)];
      expect(y?.cells.length, key).toBe(x?.cells.length);
      // A breakdown cell's numbers are its rows (its first row depends on row order); others, the row.
      const numbers = (c: NonNullable<typeof x>['cells'][number]) =>
        x?.def.kind === 'breakdown' ? c.breakdown : c.row;
      const byId = (c: typeof x) =>
        new Map((c?.cells ?? []).map((cell) => [cell.keys.join('\u0001'), numbers(cell)]));
      const [mx, my] = [byId(x), byId(y)];
      expect([...my.keys()].sort()).toEqual([...mx.keys()].sort());
      for (const [id, cell] of mx) expectSameNumbers(my.get(id), cell, `${key}[${id}]`);
      const sorted = (m: Map<string, unknown> | undefined) =>
        [...(m ?? [])].sort(([p], [q]) => (p < q ? -1 : 1));
      expectSameNumbers(sorted(y?.marginals), sorted(x?.marginals), `${key} marginals`);
    }
    for (const selection of [
      { filters: { dept_name: ['县市场监管局'] }, months: ['2025-03'] },
      { filters: { apply_channel: ['window', 'online_pc'] } },
      { months: ['2024-12', '2025-01', '2025-02'] },
    ]) {
      expectSameNumbers(cubeIndicators(b, selection, keys), cubeIndicators(a, selection, keys));
    }
  }, 300_000);

  it('ranks the scorecard, drills down and lists cases identically', async () => {
    expectSameNumbers(
      await computeScorecard(ch, { asOf: AS_OF }),
      await computeScorecard(duck, { asOf: AS_OF }),
    );
    for (const level of ['dept', 'item'] as const) {
      expectSameNumbers(
        await drillBreakdown(ch, { level, asOf: AS_OF }),
        await drillBreakdown(duck, { level, asOf: AS_OF }),
      );
    }
    const list = { asOf: AS_OF, limit: 40, filters: { dept_name: ['县市场监管局'] } };
    expectSameNumbers(await caseList(ch, list), await caseList(duck, list));
  }, 300_000);

  it('finds the same supervision findings', async () => {
    expectSameNumbers(await watchList(ch, { asOf: AS_OF }), await watchList(duck, { asOf: AS_OF }));
    expectSameNumbers(await findBackfilledSteps(ch), await findBackfilledSteps(duck));
    expectSameNumbers(await reconcilePayments(ch), await reconcilePayments(duck));
  }, 300_000);

  it('builds the same annual-report tables in both layouts', async () => {
    for (const layout of ['2021', '2019'] as const) {
      expectSameNumbers(
        await computeAnnualReport(ch, { year: 2025, layout }),
        await computeAnnualReport(duck, { year: 2025, layout }),
      );
    }
  }, 300_000);
});
