import { scannedAsArrived, WasmEngine } from '@assessment-dashboard/core';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../core/src/import/import-file.ts';
import expected from '../../core/test/fixtures/expected-cases.json';
import { sharedDuckDB } from '../src/duckdb/shared-db.ts';
import { fetchInWorker } from '../src/load/fetch-in-worker.ts';

/** The same fixtures as the Node test, imported by DuckDB-WASM in Chromium: identical tables. */
const FIXTURES = '/packages/core/test/fixtures/formats/';
const FILES = [
  'cases.csv',
  'cases-gb18030-title.csv',
  'cases.tsv',
  'cases.xlsx',
  'cases.parquet',
  'cases.arrow',
  'cases.json',
];
const SELECT = `SELECT case_id, dept_name, apply_channel, strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS submitted,
  strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS closed, closed_online, status, "备注" AS note FROM cases ORDER BY case_id`;

describe('import in Chromium', () => {
  it.each(FILES)('%s gives the same canonical table as in Node', async (file) => {
    const db = await sharedDuckDB('/node_modules/@duckdb/duckdb-wasm/dist/');
    const engine = new WasmEngine(db, `formats_${file.replaceAll(/\W/g, '_')}`);
    try {
      const bytes = new Uint8Array(await (await fetch(FIXTURES + file)).arrayBuffer());
      const s = await importFile(engine, file, bytes);
      expect(s).toMatchObject({ dataset: 'cases', rejected: 0 });
      const rows = (await engine.query(SELECT)).toArray().map((r) => r.toJSON());
      expect(rows).toEqual(expected);
    } finally {
      await engine.close();
    }
  });

  it('cases.csv with mixed line ends, downloaded by the worker (its scan sees them), gives the same table', async () => {
    const db = await sharedDuckDB('/node_modules/@duckdb/duckdb-wasm/dist/');
    const engine = new WasmEngine(db, 'formats_mixed_line_ends');
    try {
      const text = await (await fetch(`${FIXTURES}cases.csv`)).text();
      const lines = text.split('\n');
      const mixed = lines.map((l, i) => (i === 2 ? `${l}\r` : l)).join('\n');
      const url = URL.createObjectURL(new Blob([mixed], { type: 'text/csv' }));
      const worker = () =>
        new Worker(new URL('../src/load/fetch.worker.ts', import.meta.url), { type: 'module' });
      const bytes = await fetchInWorker(worker, url, () => {});
      expect(scannedAsArrived.get(bytes)?.notes).toMatchObject({ crlf: true, bareLf: true });
      const s = await importFile(engine, 'cases.csv', bytes);
      expect(s).toMatchObject({ dataset: 'cases', rejected: 0, read: expected.length });
      expect((await engine.query(SELECT)).toArray().map((r) => r.toJSON())).toEqual(expected);
    } finally {
      await engine.close();
    }
  });
});
