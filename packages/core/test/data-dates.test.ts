import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { valueColumns } from '../src/import/dataset-view.ts';
import { importFile } from '../src/import/import-file.ts';
import { loadedTables } from '../src/indicators/compute.ts';
import { dataDates, latestEvent } from '../src/indicators/data-dates.ts';
import { DATASETS } from '../src/schema/datasets.ts';

// The calendar's range and the latest event come from one scan of each dataset: they must be what a
// query per column gives (every date for the range, every event, not due dates, for "as of").

const file = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../../data/${name}`, import.meta.url)));

/** The reference: one query per column, as the range and the as-of time were computed before. */
async function perColumn(engine: NodeEngine, tables: Map<string, string[]>) {
  const dates: string[] = [];
  const events: string[] = [];
  const latest: Record<string, string> = {};
  for (const def of Object.values(DATASETS)) {
    if (!tables.has(def.table)) continue;
    const cols = valueColumns(tables, def.table);
    const own: string[] = [];
    let dated = false;
    for (const f of def.fields) {
      if ((f.type !== 'date' && f.type !== 'datetime') || !cols.includes(f.key)) continue;
      dated = true;
      dates.push(`SELECT CAST("${f.key}" AS DATE) AS d FROM "${def.table}"`);
      if (!f.key.includes('due'))
        own.push(`SELECT max(CAST("${f.key}" AS TIMESTAMP)) AS t FROM "${def.table}"`);
    }
    events.push(...own);
    if (dated) {
      const t = own.length
        ? (await engine.query(`SELECT CAST(max(t) AS VARCHAR) AS t FROM (${own.join(' UNION ALL ')})`)).get(0)
            ?.t
        : null;
      latest[def.table] = String(t ?? '');
    }
  }
  const range = (
    await engine.query(
      `SELECT strftime(greatest(DATE '1990-01-01', min(d) - 31), '%Y-%m-%d') AS a,
              strftime(least(DATE '2100-12-31', max(d) + 800), '%Y-%m-%d') AS b
       FROM (${dates.length ? dates.join(' UNION ALL ') : 'SELECT NULL::DATE AS d'})`,
    )
  )
    .get(0)
    ?.toJSON();
  const asOf = events.length
    ? String(
        (
          await engine.query(
            `SELECT strftime(max(t), '%Y-%m-%d %H:%M:%S') AS t FROM (${events.join(' UNION ALL ')})`,
          )
        ).get(0)?.t ?? '',
      )
    : undefined;
  return { range: { from: range?.a ?? '2000-01-01', to: range?.b ?? '2000-12-31' }, asOf, latest };
}

describe('the data’s dates in one scan per dataset', () => {
  it.each([
    [['cases.csv']],
    [['requests.csv', 'hotline.csv']],
    [['disclosures.csv', 'steps.csv', 'cases.csv', 'receipts.csv']],
  ])('are the per-column answers after importing %j', async (names) => {
    const engine = await NodeEngine.create();
    try {
      for (const name of names) await importFile(engine, name, file(name));
      const tables = await loadedTables(engine);
      const want = await perColumn(engine, tables);
      const got = await dataDates(engine, tables);
      expect(got.range).toEqual(want.range);
      expect(got.asOf).toBe(want.asOf);
      // Each table's own latest event, to the microsecond (replay.ts skips the replay as of it or later).
      expect(got.latest).toEqual(want.latest);
      expect(Object.keys(got.latest).length).toBeGreaterThan(0);
      expect(await latestEvent(engine, tables)).toBe(want.asOf);
      expect(got.asOf).toMatch(/^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/);
    } finally {
      engine.close();
    }
  });

  it('clamp an absurd date, ignore empty cells, and say "" without an event time', async () => {
    const engine = await NodeEngine.create();
    try {
      await importFile(
        engine,
        'cases.csv',
        new TextEncoder().encode(
          '办件编号,受理部门,申请时间,受理时间,办结时间\nA1,甲局,2025-01-02 09:00:00,,\nA2,甲局,,2025-01-03 10:00:00,9999-01-01 00:00:00\n',
        ),
      );
      const tables = await loadedTables(engine);
      const got = await dataDates(engine, tables);
      expect(got).toEqual(await perColumn(engine, tables));
      expect(got.range).toEqual({ from: '2024-12-02', to: '2100-12-31' });
      expect(got.asOf).toBe('9999-01-01 00:00:00');
      expect(got.latest).toEqual({ cases: '9999-01-01 00:00:00' });
      const noDates = new Map([['cases', ['_row', 'case_id']]]);
      const none = await dataDates(engine, noDates);
      expect(none.asOf).toBe('');
      expect(none.range).toEqual((await perColumn(engine, noDates)).range);
    } finally {
      engine.close();
    }
  });
});
