import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GB18030_HEX } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { ImportError } from '../src/import/ledger.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

let engine: NodeEngine;
beforeEach(async () => {
  engine = await NodeEngine.create();
});
afterEach(async () => {
  await engine.close();
});

const CASES = [
  '办件编号,受理部门,申报渠道,申请时间,受理时间,办结时间,承诺办结时限,是否网上办结,办理状态,备注',
  'A1,县市场监督管理局,网上(PC),2024-01-02 09:00:00,2024-01-02 10:00:00,2024-01-05 16:00:00,5个工作日,是,已办结,x',
  'A2,县市场监督管理局,窗口,2024/1/3 9:05,2024/1/3 9:30,,即办,否,办理中,',
  'A3,县自然资源局,移动端,2024年1月4日 10:00,2024-01-04 11:00:00,2024-01-03 11:00:00,20个工作日,否,已办结,',
  'A1,县自然资源局,窗口,2024-01-05 09:00:00,,,无期限,否,已申报,dup',
  ',县自然资源局,窗口,2024-01-05 09:00:00,,,,否,已申报,no id',
  'A6,县自然资源局,信鸽,not a date,,,,也许,已申报,',
].join('\n');

describe('importFile', () => {
  it('loads good rows, rejects bad ones with reasons, and balances the ledger', async () => {
    const s = await importFile(engine, 'cases.csv', utf8(CASES));
    expect(s.dataset).toBe('cases');
    expect(s.read).toBe(6);
    expect(s.loaded).toBe(2);
    expect(s.rejected).toBe(4);
    expect(s.rejectReasons).toEqual({
      closed_before_accepted: 1,
      duplicate_id: 1,
      missing_required: 1,
      unparseable_datetime: 1,
    });
    // A6's unknown channel and bad boolean are warnings on a row rejected for its date.
    const warn = await engine.query(
      `SELECT "row", "column", reason, "value" FROM import_ledger WHERE severity = 'warning' ORDER BY "column"`,
    );
    expect(warn.toArray().map((r) => r.toJSON())).toEqual([
      { row: 7, column: 'apply_channel', reason: 'unknown_enum_value', value: '信鸽' },
      // a yes/no cell without a digit may be a shifted name: masked like one (ledger-mask.ts)
      { row: 7, column: 'closed_online', reason: 'unparseable_bool', value: '也*' },
    ]);
    const rows = await engine.query(
      `SELECT case_id, apply_channel, strftime(submitted_at, '%Y-%m-%d %H:%M') AS sub, promised_limit_value AS v,
              promised_limit_unit AS u, closed_online, status, "备注" FROM cases ORDER BY case_id`,
    );
    expect(rows.toArray().map((r) => r.toJSON())).toEqual([
      {
        case_id: 'A1',
        apply_channel: 'online_pc',
        sub: '2024-01-02 09:00',
        v: 5,
        u: 'wd',
        closed_online: true,
        status: 'closed',
        备注: 'x',
      },
      {
        case_id: 'A2',
        apply_channel: 'window',
        sub: '2024-01-03 09:05',
        v: 0,
        u: 'instant',
        closed_online: false,
        status: 'in_progress',
        备注: null,
      },
    ]);
  });

  it('decodes GB18030 bytes and a UTF-8 BOM the same way', async () => {
    const text = '索引号,信息名称,公开领域,发布日期\nX/2024-00001,关于财政预算的公告,财政预决算,2024-03-01\n';
    // GB18030 bytes of the text above (encoded by Python's codec), so detection is really exercised.
    const gb = Uint8Array.from(Buffer.from(GB18030_HEX, 'hex'));
    const g = await importFile(engine, 'gb.csv', gb);
    expect(g).toMatchObject({ dataset: 'disclosures', encoding: 'gb18030', read: 1, loaded: 1 });
    const title = await engine.query('SELECT title, domain FROM disclosures');
    expect(title.get(0)?.toJSON()).toEqual({ title: '关于财政预算的公告', domain: 'budget' });
    const bom = utf8(`\uFEFF${text}`);
    const s = await importFile(engine, 'd.csv', bom);
    expect(s).toMatchObject({ dataset: 'disclosures', encoding: 'utf-8-bom', read: 1, loaded: 1 });
  });

  it('names the file and the missing columns when required columns are absent', async () => {
    await expect(importFile(engine, 'odd.csv', utf8('foo,bar\n1,2\n'))).rejects.toThrow(ImportError);
    await expect(importFile(engine, 'odd.csv', utf8('foo,bar\n1,2\n'))).rejects.toThrow(/odd\.csv/);
    await expect(
      importFile(engine, 'h.csv', utf8('工单编号,诉求渠道\nT1,电话\n'), { dataset: 'hotline' }),
    ).rejects.toThrow(/受理时间 \(received_at\)/);
    await expect(importFile(engine, 'e.csv', utf8(''))).rejects.toThrow(/e\.csv: the file is empty/);
  });

  it('lists lines the CSV reader cannot split, with their line number and masked text, and numbers rows by line', async () => {
    const csv =
      '办件编号,申请时间,申报渠道\nA,2024-01-01,窗口\nB,2024-01-02,窗口,多余\nC,2024-01-03\nD,2024-01-04,窗口\n';
    const s = await importFile(engine, 'ragged.csv', utf8(csv));
    expect(s).toMatchObject({ read: 4, loaded: 2, rejected: 2 });
    expect(s.rejectReasons).toEqual({ missing_columns: 1, too_many_columns: 1 });
    const ledger = await engine.query(`SELECT "row", reason, "value" FROM import_ledger ORDER BY "row"`);
    expect(ledger.toArray().map((r) => r.toJSON())).toEqual([
      // dates and short numbers stay; other cells keep their first character (ledger-mask.ts)
      { row: 3, reason: 'too_many_columns', value: 'B,2024-01-02,窗*,多*' },
      { row: 4, reason: 'missing_columns', value: 'C,2024-01-03' },
    ]);
    const rows = await engine.query('SELECT _row, case_id FROM cases ORDER BY _row');
    expect(rows.toArray().map((r) => r.toJSON())).toEqual([
      { _row: 2, case_id: 'A' },
      { _row: 5, case_id: 'D' },
    ]);
  });
});
