import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { CASE_FACTS_STORE } from '../src/indicators/case-fact-names.ts';
import { computeIndicators, loadedTables } from '../src/indicators/compute.ts';
import { DEFAULT_INDICATORS } from '../src/indicators/default-keys.ts';

// The first overdue tile reads the case facts computed inline (facts: 'inline') instead of from their
// table, which is built after the first paint: every indicator over the facts must give the same numbers.
let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', new Uint8Array(readFileSync('data/cases.csv')));
});
afterAll(() => engine.close());

describe('case facts read inline', () => {
  it('give every fact indicator the numbers of the facts table, and build no table', async () => {
    const inline = await computeIndicators(engine, { facts: 'inline' });
    expect((await loadedTables(engine)).has(CASE_FACTS_STORE)).toBe(false);
    const built = await computeIndicators(engine, {});
    expect((await loadedTables(engine)).has(CASE_FACTS_STORE)).toBe(true);
    const values = (list: typeof built) =>
      list.map((c) => [c.result.key, c.result.value, c.result.denominator]);
    expect(values(inline)).toEqual(values(built));
    // the facts' indicators are among them, with numbers
    const overdue = inline.find((c) => c.result.key === 'case.overdue_count')?.result.value;
    expect(overdue).toBeGreaterThan(0);
    expect(inline.map((c) => c.result.key)).toEqual(
      expect.arrayContaining(['case.on_time_rate', 'case.red']),
    );
  });

  it('the first tiles create no calendar macro; the first indicator that calls one creates them', async () => {
    const fresh = await NodeEngine.create();
    try {
      await importFile(fresh, 'cases.csv', new Uint8Array(readFileSync('data/cases.csv')));
      const macros = async () =>
        Number(
          (
            await fresh.query(
              `SELECT count(*) AS n FROM duckdb_functions() WHERE function_name IN
               ('working_days_between', 'add_working_days', 'paused_working_days')`,
            )
          ).get(0)?.n,
        );
      const tiles = await computeIndicators(fresh, { facts: 'inline', keys: DEFAULT_INDICATORS });
      expect(tiles.map((c) => c.result.key)).toEqual([...DEFAULT_INDICATORS]);
      expect(await macros()).toBe(0);
      const yellow = await computeIndicators(fresh, { facts: 'inline', keys: ['case.yellow'] });
      expect(yellow[0]?.result.value).toBeGreaterThanOrEqual(0);
      expect(await macros()).toBe(3);
      const built = await computeIndicators(fresh, { keys: ['case.yellow'] });
      expect(yellow[0]?.result.value).toBe(built[0]?.result.value);
    } finally {
      await fresh.close();
    }
  });

  it('the computation after the first tiles builds the facts on their calendar, not a second one', async () => {
    const fresh = await NodeEngine.create();
    try {
      await importFile(fresh, 'cases.csv', new Uint8Array(readFileSync('data/cases.csv')));
      await computeIndicators(fresh, { facts: 'inline', keys: DEFAULT_INDICATORS });
      const sent: string[] = [];
      const exec = fresh.exec.bind(fresh);
      fresh.exec = (sql: string) => {
        sent.push(sql);
        return exec(sql);
      };
      const built = await computeIndicators(fresh, {});
      fresh.exec = exec;
      expect(sent.some((sql) => sql.includes('CREATE OR REPLACE TABLE "work_calendar"'))).toBe(false);
      expect(sent.some((sql) => sql.includes('CREATE OR REPLACE MACRO working_days_between'))).toBe(true);
      expect((await loadedTables(fresh)).has(CASE_FACTS_STORE)).toBe(true);
      // the same numbers as on an engine that built everything in one go
      const values = (list: typeof built) => list.map((c) => [c.result.key, c.result.value]);
      expect(values(built)).toEqual(values(await computeIndicators(engine, {})));
    } finally {
      await fresh.close();
    }
  });
});
