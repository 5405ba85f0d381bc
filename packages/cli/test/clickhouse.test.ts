import { fileURLToPath } from 'node:url';
import {
  ClickHouseEngine,
  ClickHouseError,
  computeIndicators,
  RemoteEngine,
  RemoteEngineError,
} from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChdbServer, chdbAvailable, startChdbServer } from '../../core/test/helpers/chdb-server.ts';
import { loadClickHouse, serveClickHouse } from '../src/clickhouse.ts';
import { loadFiles } from '../src/load-files.ts';

/** `load --clickhouse` and `serve --clickhouse` against real ClickHouse (chdb behind its HTTP interface). */
const FILES = ['cases.csv', 'disclosures.csv'].map((f) =>
  fileURLToPath(new URL(`../../../data/${f}`, import.meta.url)),
);
let ch: ChdbServer;
let engine: ClickHouseEngine;

describe.skipIf(!chdbAvailable)('ClickHouse from the command line', () => {
  beforeAll(async () => {
    ch = await startChdbServer();
    engine = new ClickHouseEngine(ch.url);
  }, 60_000);
  afterAll(() => ch?.close());

  it('loads the files with their ledger, and loading them again adds no row', async () => {
    const first = await loadClickHouse(ch.url, FILES, {});
    expect(first.imports.map((i) => i.loaded)).toEqual([50_000, 6_000]);
    expect(first.tables.find((t) => t.table === 'cases')?.rows).toBe(50_000);
    await loadClickHouse(ch.url, [FILES[0] as string], {});
    const n = await engine.query('SELECT count(*) AS n FROM cases');
    expect(n.get(0)?.n).toBe(50_000);
    const facts = await engine.query('SELECT count(*) AS n FROM case_facts');
    expect(facts.get(0)?.n).toBe(50_000);
    // The tables are ordered by department and time and partitioned by month, as a province's would be.
    const ddl = await engine.query(
      "SELECT sorting_key AS k, partition_key AS p FROM system.tables WHERE name = 'cases'",
    );
    expect(ddl.get(0)?.toJSON()).toEqual({
      k: 'dept_name, accepted_at, case_id',
      p: 'toYYYYMM(accepted_at)',
    });
  }, 300_000);

  it('binds hostile values as values and names the server in its errors', async () => {
    const t = await engine.query('SELECT ? AS s, ? AS n, ? AS z', [
      "x'; DROP TABLE cases; -- \\ \t",
      2 ** 40,
      null,
    ]);
    expect(t.get(0)?.toJSON()).toEqual({ s: "x'; DROP TABLE cases; -- \\ \t", n: 2 ** 40, z: null });
    await expect(engine.query('SELECT * FROM no_such_table')).rejects.toThrow(ClickHouseError);
    await expect(engine.query('SELECT * FROM no_such_table')).rejects.toThrow(
      /answered 500: .*no_such_table/,
    );
    const slow = new ClickHouseEngine(ch.url, { timeoutMs: 1 });
    await expect(slow.query('SELECT sleep(1)')).rejects.toThrow(/did not answer within 1 ms/);
  }, 60_000);

  it('serve --clickhouse answers the Mosaic protocol read-only, with the numbers of DuckDB', async () => {
    const front = await serveClickHouse(ch.url, {});
    try {
      const remote = new RemoteEngine(front.url);
      const local = await NodeEngine.create();
      await loadFiles(local, FILES);
      const asOf = '2025-12-31';
      const keys = ['case.online_apply_rate', 'case.on_time_rate', 'case.red', 'foi.volume_by_domain'];
      const [a, b] = [
        await computeIndicators(local, { asOf, keys }),
        await computeIndicators(remote, { asOf, keys }),
      ];
      expect(b.map((c) => c.result)).toEqual(a.map((c) => c.result));
      await local.close();
      for (const sql of [
        'DROP TABLE cases',
        "INSERT INTO cases (case_id) VALUES ('x')",
        'SELECT 1; DROP TABLE cases',
      ]) {
        await expect(remote.query(sql)).rejects.toThrow(RemoteEngineError);
      }
      expect((await engine.query('SELECT count(*) AS n FROM cases')).get(0)?.n).toBe(50_000);
    } finally {
      await front.close();
    }
  }, 300_000);
});
