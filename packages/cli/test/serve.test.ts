import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  computeGrouped,
  computeIndicators,
  computeScorecard,
  RemoteEngine,
  RemoteEngineError,
} from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFiles } from '../src/load-files.ts';
import { expandPaths, type ServedData, serveFiles } from '../src/serve.ts';

/**
 * `serve` + RemoteEngine: the same indicator SQL over HTTP gives the same numbers as native DuckDB in
 * process, and the endpoint answers single SELECTs only.
 */
const DATA = fileURLToPath(new URL('../../../data/', import.meta.url));
const PAGE_ORIGIN = 'http://127.0.0.1:9';
let served: ServedData;
let local: NodeEngine;
let remote: RemoteEngine;

const post = (body: unknown, headers: Record<string, string> = {}) =>
  fetch(served.server.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  served = await serveFiles([DATA], { cors: [PAGE_ORIGIN], timeoutMs: 1500, maxRows: 100_000 });
  remote = new RemoteEngine(served.server.url);
  local = await NodeEngine.create();
  await loadFiles(local, await expandPaths([DATA]));
}, 120_000);
afterAll(async () => {
  await served?.close();
  await local?.close();
});

describe('serve + RemoteEngine', () => {
  it('imports every data file of the directory and listens on loopback', () => {
    expect(served.imports.map((i) => i.dataset).sort()).toEqual([
      'cases',
      'disclosures',
      'hotline',
      'items',
      'receipts',
      'requests',
      'steps',
    ]);
    expect(served.server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('computes every indicator over HTTP exactly as in process', async () => {
    const asOf = '2025-12-31';
    const [a, b] = [await computeIndicators(local, { asOf }), await computeIndicators(remote, { asOf })];
    expect(b.length).toBe(35);
    expect(b.map((c) => c.result)).toEqual(a.map((c) => c.result));
  }, 120_000);

  it('filters with hostile values bind as values on the server too', async () => {
    const filters = { dept_name: ["甲局'; DROP TABLE cases; --", "x' OR '1'='1"] };
    const keys = ['case.online_apply_rate', 'case.overdue_count'];
    const [a, b] = [
      await computeIndicators(local, { filters, keys }),
      await computeIndicators(remote, { filters, keys }),
    ];
    expect(b.map((c) => c.result)).toEqual(a.map((c) => c.result));
    expect(b[0]?.result.denominator).toBe(0);
    const count = await remote.query('SELECT count(*) AS n FROM cases');
    expect(Number(count.get(0)?.n)).toBe(50_000);
  });

  it('groups by department and period, and ranks the scorecard, as in process', async () => {
    const options = {
      asOf: '2025-12-31',
      by: 'dept',
      period: 'quarter' as const,
      keys: ['case.online_apply_rate'],
    };
    expect(await computeGrouped(remote, options)).toEqual(await computeGrouped(local, options));
    const [x, y] = [
      await computeScorecard(local, { asOf: '2025-12-31' }),
      await computeScorecard(remote, { asOf: '2025-12-31' }),
    ];
    expect(y).toEqual(x);
  }, 120_000);

  it('answers the json type with rows', async () => {
    const res = await post({
      type: 'json',
      sql: 'SELECT dept_name, count(*) AS n FROM cases GROUP BY dept_name ORDER BY dept_name LIMIT 2',
    });
    expect(res.status).toBe(200);
    const rows = (await res.json()) as { dept_name: string; n: number }[];
    expect(rows).toHaveLength(2);
    expect(typeof rows[0]?.n).toBe('number');
  });

  it.each([
    ['DROP TABLE cases', 'DROP'],
    ['DELETE FROM cases', 'DELETE'],
    ["INSERT INTO cases (case_id) VALUES ('x')", 'INSERT'],
    ['UPDATE cases SET dept_name = NULL', 'UPDATE'],
    ["ATTACH '/tmp/other.db' AS other", 'ATTACH'],
    ['SET enable_external_access = true', 'SET'],
    ['CREATE TABLE t AS SELECT 1', 'CREATE'],
    ['INSTALL httpfs', 'LOAD'],
    ['LOAD httpfs', 'LOAD'],
    ['PRAGMA enable_profiling', 'PRAGMA'],
    ['EXPLAIN SELECT 1', 'EXPLAIN'],
  ])('refuses %s with 403', async (sql, type) => {
    const res = await post({ type: 'arrow', sql });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain(type);
  });

  it.each([
    ["SELECT current_setting('memory_limit')", 'current_setting'],
    ["SELECT current_setting('temp_directory') AS d FROM cases LIMIT 1", 'current_setting'],
    ['SELECT * FROM duckdb_settings()', 'duckdb_settings'],
    ['SELECT * FROM (SELECT name, value FROM duckdb_settings()) s', 'duckdb_settings'],
    ['SELECT * FROM pg_settings', 'pg_settings'],
    ['SELECT * FROM duckdb_tables', 'duckdb_tables'],
    ['SELECT * FROM information_schema.schemata', 'information_schema.schemata'],
    ['SELECT * FROM (WITH pg_settings AS (SELECT 1) SELECT * FROM pg_settings), pg_settings', 'pg_settings'],
    ["PRAGMA table_info('cases')", 'SELECT'],
    ['SHOW tables', 'SHOW'],
    ['DESCRIBE cases', 'SHOW'],
    ['SUMMARIZE cases', 'SHOW'],
    ["SELECT * FROM query('SELECT 1')", 'query'],
  ])('answers only what a dashboard needs: refuses %s with 403', async (sql, named) => {
    const res = await post({ type: 'json', sql });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toContain(named);
  });

  it('answers the catalogue views, CTEs and table functions the dashboard uses', async () => {
    const sql = `WITH d AS (SELECT range AS i FROM range(3))
      SELECT (SELECT count(*) FROM d) AS n,
             (SELECT count(*) FROM information_schema.columns WHERE table_name = 'cases') > 0 AS has_columns,
             (SELECT count(*) FROM generate_series(1, 4)) AS g,
             (SELECT count(*) FROM unnest([1, 2])) AS u`;
    const res = await post({ type: 'json', sql });
    expect(await res.json()).toEqual([{ n: 3, has_columns: true, g: 4, u: 2 }]);
  });

  it('refuses stacked statements, exec requests and file access from SELECT', async () => {
    const stacked = await post({ type: 'arrow', sql: 'SELECT 1; DROP TABLE cases' });
    expect(stacked.status).toBe(403);
    expect(((await stacked.json()) as { error: string }).error).toContain('exactly one statement');
    const copy = await post({ type: 'arrow', sql: `COPY cases TO '${DATA}leak.csv'` });
    expect([400, 403]).toContain(copy.status);
    expect(existsSync(`${DATA}leak.csv`)).toBe(false);
    const exec = await post({ type: 'exec', sql: 'SELECT 1' });
    expect(exec.status).toBe(403);
    for (const sql of ["SELECT * FROM read_csv('/etc/passwd')", "SELECT * FROM glob('/etc/*')"]) {
      const res = await post({ type: 'arrow', sql });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toMatch(/disabled|external/i);
    }
    const count = await remote.query('SELECT count(*) AS n FROM cases');
    expect(Number(count.get(0)?.n)).toBe(50_000);
  });

  it('refuses bad request bodies with a message saying what to send', async () => {
    expect((await post('not json')).status).toBe(400);
    const res = await post({ type: 'sql', sql: 'SELECT 1' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('"type"');
    expect((await fetch(served.server.url, { method: 'DELETE' })).status).toBe(405);
  });

  it('cancels a statement that runs over the time bound, then keeps answering', async () => {
    const res = await post({ type: 'arrow', sql: 'SELECT count(*) FROM range(100000000000) a' });
    expect(res.status).toBe(408);
    const ok = await remote.query('SELECT 42 AS x');
    expect(Number(ok.get(0)?.x)).toBe(42);
  });

  it('refuses results over the row limit instead of shipping them', async () => {
    const res = await post({ type: 'arrow', sql: 'SELECT * FROM range(200000)' });
    expect(res.status).toBe(413);
  });

  it('answers CORS only for the listed origins', async () => {
    const ok = await fetch(served.server.url, {
      method: 'OPTIONS',
      headers: { Origin: PAGE_ORIGIN, 'Access-Control-Request-Method': 'POST' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(PAGE_ORIGIN);
    const res = await post({ type: 'arrow', sql: 'SELECT 1' }, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    // Sandboxed frames send "null": refused like any other unlisted origin, not a server error.
    expect((await post({ type: 'arrow', sql: 'SELECT 1' }, { Origin: 'null' })).status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('RemoteEngine names the server and its reason when a query fails', async () => {
    await expect(remote.query('SELECT * FROM no_such_table')).rejects.toThrow(RemoteEngineError);
    await expect(remote.query('SELECT * FROM no_such_table')).rejects.toThrow(
      new RegExp(`${served.server.url}.*400.*no_such_table`),
    );
    await expect(new RemoteEngine('http://127.0.0.1:1/').query('SELECT 1')).rejects.toThrow(/Cannot reach/);
    await expect(remote.registerText('x.csv')).rejects.toThrow(/loaded on the server/);
  });

  it('refuses calendar overrides over a query server instead of computing on the wrong calendar', async () => {
    await expect(
      computeIndicators(remote, { config: { targets: {}, calendar: { holidays: ['2025-06-10'] } } as never }),
    ).rejects.toThrow(/serve --config/);
  });
});
