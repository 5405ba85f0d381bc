import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import {
  Bool,
  DateDay,
  Decimal,
  Dictionary,
  Field,
  Float32,
  Int32,
  Int64,
  List,
  makeData,
  makeVector,
  Struct,
  Table,
  TimeMillisecond,
  TimestampMicrosecond,
  TimestampMillisecond,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandExponent, numberText } from '../src/import/formats/cell-text.ts';
import { dropCsvTitleRows } from '../src/import/formats/csv-title-rows.ts';
import {
  codeKind,
  excelNumberText,
  formatKind,
  serialText,
} from '../src/import/formats/excel-number-formats.ts';
import { toDelimitedText } from '../src/import/formats/index.ts';
import { findHeaderRow } from '../src/import/formats/title-rows.ts';
import { parseCsv } from './fixtures/format-cases.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const convert = async (bytes: Uint8Array, name: string, sheet?: string | number) => {
  const result = await toDelimitedText(bytes, name, { sheet });
  return { ...result, table: parseCsv(result.text) };
};

describe('numbers and dates as text', () => {
  it('writes numbers in plain decimal form', () => {
    expect(numberText(1e21)).toBe('1000000000000000000000');
    expect(numberText(1.5e-7)).toBe('0.00000015');
    expect(numberText(-2.5e-10)).toBe('-0.00000000025');
    expect(numberText(Number.NaN)).toBe('');
    expect(expandExponent('1.2345e+3')).toBe('1234.5');
  });

  it("keeps Excel integers exact and other values to Excel's 15 digits", () => {
    expect(excelNumberText('123456789012345678')).toBe('123456789012345678');
    expect(excelNumberText('0.30000000000000004')).toBe('0.3');
    expect(excelNumberText('1.2345678901234567E+20')).toBe('123456789012346000000');
    expect(excelNumberText('1E-3')).toBe('0.001');
  });

  it('tells date formats from number formats', () => {
    expect(codeKind('yyyy-mm-dd hh:mm:ss')).toBe('datetime');
    expect(codeKind('[$-804]yyyy"年"m"月"d"日";@')).toBe('datetime');
    expect(codeKind('[DBNum1][$-804]yyyy"年"m"月"')).toBe('datetime');
    expect(codeKind('mmm-yy')).toBe('datetime');
    expect(codeKind('h:mm AM/PM')).toBe('time');
    expect(codeKind('上午/下午h"时"mm"分"')).toBe('time');
    expect(codeKind('[h]:mm:ss')).toBe('number');
    expect(codeKind('0.00_);[Red](0.00)')).toBe('number');
    expect(codeKind('#,##0"件"')).toBe('number');
    expect(codeKind('0.00E+00')).toBe('number');
    expect(codeKind('G/通用格式')).toBe('number');
    expect(codeKind('@')).toBe('number');
    expect(formatKind(14, undefined)).toBe('datetime');
    expect(formatKind(22, undefined)).toBe('datetime');
    expect(formatKind(20, undefined)).toBe('time');
    expect(formatKind(46, undefined)).toBe('number');
    expect(formatKind(2, undefined)).toBe('number');
  });

  it('turns Excel serials into wall-clock text', () => {
    expect(serialText(45658, 'datetime', false)).toBe('2025-01-01');
    expect(serialText(45658.375, 'datetime', false)).toBe('2025-01-01 09:00:00');
    // 16:45:30 typed into Excel is stored with binary noise; it still reads back to the second.
    expect(serialText(45660.69826388889, 'datetime', false)).toBe('2025-01-03 16:45:30');
    expect(serialText(0.5, 'time', false)).toBe('12:00:00');
    expect(serialText(45658.5, 'time', false)).toBe('2025-01-01 12:00:00');
    expect(serialText(1, 'datetime', false)).toBe('1900-01-01');
    expect(serialText(61, 'datetime', false)).toBe('1900-03-01');
    expect(serialText(0, 'datetime', true)).toBe('1904-01-01');
    expect(serialText(-1, 'datetime', false)).toBeUndefined();
    expect(serialText(45658, 'number', false)).toBeUndefined();
  });
});

describe('title rows', () => {
  it('finds the header below captions and sparse info lines', () => {
    const row = (n: number, width = 10) => Array.from({ length: width }, (_, i) => (i < n ? `c${i}` : ''));
    expect(findHeaderRow([row(1), row(2), row(10), row(10)])).toBe(2);
    expect(findHeaderRow([row(10), row(10)])).toBe(0);
    expect(findHeaderRow([undefined, row(0), row(1), row(4, 4), row(3, 4)])).toBe(3);
    expect(findHeaderRow([['名单'], ['张三'], ['李四']])).toBe(0);
    expect(findHeaderRow([[''], ['名单'], ['张三']])).toBe(1);
  });

  it('drops title lines from delimited text and leaves the rest untouched', () => {
    const body = 'a,b,c,d,e\n1,2,3,4,5\n6,7,8,9,10\n';
    const titled = `2025年度办件明细表\n填报单位：县政务服务中心,,,统计日期：2025-01,\n${body}`;
    expect(dropCsvTitleRows(titled)).toEqual({ text: body, titleRows: 2, headerRow: 2 });
    const tsv = '办件明细\t\t\n\n办件编号\t受理部门\t状态\nA1\t县局\t已办结\n';
    expect(dropCsvTitleRows(tsv)).toEqual({
      text: '办件编号\t受理部门\t状态\nA1\t县局\t已办结\n',
      titleRows: 1,
      headerRow: 2,
    });
    const quotedHeader = '"标题"\r\n"办件\n编号",b,c\r\n1,2,3\r\n';
    expect(dropCsvTitleRows(quotedHeader).text).toBe('"办件\n编号",b,c\r\n1,2,3\r\n');
    expect(dropCsvTitleRows(body).text).toBe(body);
    expect(dropCsvTitleRows('名单\n张三\n李四\n').titleRows).toBe(0);
  });
});

/** A hand-written workbook with the quirks real exporters produce. */
function quirkyWorkbook(): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const rel = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="${ns}/${type}" Target="${target}"/>`;
  const inline = (ref: string, text: string) =>
    `<x:c r="${ref}" t="inlineStr"><x:is><x:t>${text}</x:t></x:is></x:c>`;
  const serial1904 = (Date.UTC(2025, 0, 2) - Date.UTC(1904, 0, 1)) / 86_400_000;
  return zipSync({
    '_rels/.rels': strToU8(
      `<Relationships>${rel('rId1', 'officeDocument', 'xl/workbook.xml')}</Relationships>`,
    ),
    'xl/workbook.xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        '<workbookPr date1904="1"/><sheets>' +
        '<sheet name="隐藏" sheetId="1" state="hidden" r:id="rId1"/>' +
        '<sheet name="数据" sheetId="2" r:id="rId2"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<Relationships>${rel('rId1', 'worksheet', 'worksheets/sheet1.xml')}` +
        rel('rId2', 'worksheet', '/xl/worksheets/data.xml') +
        rel('rId3', 'sharedStrings', 'sharedStrings.xml') +
        `${rel('rId4', 'styles', 'styles.xml')}</Relationships>`,
    ),
    'xl/styles.xml': strToU8(
      '<styleSheet><numFmts count="4">' +
        '<numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>' +
        '<numFmt numFmtId="165" formatCode="[h]:mm:ss"/>' +
        '<numFmt numFmtId="166" formatCode="0.00_);[Red](0.00)"/>' +
        '<numFmt numFmtId="167" formatCode="h:mm AM/PM"/></numFmts>' +
        '<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>' +
        '<cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/>' +
        '<xf numFmtId="165"/>' +
        '<xf numFmtId="166"/><xf numFmtId="14"/><xf numFmtId="167"/></cellXfs></styleSheet>',
    ),
    'xl/sharedStrings.xml': strToU8(
      '<sst><si><t>办件编号</t></si>' +
        '<si><r><t>受理</t></r><r><rPr><b/></rPr><t xml:space="preserve">部门 </t></r>' +
        '<rPh sb="0" eb="2"><t>ショウリ</t></rPh></si>' +
        '<si><t>A&amp;B_x000D_</t></si><si><t>县局</t></si></sst>',
    ),
    'xl/worksheets/sheet1.xml': strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>',
    ),
    'xl/worksheets/data.xml': strToU8(
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
        `<x:row r="1">${inline('A1', '2025年度办件明细表')}</x:row>` +
        '<x:row r="2"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="B2" t="s"><x:v>1</x:v></x:c>' +
        `${inline('C2', '日期')}${inline('D2', '时长')}${inline('E2', '金额')}${inline('F2', '时间')}` +
        `${inline('G2', '布尔')}${inline('H2', '错误')}${inline('I2', 'ISO')}${inline('J2', '公式')}</x:row>` +
        `<x:row r="3">${inline('A3', 'X1')}<x:c r="B3" t="s"><x:v>2</x:v></x:c>` +
        `<x:c r="C3" s="1"><x:v>${serial1904}</x:v></x:c><x:c r="D3" s="2"><x:v>1.5</x:v></x:c>` +
        '<x:c r="E3" s="3"><x:v>1234.5</x:v></x:c><x:c r="F3" s="5"><x:v>0.5</x:v></x:c>' +
        '<x:c r="G3" t="b"><x:v>1</x:v></x:c><x:c r="H3" t="e"><x:v>#N/A</x:v></x:c>' +
        '<x:c r="I3" t="d"><x:v>2025-01-02T09:30:00</x:v></x:c>' +
        '<x:c r="J3" t="str"><x:f>A3&amp;"x"</x:f><x:v>X1x</x:v></x:c><x:c r="K3" s="3"/></x:row>' +
        // Cells without references follow on from the previous one.
        '<x:row><x:c t="inlineStr"><x:is><x:t>X2</x:t></x:is></x:c><x:c t="s"><x:v>3</x:v></x:c>' +
        inline('C4', '合并') +
        '<x:c r="J4" t="inlineStr"><x:is><x:t><![CDATA[<b>]]>&#x4E2D;</x:t></x:is></x:c>' +
        '</x:row><x:row r="6"><x:c r="K6" s="3"/></x:row></x:sheetData>' +
        '<x:mergeCells count="2"><x:mergeCell ref="A1:J1"/><x:mergeCell ref="C4:E4"/></x:mergeCells>' +
        '</x:worksheet>',
    ),
  });
}

describe('xlsx details', () => {
  it('reads prefixed XML, rich and inline strings, cell types, 1904 dates and merges', async () => {
    const { table, sheet, sheets, titleRows } = await convert(quirkyWorkbook(), 'quirky.xlsx');
    expect({ sheet, sheets, titleRows }).toEqual({ sheet: '数据', sheets: ['隐藏', '数据'], titleRows: 1 });
    expect(table).toEqual([
      ['办件编号', '受理部门 ', '日期', '时长', '金额', '时间', '布尔', '错误', 'ISO', '公式'],
      [
        'X1',
        'A&B\r',
        '2025-01-02',
        '1.5',
        '1234.5',
        '12:00:00',
        'TRUE',
        '#N/A',
        '2025-01-02 09:30:00',
        'X1x',
      ],
      ['X2', '县局', '合并', '合并', '合并', '', '', '', '', '<b>中'],
    ]);
  });

  it('reads a hidden sheet when asked for it', async () => {
    const { table } = await convert(quirkyWorkbook(), 'quirky.xlsx', '隐藏');
    expect(table).toEqual([['1']]);
  });

  it('matches sheet names ignoring case and spaces', async () => {
    const { sheet } = await convert(quirkyWorkbook(), 'quirky.xlsx', ' 数 据 ');
    expect(sheet).toBe('数据');
  });
});

describe('json details', () => {
  it('takes the union of keys in first-seen order and stringifies nested values', async () => {
    const text = JSON.stringify([
      { id: 'A1', n: 1e21, ok: true, tags: ['x', 'y'] },
      { id: 'A2', extra: { a: 1 }, n: 0.1, ok: false, tags: null },
    ]);
    const { table } = await convert(utf8(text), 'x.json');
    expect(table).toEqual([
      ['id', 'n', 'ok', 'tags', 'extra'],
      ['A1', '1000000000000000000000', 'true', '["x","y"]', ''],
      ['A2', '0.1', 'false', '', '{"a":1}'],
    ]);
  });

  it('unwraps an API response holding one array of records', async () => {
    const text = JSON.stringify({ code: 0, msg: 'ok', data: { total: 2, rows: [{ a: 1 }, { a: 2 }] } });
    expect((await convert(utf8(text), 'api.json')).table).toEqual([['a'], ['1'], ['2']]);
  });

  it('reads NDJSON with CRLF line ends and blank lines', async () => {
    const text = '{"a":1,"b":"x"}\r\n\r\n{"a":2}\r\n';
    expect((await convert(utf8(text), 'x.ndjson')).table).toEqual([
      ['a', 'b'],
      ['1', 'x'],
      ['2', ''],
    ]);
  });

  it('decodes GB18030 JSON like CSV', async () => {
    // {"部门":"县局"} in GB18030
    const bytes = Uint8Array.from([
      0x7b, 0x22, 0xb2, 0xbf, 0xc3, 0xc5, 0x22, 0x3a, 0x22, 0xcf, 0xd8, 0xbe, 0xd6, 0x22, 0x7d,
    ]);
    const result = await convert(bytes, 'x.json');
    expect(result.encoding).toBe('gb18030');
    expect(result.table).toEqual([['部门'], ['县局']]);
  });
});

describe('arrow details', () => {
  it('formats typed columns', async () => {
    const ms = Date.UTC(2025, 0, 2, 1, 0, 0);
    const decimals = makeVector(
      makeData({
        type: new Decimal(2, 10, 128),
        length: 2,
        nullCount: 0,
        data: new Uint32Array([0xffffcfc7, 0xffffffff, 0xffffffff, 0xffffffff, 500, 0, 0, 0]),
      }),
    );
    const table = new Table({
      big: vectorFromArray([12345678901234567n, null], new Int64()),
      dec: decimals,
      flag: vectorFromArray([true, false], new Bool()),
      day: vectorFromArray([new Date(Date.UTC(2025, 0, 2)), null], new DateDay()),
      instant: vectorFromArray([ms, null], new TimestampMillisecond('Asia/Shanghai')),
      local: vectorFromArray([ms, Date.UTC(2025, 0, 3)], new TimestampMicrosecond()),
      time: vectorFromArray([3_661_000, null], new TimeMillisecond()),
      dict: vectorFromArray(['窗口', '窗口'], new Dictionary(new Utf8(), new Int32())),
      list: vectorFromArray([[1, 2], []], new List(new Field('item', new Int32(), true))),
      struct: vectorFromArray(
        [{ x: 1, y: 'a' }, null],
        new Struct([new Field('x', new Int32(), true), new Field('y', new Utf8(), true)]),
      ),
      f32: vectorFromArray([0.1, null], new Float32()),
    });
    const { table: rows } = await convert(tableToIPC(table, 'stream'), 'typed.arrows');
    expect(rows).toEqual([
      ['big', 'dec', 'flag', 'day', 'instant', 'local', 'time', 'dict', 'list', 'struct', 'f32'],
      [
        '12345678901234567',
        '-123.45',
        'true',
        '2025-01-02',
        '2025-01-02 01:00:00Z',
        '2025-01-02 01:00:00',
        '01:01:01',
        '窗口',
        '[1,2]',
        '{"x":1,"y":"a"}',
        '0.1',
      ],
      ['', '5', 'false', '', '', '2025-01-03', '', '窗口', '[]', '', ''],
    ]);
  });
});

describe('parquet written by DuckDB', () => {
  let dir: string;
  let instance: DuckDBInstance;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'formats-parquet-'));
    instance = await DuckDBInstance.create(':memory:');
  });
  afterAll(() => {
    instance.closeSync();
    rmSync(dir, { recursive: true, force: true });
  });

  const write = async (codec: string) => {
    const path = join(dir, `${codec}.parquet`);
    const conn = await instance.connect();
    await conn.run(`COPY (SELECT * FROM (VALUES
        ('A1', TIMESTAMP '2025-01-02 09:00:00', TIMESTAMPTZ '2025-01-02 01:00:00+00', DATE '2025-01-02',
         123.45::DECIMAL(10, 2), 12345678901234567::BIGINT, true, 0.1::FLOAT, TIME '09:30:15', [1, 2], 'x'),
        ('A2', TIMESTAMP '2025-01-03 00:00:00', NULL, NULL, -0.5::DECIMAL(10, 2), NULL, false,
         NULL, NULL, [], NULL))
      AS t(id, local_ts, utc_ts, day, amount, big, flag, f32, clock, list, note))
      TO '${path}' (FORMAT parquet, COMPRESSION ${codec})`);
    conn.closeSync();
    return new Uint8Array(readFileSync(path));
  };

  it.each(['snappy', 'gzip', 'zstd', 'uncompressed'])(
    'reads %s pages and formats each type',
    async (codec) => {
      const { table } = await convert(await write(codec), `${codec}.parquet`);
      expect(table).toEqual([
        ['id', 'local_ts', 'utc_ts', 'day', 'amount', 'big', 'flag', 'f32', 'clock', 'list', 'note'],
        [
          'A1',
          '2025-01-02 09:00:00',
          '2025-01-02 01:00:00Z',
          '2025-01-02',
          '123.45',
          '12345678901234567',
          'true',
          '0.1',
          '09:30:15',
          '[1,2]',
          'x',
        ],
        ['A2', '2025-01-03', '', '', '-0.5', '', 'false', '', '', '[]', ''],
      ]);
    },
  );

  it('rejects codecs it does not ship, saying which', async () => {
    await expect(toDelimitedText(await write('brotli'), 'b.parquet')).rejects.toThrow(
      'b.parquet: Parquet compression BROTLI is not supported; ' +
        'write the file with snappy, gzip or zstd compression.',
    );
  });
});
