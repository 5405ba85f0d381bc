import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClickHouseEngine } from '../src/engine/clickhouse.ts';
import { loadIntoClickHouse } from '../src/engine/clickhouse-load.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { EDGE_CASES, EDGE_REQUESTS } from './crosscheck/edge-fixture.ts';
import { type ChdbServer, chdbAvailable, startChdbServer } from './helpers/chdb-server.ts';

/**
 * `load --cluster`: embedded ClickHouse has no cluster (no `remote_servers`, no Keeper), so the DDL the
 * loader sends is parsed by real ClickHouse (`EXPLAIN AST`, which refuses any syntax error) rather than
 * run, and its text is checked: every statement `ON CLUSTER`, replicated local tables, `Distributed`
 * tables over them sharded by the id, inserts into the `Distributed` tables. The local tables' form
 * without a cluster is run for real by the sameness tests (clickhouse-sameness.test.ts).
 */
class ParseOnly extends ClickHouseEngine {
  readonly ddl: string[] = [];
  readonly inserts: string[] = [];
  override async exec(sql: string): Promise<void> {
    this.ddl.push(sql);
    await super.exec(`EXPLAIN AST ${sql}`);
  }
  override async insert(table: string): Promise<void> {
    this.inserts.push(table);
  }
}

let server: ChdbServer;
let duck: NodeEngine;

describe.skipIf(!chdbAvailable)('ClickHouse cluster DDL (load --cluster)', () => {
  beforeAll(async () => {
    server = await startChdbServer();
    duck = await NodeEngine.create();
    await importFile(duck, 'cases.csv', new TextEncoder().encode(EDGE_CASES));
    await importFile(duck, 'requests.csv', new TextEncoder().encode(EDGE_REQUESTS));
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await duck?.close();
  });

  it('parses as ClickHouse SQL, every statement on the cluster, Distributed over replicated tables', async () => {
    const ch = new ParseOnly(server.url);
    await loadIntoClickHouse(duck, ch, { cluster: 'province' });
    expect(ch.ddl.length).toBeGreaterThan(10);
    expect(ch.ddl.filter((s) => !s.includes(' ON CLUSTER "province"'))).toEqual([]);
    const one = (start: string) => {
      const found = ch.ddl.filter((s) => s.startsWith(start));
      expect(found, start).toHaveLength(1);
      return (found[0] ?? '').replaceAll(/\s+/g, ' ');
    };
    expect(one('CREATE TABLE IF NOT EXISTS "cases_local" ON CLUSTER "province" (')).toMatch(
      / ENGINE = ReplicatedReplacingMergeTree PARTITION BY toYYYYMM\("accepted_at"\) ORDER BY \("dept_name", "accepted_at", "case_id"\) SETTINGS allow_nullable_key = 1$/,
    );
    expect(one('CREATE TABLE IF NOT EXISTS "cases" ON CLUSTER')).toBe(
      `CREATE TABLE IF NOT EXISTS "cases" ON CLUSTER "province" AS "cases_local" ENGINE = Distributed('province', currentDatabase(), 'cases_local', cityHash64("case_id"))`,
    );
    expect(one('CREATE TABLE IF NOT EXISTS "requests" ON CLUSTER')).toContain(
      `Distributed('province', currentDatabase(), 'requests_local', cityHash64("request_id"))`,
    );
    // The calendar: replaced whole, sharded at random, read whole through its Distributed table.
    expect(one('CREATE TABLE "work_calendar_local" ON CLUSTER "province"')).toContain(
      'ENGINE = ReplicatedMergeTree ORDER BY d',
    );
    expect(one('CREATE TABLE IF NOT EXISTS "work_calendar" ON CLUSTER')).toContain(
      `'work_calendar_local', rand())`,
    );
    expect(one('CREATE DICTIONARY "ad_work_calendar_by_day" ON CLUSTER "province"')).toContain(
      'FROM "work_calendar"',
    );
    expect(ch.ddl.filter((s) => s.startsWith('CREATE DICTIONARY'))).toHaveLength(2);
    // Rows go through the Distributed tables, which shard them.
    expect(new Set(ch.inserts)).toEqual(
      new Set(['"cases"', '"case_facts"', '"requests"', '"work_calendar"']),
    );
  });

  it('would refuse a statement ClickHouse cannot parse (the check can fail)', async () => {
    const ch = new ParseOnly(server.url);
    await expect(
      ch.exec(`CREATE TABLE "x" ON CLUSTER "province" (a String) ENGINE = MergeTree ORDER BY a garbage`),
    ).rejects.toThrow(/Syntax error/);
  });
});
