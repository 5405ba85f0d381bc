import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { LEDGER_TABLE } from '../src/import/ledger.ts';
import { loadJsonNatively } from '../src/import/native-json.ts';
import { loadParquetNatively } from '../src/import/native-parquet.ts';

/**
 * Parquet and JSON read by DuckDB's own readers must load exactly what the JS conversion loads: same table, same
 * ledger (row numbers, reasons, values), same summary.
 */
const DIR = join(import.meta.dirname, 'fixtures/formats');
const tmp = mkdtempSync(join(tmpdir(), 'native-parquet-'));

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(async () => {
  await engine.close();
  rmSync(tmp, { recursive: true, force: true });
});

const rowsOf = async (sql: string) => (await engine.query(sql)).toArray().map((r) => r.toJSON());

async function both(name: string, bytes: Uint8Array) {
  const out = [];
  for (const nativeReaders of [true, false]) {
    const summary = await importFile(engine, name, bytes, { nativeReaders });
    out.push({
      summary,
      table: await rowsOf(`SELECT * FROM cases ORDER BY _row`),
      ledger: await rowsOf(`SELECT * FROM ${LEDGER_TABLE} ORDER BY "row", "column", reason`),
    });
  }
  return out as [(typeof out)[0], (typeof out)[0]];
}

/** A Parquet file written by DuckDB from SQL (types as DuckDB writes them). */
async function parquetOf(select: string, compression = 'snappy'): Promise<Uint8Array> {
  const path = join(tmp, `t-${Date.now()}.parquet`);
  await engine.exec(`COPY (${select}) TO '${path}' (FORMAT parquet, COMPRESSION ${compression})`);
  return new Uint8Array(readFileSync(path));
}

describe('Parquet through DuckDB read_parquet', () => {
  it('takes the native path for the fixture (text, local timestamps, doubles)', async () => {
    const bytes = new Uint8Array(readFileSync(join(DIR, 'cases.parquet')));
    const path = await engine.registerBytes('n.parquet', bytes);
    expect(await loadParquetNatively(engine, path, bytes, '__native_probe')).toBe(true);
    const cells = await rowsOf(
      `SELECT "办件编号" AS id, "申请时间" AS t, "办结时间" AS closed, "办理天数" AS days FROM __native_probe LIMIT 2`,
    );
    // Same text as cases.csv: midnight as the date alone, integral doubles without '.0'.
    expect(cells).toEqual([
      { id: 'SP2025000001', t: '2025-01-02 09:00:00', closed: '2025-01-06', days: '3' },
      { id: 'SP2025000002', t: '2025-01-03 09:05:00', closed: '2025-01-03 16:45:30', days: '0.5' },
    ]);
    await engine.exec('DROP TABLE __native_probe');
  });

  it('cases.parquet loads the same table and ledger both ways', async () => {
    const bytes = new Uint8Array(readFileSync(join(DIR, 'cases.parquet')));
    const [native, js] = await both('cases.parquet', bytes);
    expect(native.summary.loaded).toBeGreaterThan(0);
    expect(native).toEqual(js);
  });

  it('rejections, warnings and row numbers match for damaged values of every native type', async () => {
    const bytes = await parquetOf(`SELECT * FROM (VALUES
      ('SP1', '县民政局', '窗口', TIMESTAMP '2025-03-01 08:00:00.250', DATE '2025-03-02', true, 2, 1.25::DOUBLE, '', ' a '),
      ('SP1', '县民政局', '网上', TIMESTAMP '2025-03-01 00:00:00', DATE '2025-03-02', false, 3, 2.0, 'dup', 'NULL'),
      (NULL, '县民政局', '邮寄', NULL, NULL, NULL, NULL, NULL, NULL, '   '),
      ('SP3', '', '飞鸽', TIMESTAMP '2025-03-04 12:00:00', DATE '2025-03-05', true, -1, 'NaN'::DOUBLE, 'a,"b"', e'line\\nbreak\\r'),
      ('SP4', '县民政局', '窗口', TIMESTAMP '2025-03-04 12:00:00', DATE '2025-03-05', true, 5, 0.1, 'x', '\\N')
    ) t("办件编号", "受理部门", "申报渠道", "申请时间", "办结时间", "是否网上办结", "办理天数", "评分", "备注", "说明")`);
    const path = await engine.registerBytes('m.parquet', bytes);
    expect(await loadParquetNatively(engine, path, bytes, '__native_probe')).toBe(true);
    await engine.exec('DROP TABLE __native_probe');
    const [native, js] = await both('mixed.parquet', bytes);
    expect(native.summary).toMatchObject({ read: 5, rejected: 2 });
    expect(native.summary.rejectReasons).toEqual({ duplicate_id: 1, missing_required: 1 });
    expect(native.ledger.map((r) => [r.row, r.column, r.reason, r.severity, r.value])).toEqual([
      [3, 'case_id', 'duplicate_id', 'reject', 'SP1'],
      [4, 'case_id', 'missing_required', 'reject', null],
      [4, 'submitted_at', 'missing_required', 'reject', null],
      [5, 'apply_channel', 'unknown_enum_value', 'warning', '飞鸽'],
    ]);
    // Extra columns keep the text: doubles without float noise, NaN as no value, quotes intact.
    expect(native.table.map((r) => [r._row, r.办理天数, r.评分, r.备注, r.说明])).toEqual([
      [2, '2', '1.25', null, ' a '],
      [5, '-1', null, 'a,"b"', 'line\nbreak\r'],
      [6, '5', '0.1', 'x', '\\N'],
    ]);
    expect(native).toEqual(js);
  });

  it('reads compressions the JS reader lacks (brotli) instead of refusing them', async () => {
    const bytes = await parquetOf(
      `SELECT 'SP1' AS "办件编号", '县民政局' AS "受理部门", TIMESTAMP '2025-03-01 08:00:00' AS "申请时间"`,
      'brotli',
    );
    expect((await importFile(engine, 'b.parquet', bytes)).loaded).toBe(1);
    await expect(importFile(engine, 'b.parquet', bytes, { nativeReaders: false })).rejects.toThrow(
      'Parquet compression BROTLI is not supported',
    );
  });

  it('falls back to the JS conversion for values whose text could differ, with the same result', async () => {
    // 1e-7 is '1e-07' in DuckDB and '0.0000001' in JS; a date before 1970 is left to JS as well.
    const bytes = await parquetOf(`SELECT * FROM (VALUES
      ('SP1', '县民政局', '窗口', TIMESTAMP '1969-12-31 23:00:00', 1e-7)
    ) t("办件编号", "受理部门", "申报渠道", "申请时间", "评分")`);
    const path = await engine.registerBytes('f.parquet', bytes);
    expect(await loadParquetNatively(engine, path, bytes, '__native_probe')).toBe(false);
    const [native, js] = await both('fallback.parquet', bytes);
    expect(native.summary.loaded).toBe(1);
    expect(native).toEqual(js);
  });

  it('a damaged file gives the JS reader’s specific error', async () => {
    const bytes = new Uint8Array(readFileSync(join(DIR, 'cases.parquet')));
    await expect(importFile(engine, 'cut.parquet', bytes.slice(0, bytes.length - 40))).rejects.toThrow(
      /^cut\.parquet: not a complete, readable Parquet file \(.+\); export it again\.$/,
    );
  });
});

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('JSON through DuckDB read_json_objects', () => {
  it.each(['cases.json', 'cases.ndjson'])(
    '%s takes the native path and loads the same both ways',
    async (file) => {
      const bytes = new Uint8Array(readFileSync(join(DIR, file)));
      const path = await engine.registerBytes(`n-${file}`, bytes);
      expect(await loadJsonNatively(engine, path, bytes, '__native_probe')).toBe(true);
      const cells = await rowsOf(
        `SELECT "办件编号" AS id, "办理天数" AS days, "备注" AS note FROM __native_probe LIMIT 2`,
      );
      expect(cells).toEqual([
        { id: 'SP2025000001', days: '3', note: null },
        { id: 'SP2025000002', days: '0.5', note: '加急,当日办结' },
      ]);
      await engine.exec('DROP TABLE __native_probe');
      const [native, js] = await both(file, bytes);
      expect(native.summary.loaded).toBeGreaterThan(0);
      expect(native).toEqual(js);
    },
  );

  it('keys missing from some records, rejections and warnings match', async () => {
    const lines = [
      { 办件编号: 'SP1', 受理部门: '县民政局', 申请时间: '2025-03-01 08:00', 是否网上办结: true },
      { 受理部门: '县民政局', 办件编号: 'SP1', 申请时间: '2025-03-02', 办理天数: -2 },
      { 办件编号: 'SP2', 申请时间: null, 备注: '' },
      { 办件编号: 'SP3', 申请时间: '2025-13-45', 申报渠道: '飞鸽', 办理天数: 12345678901 },
    ];
    const bytes = utf8(lines.map((l) => JSON.stringify(l)).join('\n'));
    const path = await engine.registerBytes('k.ndjson', bytes);
    expect(await loadJsonNatively(engine, path, bytes, '__native_probe')).toBe(true);
    // Union of keys in first-seen order.
    expect(
      (await engine.query('SELECT * FROM __native_probe LIMIT 0')).schema.fields.map((f) => f.name),
    ).toEqual(['办件编号', '受理部门', '申请时间', '是否网上办结', '办理天数', '备注', '申报渠道']);
    await engine.exec('DROP TABLE __native_probe');
    const [native, js] = await both('k.ndjson', bytes);
    expect(native.ledger.map((r) => [r.row, r.column, r.reason, r.severity])).toEqual([
      [3, 'case_id', 'duplicate_id', 'reject'],
      [4, 'submitted_at', 'missing_required', 'reject'],
      [5, 'apply_channel', 'unknown_enum_value', 'warning'],
      [5, 'submitted_at', 'unparseable_datetime', 'reject'],
    ]);
    expect(native.table.map((r) => [r._row, r.closed_online, r.办理天数])).toEqual([[2, true, null]]);
    expect(native).toEqual(js);
  });

  it.each([
    [
      'a wrapped API dump',
      '{"code":0,"data":{"rows":[{"办件编号":"SP1","受理部门":"县民政局","申请时间":"2025-03-01"}]}}',
    ],
    ['nested values', '[{"办件编号":"SP1","申请时间":"2025-03-01","附件":[1,2]}]'],
    ['a number JS writes differently', '[{"办件编号":"SP1","申请时间":"2025-03-01","办理天数":1.0}]'],
    ['a single NDJSON record', '{"办件编号":"SP1","申请时间":"2025-03-01"}\n'],
  ])('%s goes through the JS conversion, with the same result', async (_, text) => {
    const bytes = utf8(text);
    const path = await engine.registerBytes('f.json', bytes);
    expect(await loadJsonNatively(engine, path, bytes, '__native_probe')).toBe(false);
    const [native, js] = await both('f.json', bytes);
    expect(native.summary.loaded).toBe(1);
    expect(native).toEqual(js);
  });

  it('a trailing comma DuckDB would accept is invalid JSON, as in the JS reader', async () => {
    const text = '{"办件编号":"SP1","申请时间":"2025-03-01"}\n{"办件编号":"SP2","申请时间":"2025-03-02",}\n';
    await expect(importFile(engine, 't.ndjson', utf8(text))).rejects.toThrow(
      't.ndjson: line 2 is not valid JSON (expected an array of objects or NDJSON).',
    );
  });

  it('invalid JSON keeps the JS reader’s message naming the line', async () => {
    const lines = new TextDecoder().decode(readFileSync(join(DIR, 'cases.ndjson'))).split('\n');
    lines[2] = '{"办件编号": "SP2025000003", oops';
    await expect(importFile(engine, 'x.ndjson', utf8(lines.join('\n')))).rejects.toThrow(
      'x.ndjson: line 3 is not valid JSON (expected an array of objects or NDJSON).',
    );
  });
});
