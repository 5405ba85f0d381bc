import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';

/** Every format × encoding fixture must produce the same canonical cases table as the plain CSV. */
const DIR = join(import.meta.dirname, 'fixtures/formats');
const SELECT = `SELECT case_id, dept_name, apply_channel, strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS submitted,
  strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS closed, closed_online, status, "备注" AS note FROM cases ORDER BY case_id`;

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

/** The table of cases-second-sheet.xlsx is on its second sheet (the first holds instructions). */
const SHEET: Record<string, number> = { 'cases-second-sheet.xlsx': 1 };

const load = async (file: string) => {
  const s = await importFile(engine, file, new Uint8Array(await readFile(join(DIR, file))), {
    sheet: SHEET[file],
  });
  return { summary: s, rows: (await engine.query(SELECT)).toArray().map((r) => r.toJSON()) };
};

describe('import of every format', async () => {
  const files = (await readdir(DIR)).filter((f) => f !== 'cases.csv').sort();

  it('has fixtures for each format', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'cases.xlsx',
        'cases.parquet',
        'cases.arrow',
        'cases.arrows',
        'cases.json',
        'cases.ndjson',
      ]),
    );
  });

  it('cases.csv gives the committed expected table (the browser test checks the same file)', async () => {
    const expected = JSON.parse(await readFile(join(DIR, '../expected-cases.json'), 'utf8'));
    expect((await load('cases.csv')).rows).toEqual(expected);
  });

  it.each(files)('%s loads into the same canonical table as cases.csv', async (file) => {
    const expected = await load('cases.csv');
    expect(expected.summary.loaded).toBeGreaterThan(0);
    const got = await load(file);
    expect(got.summary).toMatchObject({ dataset: 'cases', read: expected.summary.read, rejected: 0 });
    expect(got.rows).toEqual(expected.rows);
  });

  it('numbers rows by their line in the original file when a title row sits above the header', async () => {
    const { summary } = await load('cases-gb18030-title.csv');
    expect(summary.encoding).toBe('gb18030');
    const first = await engine.query('SELECT min(_row) AS r FROM cases');
    expect(first.get(0)?.r).toBe(3);
  });
});
