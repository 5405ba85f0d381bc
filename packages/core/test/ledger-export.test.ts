import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { csvCell } from '../src/export/csv.ts';
import { importFile } from '../src/import/import-file.ts';
import { ledgerCsv, ledgerEntries } from '../src/import/ledger-query.ts';

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('ledger export', () => {
  it('is empty before any import', async () => {
    expect(await ledgerEntries(engine)).toEqual([]);
  });

  it('lists rejections before warnings and downloads as formula-safe CSV', async () => {
    const csv =
      '办件编号,申请时间,申报渠道\nA,2024-01-01,窗口\nA,2024-01-02,窗口\nB,=HYPERLINK("x"),信鸽\nC,2024-01-03,@SUM(1)\n';
    const s = await importFile(engine, 'c.csv', new TextEncoder().encode(csv));
    expect(s).toMatchObject({ read: 4, loaded: 2, rejected: 2, warnings: 2 });
    const entries = await ledgerEntries(engine);
    expect(entries.map((e) => [e.row, e.reason, e.severity])).toEqual([
      [3, 'duplicate_id', 'reject'],
      [4, 'unparseable_datetime', 'reject'],
      [4, 'unknown_enum_value', 'warning'],
      [5, 'unknown_enum_value', 'warning'],
    ]);
    expect(await ledgerEntries(engine, 1)).toHaveLength(1);
    const out = await ledgerCsv(engine);
    expect(out.startsWith('\uFEFFdataset,file,row,column,reason,severity,value\r\n')).toBe(true);
    // A date cell without a digit is masked like a name (it may be a shifted one), then made formula-safe.
    expect(out).toContain(`cases,c.csv,4,submitted_at,unparseable_datetime,reject,'=**************`);
    expect(out).toContain("cases,c.csv,5,apply_channel,unknown_enum_value,warning,'@SUM(1)");
  });

  it('neutralises every formula trigger per OWASP', () => {
    expect(['=1', '+1', '-1', '@a', '\tx', '\rx'].map(csvCell)).toEqual([
      "'=1",
      "'+1",
      "'-1",
      "'@a",
      "'\tx",
      `"'\rx"`,
    ]);
    expect(csvCell(-1)).toBe('-1');
    expect(csvCell('a,b')).toBe('"a,b"');
  });
});
