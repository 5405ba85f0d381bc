import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PII_REJECTS_COUNTS, piiRejectsCsv, RAW_PII } from '../../../test/fixtures/pii-rejects.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { ledgerCsv } from '../src/import/ledger-query.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
let engine: NodeEngine;
beforeEach(async () => {
  engine = await NodeEngine.create();
});
afterEach(() => engine.close());

const ledger = async () =>
  (await engine.query('SELECT "row", "column", reason, "value" FROM import_ledger ORDER BY "row", "column"'))
    .toArray()
    .map((r) => r.toJSON());

describe('personal data in rejected rows', () => {
  it('is masked before the ledger stores it, in the same shapes as loaded rows', async () => {
    const s = await importFile(engine, 'pii.csv', utf8(piiRejectsCsv()));
    expect({ read: s.read, loaded: s.loaded, rejected: s.rejected }).toEqual(PII_REJECTS_COUNTS);
    expect(await ledger()).toEqual([
      {
        row: 3,
        column: null,
        reason: 'too_many_columns',
        value:
          'P*,甲*,窗*,2025-01-02 09:00:00,2025-01-02 09:10:00,2025-01-03 09:00:00,已**,李**,0*******,' +
          '320102********1234,<***********************;a****************,159****1111',
      },
      { row: 4, column: 'accepted_at', reason: 'unparseable_datetime', value: '138****5678' },
      { row: 4, column: 'apply_channel', reason: 'unknown_enum_value', value: '139****5678' },
      { row: 4, column: 'closed_at', reason: 'unparseable_datetime', value: '110105********002X' },
      { row: 4, column: 'submitted_at', reason: 'unparseable_datetime', value: '王*' },
      { row: 5, column: 'case_id', reason: 'duplicate_id', value: 'P1' },
      { row: 6, column: null, reason: 'line_size_over_maximum', value: null },
    ]);
    const everything = JSON.stringify(await ledger()) + (await ledgerCsv(engine));
    for (const raw of RAW_PII) expect(everything).not.toContain(raw);
    expect(s.unmappedValues).toEqual({ apply_channel: [{ value: '139****5678', count: 1 }] });
  });

  it('is masked in a repeated ID as well (the duplicates are masked on their way to the ledger)', async () => {
    const csv =
      '办件编号,受理部门,受理时间\nSB13812345678,甲局,2025-01-02 09:00\nSB13812345678,甲局,2025-01-03 09:00\n';
    const s = await importFile(engine, 'dup.csv', utf8(csv));
    expect(s.rejectReasons).toEqual({ duplicate_id: 1 });
    expect(await ledger()).toEqual([
      { row: 3, column: 'case_id', reason: 'duplicate_id', value: 'SB138****5678' },
    ]);
    await importFile(engine, 'dup.csv', utf8(csv), { pii: 'keep' });
    expect((await ledger()).map((e) => e.value)).toEqual(['SB13812345678']);
  });

  it('is kept as it was only when the host asks for it (pii: keep)', async () => {
    await importFile(engine, 'pii.csv', utf8(piiRejectsCsv()), { pii: 'keep' });
    const values = (await ledger()).map((e) => e.value);
    expect(values).toContain('王五');
    expect(values).toContain('11010519491231002X');
  });

  it('is masked, and the long line cut, the same way on the decoded-text path (UTF-16)', async () => {
    const text = piiRejectsCsv();
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const s = await importFile(engine, 'pii-utf16.csv', bytes);
    expect(s.encoding).toBe('utf-16le');
    expect({ read: s.read, loaded: s.loaded, rejected: s.rejected }).toEqual(PII_REJECTS_COUNTS);
    expect(s.rejectReasons).toMatchObject({ line_size_over_maximum: 1, too_many_columns: 1 });
    const everything = JSON.stringify(await ledger());
    for (const raw of RAW_PII) expect(everything).not.toContain(raw);
  });
});
