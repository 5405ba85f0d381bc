import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, FormatError, toDelimitedText } from '../src/import/formats/index.ts';
import { ImportError } from '../src/import/ledger.ts';

const DIR = join(import.meta.dirname, 'fixtures', 'formats');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DIR, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The FormatError a conversion throws (fails the test if it resolves or throws something else). */
async function formatError(bytes: Uint8Array, fileName: string): Promise<FormatError> {
  try {
    await toDelimitedText(bytes, fileName);
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError);
    return e as FormatError;
  }
  throw new Error(`${fileName} converted without an error`);
}

/** Cut points spread over the whole file, so every part of the structure gets truncated once. */
const cuts = (length: number, n = 24) =>
  Array.from({ length: n }, (_, i) => Math.floor((length * i) / n) + 1);

describe('corrupt inputs give clear errors, never a hang', { timeout: 20_000 }, () => {
  it('truncated xlsx', async () => {
    const bytes = fixture('cases.xlsx');
    for (const cut of cuts(bytes.length)) {
      const e = await formatError(bytes.slice(0, cut), 'cases.xlsx');
      expect(e.reason).toBe('corrupt_file');
      expect(e.message).toMatch(
        /^cases\.xlsx: the workbook is damaged or incomplete \(.+\); open and re-save/,
      );
    }
  });

  it('truncated parquet', async () => {
    const bytes = fixture('cases.parquet');
    for (const cut of cuts(bytes.length)) {
      const e = await formatError(bytes.slice(0, cut), 'cases.parquet');
      expect(e.reason).toBe('corrupt_file');
      expect(e.message).toMatch(
        /^cases\.parquet: not a complete, readable Parquet file \(.+\); export it again\.$/,
      );
    }
  });

  it('truncated Arrow IPC file and stream', async () => {
    for (const name of ['cases.arrow', 'cases.arrows']) {
      const bytes = fixture(name);
      const e = await formatError(bytes.slice(0, Math.floor(bytes.length / 2)), name);
      expect(e.message).toMatch(
        new RegExp(`^${name.replace('.', '\\.')}: not a complete, readable Arrow IPC file`),
      );
    }
  });

  it('an invalid NDJSON line is named by its number', async () => {
    const lines = new TextDecoder().decode(fixture('cases.ndjson')).split('\n');
    lines[2] = lines[2]?.slice(0, 20) ?? '';
    const e = await formatError(utf8(lines.join('\n')), 'x.ndjson');
    expect(e.reason).toBe('invalid_json');
    expect(e.message).toBe('x.ndjson: line 3 is not valid JSON (expected an array of objects or NDJSON).');
  });

  it('a broken JSON document names the line where parsing failed', async () => {
    const text = '[\n  {"a": 1},\n  {"a": 2,}\n]\n';
    const e = await formatError(utf8(text), 'x.json');
    expect(e.message).toBe('x.json: line 3 is not valid JSON (expected an array of objects or NDJSON).');
  });

  it('JSON that is not records', async () => {
    expect((await formatError(utf8('[{"a": 1}, 2]'), 'x.json')).message).toBe(
      'x.json: item 2 of the array is not an object (expected an array of objects or NDJSON).',
    );
    expect((await formatError(utf8('{"a": 1}\n[1]\n'), 'x.ndjson')).message).toBe(
      'x.ndjson: line 2 is not a JSON object (expected an array of objects or NDJSON).',
    );
    expect((await formatError(utf8('[]'), 'x.json')).reason).toBe('empty_file');
    expect((await formatError(utf8('{"a": [{"x": 1}], "b": [{"y": 2}]}'), 'x.json')).message).toMatch(
      /several arrays of records found \(a, b\)/,
    );
  });

  it('random bytes named as a binary format', async () => {
    const noise = Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919 + 13) % 251);
    expect((await formatError(noise, 'x.parquet')).reason).toBe('corrupt_file');
    expect((await formatError(noise, 'x.arrow')).reason).toBe('corrupt_file');
    const parquetLike = new Uint8Array([...utf8('PAR1'), ...noise, ...utf8('PAR1')]);
    expect((await formatError(parquetLike, 'x.parquet')).message).toMatch(/^x\.parquet: not a complete/);
  });

  it('damaged sheet XML inside an intact zip', async () => {
    const zip = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="S" sheetId="1"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1"><c r="A1" t="s'),
    });
    const e = await formatError(zip, 'broken.xlsx');
    expect(e.message).toMatch(/^broken\.xlsx: the workbook is damaged \(unterminated tag at offset \d+\)/);
  });
});

describe('files that are not a supported format say what to do', () => {
  it('an empty file', async () => {
    const e = await formatError(new Uint8Array(), 'cases.csv');
    expect(e).toBeInstanceOf(ImportError);
    expect(e.code).toBe('empty_file');
    expect(e.message).toBe('cases.csv: the file is empty.');
  });

  it('an unknown text encoding', async () => {
    await expect(toDelimitedText(utf8('a,b\n1,2\n'), 'x.csv', { encoding: 'ebcdic-9' })).rejects.toThrow(
      "x.csv: unknown text encoding 'ebcdic-9'.",
    );
  });

  it('old .xls (OLE2) workbooks', () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    expect(() => detectFormat(ole, 'cases.xls')).toThrow(
      /cases\.xls: an old Excel 97-2003 \(\.xls\) workbook/,
    );
  });

  it('HTML saved with an .xls name', async () => {
    const e = await formatError(utf8('<html><body><table><tr><td>办件编号</td></tr></table>'), 'export.xls');
    expect(e.reason).toBe('unsupported_format');
    expect(e.message).toMatch(/^export\.xls: an HTML or XML page, not a spreadsheet/);
  });

  it('a zip that holds something other than a workbook', async () => {
    const zip = zipSync({ 'cases.csv': strToU8('a,b\n1,2\n') });
    const e = await formatError(zip, 'cases.zip');
    expect(e.message).toBe(
      'cases.zip: a zip archive, not an Excel workbook; unzip it and import the file inside.',
    );
  });

  it('an OpenDocument spreadsheet', async () => {
    // ODF stores its mimetype entry first and uncompressed.
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    });
    expect((await formatError(ods, 'cases.ods')).message).toMatch(/OpenDocument spreadsheet \(\.ods\)/);
  });

  it('an .xlsb binary workbook', async () => {
    const xlsb = zipSync({
      '_rels/.rels': strToU8(
        '<Relationships><Relationship Id="rId1" Target="xl/workbook.bin" ' +
          'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>' +
          '</Relationships>',
      ),
      'xl/workbook.bin': new Uint8Array([1, 2, 3]),
    });
    expect((await formatError(xlsb, 'cases.xlsb')).message).toBe(
      'cases.xlsb: an Excel binary workbook (.xlsb); save it as .xlsx or CSV (UTF-8).',
    );
  });

  it('gzip-compressed exports', () => {
    expect(() => detectFormat(new Uint8Array([0x1f, 0x8b, 8, 0]), 'cases.csv.gz')).toThrow(
      'cases.csv.gz: a gzip-compressed file; decompress it first.',
    );
  });

  it('a sheet with no data', async () => {
    const zip = zipSync({
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="空表" sheetId="1"/></sheets></workbook>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData/></worksheet>'),
    });
    const e = await formatError(zip, 'empty.xlsx');
    expect(e.reason).toBe('empty_file');
    expect(e.message).toBe("empty.xlsx: sheet '空表' has no data.");
  });
});
