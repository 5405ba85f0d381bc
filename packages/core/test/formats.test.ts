import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { detectFormat, FormatError, type InputFormat, toDelimitedText } from '../src/import/formats/index.ts';
import { literal } from '../src/sql/quote.ts';
import { CASE_HEADER, CASE_ROWS, parseCsv } from './fixtures/format-cases.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'formats');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));

interface Case {
  file: string;
  format: InputFormat;
  /** delimiter of the returned text (csv input is returned as it is) */
  delimiter: string;
  encoding: string;
  titleRows: number;
  sheet?: string | number;
}

const CASES: Case[] = [
  { file: 'cases.csv', format: 'csv', delimiter: ',', encoding: 'utf-8', titleRows: 0 },
  { file: 'cases-bom.csv', format: 'csv', delimiter: ',', encoding: 'utf-8-bom', titleRows: 0 },
  { file: 'cases-gb18030-title.csv', format: 'csv', delimiter: ',', encoding: 'gb18030', titleRows: 1 },
  { file: 'cases.tsv', format: 'csv', delimiter: '\t', encoding: 'utf-8', titleRows: 0 },
  { file: 'cases-semicolon.csv', format: 'csv', delimiter: ';', encoding: 'utf-8', titleRows: 0 },
  { file: 'cases.xlsx', format: 'xlsx', delimiter: ',', encoding: 'utf-8', titleRows: 1 },
  {
    file: 'cases-second-sheet.xlsx',
    format: 'xlsx',
    delimiter: ',',
    encoding: 'utf-8',
    titleRows: 0,
    sheet: '办件明细',
  },
  {
    file: 'cases-second-sheet.xlsx',
    format: 'xlsx',
    delimiter: ',',
    encoding: 'utf-8',
    titleRows: 0,
    sheet: 1,
  },
  { file: 'cases.parquet', format: 'parquet', delimiter: ',', encoding: 'utf-8', titleRows: 0 },
  { file: 'cases.arrow', format: 'arrow', delimiter: ',', encoding: 'utf-8', titleRows: 0 },
  { file: 'cases.arrows', format: 'arrow', delimiter: ',', encoding: 'utf-8', titleRows: 0 },
  { file: 'cases.json', format: 'json', delimiter: ',', encoding: 'utf-8', titleRows: 0 },
  { file: 'cases.ndjson', format: 'json', delimiter: ',', encoding: 'utf-8', titleRows: 0 },
];

const label = (c: Case) => (c.sheet === undefined ? c.file : `${c.file} [sheet ${c.sheet}]`);

describe('detectFormat', () => {
  it.each(CASES)('detects $format for $file', ({ file, format }) => {
    expect(detectFormat(fixture(file), file)).toBe(format);
  });

  it('trusts the bytes over a wrong extension', () => {
    expect(detectFormat(fixture('cases.parquet'), 'cases.csv')).toBe('parquet');
    expect(detectFormat(fixture('cases.xlsx'), 'cases.json')).toBe('xlsx');
    expect(detectFormat(fixture('cases.arrows'), 'export.bin')).toBe('arrow');
    expect(detectFormat(fixture('cases.json'), 'cases.txt')).toBe('json');
    expect(detectFormat(fixture('cases.csv'), 'cases.xlsx')).toBe('csv');
  });

  it('uses the extension only when the bytes leave it open', () => {
    const bracketTitle = new TextEncoder().encode('[2025]办件明细\n办件编号,受理部门\nA1,县局\n');
    expect(detectFormat(bracketTitle, 'cases.csv')).toBe('csv');
    expect(detectFormat(new TextEncoder().encode('[1, 2]'), 'x.json')).toBe('json');
    expect(detectFormat(new TextEncoder().encode('\uFEFF  {"a": 1}'), 'x.dat')).toBe('json');
  });
});

describe('toDelimitedText', () => {
  it.each(CASES)('converts $file to the same header and rows', async (c) => {
    const result = await toDelimitedText(fixture(c.file), c.file, { sheet: c.sheet });
    expect(result.format).toBe(c.format);
    expect(result.encoding).toBe(c.encoding);
    expect(result.titleRows).toBe(c.titleRows);
    const [header, ...rows] = parseCsv(result.text, c.delimiter);
    expect(header, label(c)).toEqual(CASE_HEADER);
    expect(rows.length, label(c)).toBe(CASE_ROWS.length);
    rows.forEach((row, r) => {
      row.forEach((cell, i) => {
        expect(cell, `${label(c)} row ${r + 1} ${CASE_HEADER[i]}`).toBe(CASE_ROWS[r]?.[i]);
      });
    });
  });

  it('writes RFC 4180 text with \\n line ends for the binary formats', async () => {
    const { text } = await toDelimitedText(fixture('cases.parquet'), 'cases.parquet');
    expect(text).not.toContain('\r');
    expect(text.endsWith('\n')).toBe(true);
    expect(text).toContain('"加急,当日办结"');
    expect(text).toContain('"材料""待补正"""');
    expect(text).toContain('"跨年\n复核"');
  });

  it('reports the title row it dropped and where the header was', async () => {
    const gb = await toDelimitedText(fixture('cases-gb18030-title.csv'), 'cases-gb18030-title.csv');
    expect(gb.headerRow).toBe(2);
    expect(gb.text.startsWith('办件编号,')).toBe(true);
    const xlsx = await toDelimitedText(fixture('cases.xlsx'), 'cases.xlsx');
    expect(xlsx).toMatchObject({ sheet: '明细', sheets: ['明细', '汇总'], titleRows: 1, headerRow: 2 });
  });

  it('reads the first sheet by default and others by name or index', async () => {
    const first = await toDelimitedText(fixture('cases-second-sheet.xlsx'), 'cases-second-sheet.xlsx');
    expect(first.sheet).toBe('填报说明');
    expect(first.sheets).toEqual(['填报说明', '办件明细']);
    const summary = await toDelimitedText(fixture('cases.xlsx'), 'cases.xlsx', { sheet: '汇总' });
    expect(parseCsv(summary.text)).toEqual([
      ['受理部门', '办件数'],
      ['县市场监督管理局', '2'],
      ['县自然资源局', '2'],
      ['县人力资源和社会保障局', '1'],
    ]);
    const byIndex = await toDelimitedText(fixture('cases.xlsx'), 'cases.xlsx', { sheet: 1 });
    expect(byIndex.text).toBe(summary.text);
  });

  it('names the missing sheet and lists the real ones', async () => {
    const run = toDelimitedText(fixture('cases.xlsx'), 'cases.xlsx', { sheet: '办件' });
    await expect(run).rejects.toThrow(FormatError);
    await expect(run).rejects.toThrow("cases.xlsx: sheet '办件' not found; sheets are: 明细, 汇总");
    await expect(toDelimitedText(fixture('cases.xlsx'), 'cases.xlsx', { sheet: 2 })).rejects.toThrow(
      'cases.xlsx: sheet index 2 not found (indexes start at 0); sheets are: 明细, 汇总',
    );
  });

  it('honours an explicit encoding for csv', async () => {
    const result = await toDelimitedText(fixture('cases-gb18030-title.csv'), 'x.csv', { encoding: 'gbk' });
    expect(result.encoding).toBe('gb18030');
    expect(result.titleRows).toBe(1);
  });
});

describe('DuckDB reads every conversion the way the importer does', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
  });
  afterAll(async () => {
    await engine.close();
  });

  it.each(CASES)('read_csv of $file gives the case table', async (c) => {
    const { text } = await toDelimitedText(fixture(c.file), c.file, { sheet: c.sheet });
    const path = await engine.registerText(`formats-${c.file}-${String(c.sheet ?? '')}.csv`, text);
    const table = await engine.query(
      `SELECT * FROM read_csv(${literal(path)}, all_varchar = true, header = true, null_padding = true)`,
    );
    expect(table.schema.fields.map((f) => f.name)).toEqual(CASE_HEADER);
    const rows = table.toArray().map((row) => CASE_HEADER.map((h) => String(row[h] ?? '')));
    expect(rows).toEqual(CASE_ROWS);
  });
});
