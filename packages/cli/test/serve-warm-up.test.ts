import { fileURLToPath } from 'node:url';
import { RemoteEngine } from '@assessment-dashboard/core';
import { NodeEngine } from '@assessment-dashboard/core/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterByDepartment } from '../src/query/cluster.ts';
import { openPage } from '../src/query/default-page.ts';
import { type ServedData, serveFiles } from '../src/serve.ts';

/**
 * What makes fifty dashboards cheap on `serve`: the default page is answered and cached once at start
 * (the warm-up), the tables a click filters are ordered by department, and each answer can say where its
 * time went (Server-Timing, opt-in).
 */
const CASES = fileURLToPath(new URL('../../../data/cases.csv', import.meta.url));
let warm: ServedData;
let plain: ServedData;

const post = (url: string, sql: string) =>
  fetch(url, { method: 'POST', body: JSON.stringify({ type: 'arrow', sql }) });

beforeAll(async () => {
  warm = await serveFiles([CASES], { warmUp: true, serverTiming: true });
  plain = await serveFiles([CASES], {});
}, 180_000);
afterAll(async () => {
  await warm?.close();
  await plain?.close();
});

describe('serve warm-up', () => {
  it('caches every statement of the default page, so a dashboard opening it computes nothing', async () => {
    const done = await warm.warmedUp;
    expect(done?.statements).toBeGreaterThan(40);
    const before = warm.server.stats();
    await openPage(new RemoteEngine(warm.server.url));
    const after = warm.server.stats();
    expect(after.cacheMisses).toBe(before.cacheMisses);
    expect(after.cacheHits - before.cacheHits).toBe(done?.statements);
  }, 120_000);

  it('is off unless asked for', async () => {
    expect(await plain.warmedUp).toBeUndefined();
    expect(plain.server.stats().cacheMisses).toBe(0);
  });
});

describe('Server-Timing', () => {
  it('says whether the answer was computed or cached, and the stages of a computed one', async () => {
    const sql = 'SELECT dept_name, count(*) AS n FROM cases GROUP BY ALL ORDER BY ALL';
    const first = await post(warm.server.url, sql);
    expect(first.status).toBe(200);
    const timing = first.headers.get('Server-Timing') ?? '';
    expect(timing).toMatch(/^cache;desc=miss, /);
    for (const stage of ['queue', 'prepare', 'check', 'exec', 'encode', 'total'])
      expect(timing).toMatch(new RegExp(`\\b${stage};dur=\\d+\\.\\d\\b`));
    const again = await post(warm.server.url, sql);
    expect(again.headers.get('Server-Timing')).toMatch(/^cache;desc=hit, total;dur=\d+\.\d$/);
  });

  it('is not sent unless the operator asks for it (it tells whether others asked the same)', async () => {
    const res = await post(plain.server.url, 'SELECT 1 AS one');
    expect(res.status).toBe(200);
    expect(res.headers.get('Server-Timing')).toBeNull();
  });
});

describe('clusterByDepartment', () => {
  it('orders a table of several row groups by department and keeps every row; leaves a small one', async () => {
    const engine = await NodeEngine.create({ threads: 2 });
    try {
      // 200,000 rows over two row groups, departments cycling so every row group holds all of them.
      await engine.exec(`CREATE TABLE big AS SELECT i AS _row, 'dept ' || (i % 7) AS dept_name, i * 0.5 AS x
        FROM range(200000) t(i)`);
      await engine.exec(`CREATE TABLE small AS SELECT i AS _row, 'dept ' || (i % 7) AS dept_name
        FROM range(1000) t(i)`);
      await engine.exec('CREATE TABLE other AS SELECT i AS id FROM range(200000) t(i)');
      expect(await clusterByDepartment(engine)).toEqual(['big']);
      const check = async (table: string) =>
        (
          await engine.query(`SELECT count(*) AS rows, count(DISTINCT _row) AS ids, sum(_row) AS total,
            count(*) FILTER (WHERE prev_dept > dept_name OR (prev_dept = dept_name AND prev_row > _row)) AS unordered
            FROM (SELECT *, lag(dept_name) OVER (ORDER BY rowid) AS prev_dept,
              lag(_row) OVER (ORDER BY rowid) AS prev_row FROM ${table})`)
        )
          .get(0)
          ?.toJSON();
      // Σ 0..199,999 = 19,999,900,000: the same rows, now in (department, line) order.
      expect(await check('big')).toEqual({ rows: 200000, ids: 200000, total: 19999900000, unordered: 0 });
      // The small table keeps its line order: dept 6 is followed by dept 0 at lines 7, 14, …, 994.
      expect((await check('small'))?.unordered).toBe(142);
    } finally {
      await engine.close();
    }
  });
});
