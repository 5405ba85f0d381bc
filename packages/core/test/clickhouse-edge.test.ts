import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseEngine } from '../src/engine/clickhouse.ts';
import { loadIntoClickHouse } from '../src/engine/clickhouse-load.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { computeGrouped } from '../src/indicators/grouped.ts';
import {
  EDGE_AS_OF_LATE,
  EDGE_AS_OF_NOON,
  EDGE_CASES,
  EDGE_DISCLOSURES,
  EDGE_FILTER,
  EDGE_HOTLINE,
  EDGE_ITEMS,
  EDGE_REQUESTS,
} from './crosscheck/edge-fixture.ts';
import { type ChdbServer, chdbAvailable, startChdbServer } from './helpers/chdb-server.ts';
import { expectSameNumbers } from './helpers/same-numbers.ts';

/**
 * Proof of sameness on the edge fixtures (limits in 自然日/小时/月/年, pauses, extensions, ended cases, days in
 * years the calendar does not know, void tickets …): ClickHouse gives DuckDB's numbers there too.
 */
let server: ChdbServer;
let duck: NodeEngine;
let ch: ClickHouseEngine;

describe.skipIf(!chdbAvailable)('ClickHouse gives DuckDB’s numbers on the edge fixtures', () => {
  beforeAll(async () => {
    server = await startChdbServer();
    ch = new ClickHouseEngine(server.url);
    duck = await NodeEngine.create();
    const files = {
      'cases.csv': EDGE_CASES,
      'items.csv': EDGE_ITEMS,
      'disclosures.csv': EDGE_DISCLOSURES,
      'requests.csv': EDGE_REQUESTS,
      'hotline.csv': EDGE_HOTLINE,
    };
    for (const [name, text] of Object.entries(files)) {
      await importFile(duck, name, new TextEncoder().encode(text));
    }
    await loadIntoClickHouse(duck, ch);
  }, 300_000);
  afterAll(async () => {
    await server?.close();
    await duck?.close();
  });

  it('computes every indicator identically at noon, at the end of the known calendar and filtered', async () => {
    for (const options of [
      { asOf: EDGE_AS_OF_NOON },
      { asOf: EDGE_AS_OF_LATE },
      { asOf: EDGE_AS_OF_NOON, filters: EDGE_FILTER },
    ]) {
      const a = await computeIndicators(duck, options);
      const b = await computeIndicators(ch, options);
      expect(b.length).toBe(a.length);
      expect(a.length).toBeGreaterThan(30);
      expectSameNumbers(
        b.map((c) => c.result),
        a.map((c) => c.result),
      );
    }
  }, 300_000);

  it('groups by department and month identically', async () => {
    const options = { asOf: EDGE_AS_OF_LATE, by: 'dept', period: 'month' as const };
    expectSameNumbers(await computeGrouped(ch, options), await computeGrouped(duck, options));
  }, 300_000);

  it('takes the most frequent value with ties to the smallest, as DuckDB’s mode(x ORDER BY x)', async () => {
    // 1: a and b twice each → a; 2: q twice, NULL not counted → q; 3: only NULL → NULL;
    // 4: once each → 'Z' (bytewise first: 'Z' < 'e' < 'é').
    const sql = `SELECT g, mode(x ORDER BY x) AS m FROM (VALUES (1, 'b'), (1, 'a'), (1, 'b'), (1, 'a'),
      (2, NULL), (2, 'q'), (2, 'p'), (2, 'q'), (3, NULL), (4, 'é'), (4, 'e'), (4, 'Z')) AS v(g, x)
      GROUP BY g ORDER BY g`;
    const rows = async (e: NodeEngine | ClickHouseEngine) =>
      (await e.query(sql)).toArray().map((r) => [Number(r.g), r.m ?? null]);
    const want = [
      [1, 'a'],
      [2, 'q'],
      [3, null],
      [4, 'Z'],
    ];
    expect(await rows(duck)).toEqual(want);
    expect(await rows(ch)).toEqual(want);
  });
});
