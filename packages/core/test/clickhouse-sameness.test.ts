import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseEngine } from '../src/engine/clickhouse.ts';
import { loadIntoClickHouse } from '../src/engine/clickhouse-load.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-csv.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { buildCubes, cubeIndicators } from '../src/indicators/cube.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';
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

describe.skipIf(!chdbAvailable)('ClickHouse gives DuckDB’s numbers on the sample data', () => {
  beforeAll(async () => {
    server = await startChdbServer();
    ch = new ClickHouseEngine(server.url);
    duck = await NodeEngine.create();
    for (const f of (await readdir(DATA)).filter((f) => f.endsWith('.csv')).sort()) {
      await importFile(duck, f, new Uint8Array(await readFile(`${DATA}${f}`)));
    }
    await loadIntoClickHouse(duck, ch);
  }, 300_000);
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
      { asOf: AS_OF, by: 'dept', period: 'quarter' as const },
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
    const keys = [
      'case.online_apply_rate',
      'case.avg_elapsed_wd',
      'foi.volume_by_domain',
      'hot.satisfaction',
    ];
    const a = await buildCubes(duck, { asOf: AS_OF, keys });
    const b = await buildCubes(ch, { asOf: AS_OF, keys });
    for (const key of keys) {
      const [x, y] = [a.cubes.get(key), b.cubes.get(key)];
      const byId = (c: typeof x) =>
        new Map(
          (c?.cells ?? []).map((cell) => [
            cell.keys.join('\u0001'),
            { row: cell.row, breakdown: cell.breakdown },
          ]),
        );
      expect([...byId(y).keys()].sort()).toEqual([...byId(x).keys()].sort());
      for (const [id, cell] of byId(x)) expectSameNumbers(byId(y).get(id), cell, `${key}[${id}]`);
    }
    const selection = { filters: { dept_name: ['县市场监管局'] }, months: ['2025-03'] };
    expectSameNumbers(cubeIndicators(b, selection, keys), cubeIndicators(a, selection, keys));
  }, 300_000);
});
