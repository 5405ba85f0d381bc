import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { Table, tableToIPC, Utf8, type Vector, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { DATASETS } from '../src/schema/datasets.ts';
import type { DatasetKey } from '../src/schema/types.ts';
import { delimited, gb18030Encoder, parseCsv } from './fixtures/format-cases.ts';

/**
 * Format × encoding × dataset: the first rows of each sample export, written at test time in every format
 * and encoding we accept, must load into the same canonical table as the UTF-8 CSV.
 */
const DATA = join(import.meta.dirname, '../../../data');
const ROWS = 40;
const utf8 = (s: string) => new TextEncoder().encode(s);
const gb18030 = gb18030Encoder();

type Writer = (header: string[], rows: string[][]) => Uint8Array;
const orNull = (s: string) => (s === '' ? null : s);

const WRITERS: Record<string, Writer> = {
  'utf8-bom.csv': (h, r) => utf8(`\uFEFF${delimited([h, ...r], ',', '\r\n')}`),
  'gb18030-title.csv': (h, r) =>
    gb18030(delimited([['导出明细', ...h.slice(1).map(() => '')], h, ...r], ',', '\r\n')),
  'tab.tsv': (h, r) => utf8(delimited([h, ...r], '\t')),
  'sheet.xlsx': (h, r) => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['导出明细'], h, ...r]), '明细');
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  },
  'rows.json': (h, r) =>
    utf8(JSON.stringify(r.map((row) => Object.fromEntries(h.map((k, i) => [k, orNull(row[i] ?? '')]))))),
  'rows.ndjson': (h, r) =>
    utf8(
      r
        .map((row) => JSON.stringify(Object.fromEntries(h.map((k, i) => [k, orNull(row[i] ?? '')]))))
        .join('\n'),
    ),
  'table.arrow': (h, r) => {
    const vectors: Record<string, Vector> = {};
    h.forEach((k, i) => {
      vectors[k] = vectorFromArray(
        r.map((row) => orNull(row[i] ?? '')),
        new Utf8(),
      );
    });
    return tableToIPC(new Table(vectors), 'file');
  },
  'table.parquet': (h, r) =>
    new Uint8Array(
      parquetWriteBuffer({
        columnData: h.map((name, i) => ({
          name,
          data: r.map((row) => orNull(row[i] ?? '')),
          type: 'STRING' as const,
        })),
      }),
    ),
};

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

async function table(dataset: DatasetKey, file: string, bytes: Uint8Array) {
  const s = await importFile(engine, file, bytes, { dataset });
  const t = await engine.query(`SELECT * EXCLUDE (_row) FROM ${DATASETS[dataset].table} ORDER BY ALL`);
  return { summary: s, rows: t.toArray().map((r) => JSON.stringify(r.toJSON())) };
}

describe.each(['cases', 'items', 'disclosures', 'requests', 'hotline'] as const)('%s', (dataset) => {
  it.each(Object.keys(WRITERS))('%s loads like the UTF-8 CSV', async (format) => {
    const [header = [], ...all] = parseCsv(await readFile(join(DATA, `${dataset}.csv`), 'utf8'));
    const rows = all.slice(0, ROWS);
    const expected = await table(dataset, `${dataset}.csv`, utf8(delimited([header, ...rows], ',')));
    expect(expected.summary).toMatchObject({ read: ROWS, loaded: ROWS, rejected: 0 });
    const writer = WRITERS[format];
    if (!writer) throw new Error(format);
    const got = await table(dataset, `${dataset}-${format}`, writer(header, rows));
    expect(got.summary).toMatchObject({ dataset, read: ROWS, loaded: ROWS, rejected: 0 });
    expect(got.rows).toEqual(expected.rows);
  });
});
