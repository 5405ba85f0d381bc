import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { directCsv } from '../src/import/formats/direct-csv.ts';
import {
  cutLongLines,
  cutLongTextLines,
  LONG_LINE_MARKER,
  MAX_LINE_BYTES,
} from '../src/import/formats/long-lines.ts';
import { importFile } from '../src/import/import-file.ts';
import { ImportError } from '../src/import/ledger.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const HEADER = '办件编号,受理部门,申请时间,受理时间,办结时间,办理状态\n';
const row = (id: string, dept = '甲局') =>
  `${id},${dept},2025-01-02 09:00:00,2025-01-02 09:10:00,2025-01-03 09:00:00,已办结\n`;

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('a line too long to read', () => {
  it('is rejected into the ledger under its own line number; the 20 good rows load (50 MB line)', async () => {
    const good = Array.from({ length: 20 }, (_, i) => row(`C${i}`));
    good.splice(5, 0, row('CX', 'x'.repeat(50_000_000)));
    const s = await importFile(engine, 'long.csv', utf8(HEADER + good.join('')));
    expect(s).toMatchObject({ read: 21, loaded: 20, rejected: 1 });
    expect(s.rejectReasons).toEqual({ line_size_over_maximum: 1 });
    const ledger = await engine.query('SELECT "row", reason, "value" FROM import_ledger');
    // header = line 1, C0..C4 = lines 2–6, the long line = line 7
    expect(ledger.toArray().map((r) => r.toJSON())).toEqual([
      { row: 7, reason: 'line_size_over_maximum', value: null },
    ]);
    const ids = await engine.query('SELECT _row, case_id FROM cases ORDER BY _row');
    expect(ids.toArray().map((r) => r.case_id)).toEqual(Array.from({ length: 20 }, (_, i) => `C${i}`));
    expect(Number(ids.get(5)?._row)).toBe(8);
  }, 120_000);

  it('as the last line without a line feed, or twice in a row', async () => {
    const long = 'y'.repeat(1_000_001);
    const s = await importFile(
      engine,
      'tail.csv',
      utf8(`${HEADER}${row('A')}${long}\n${long}\n${row('B')}${long}`),
    );
    expect(s).toMatchObject({ read: 5, loaded: 2, rejected: 3 });
    expect(s.rejectReasons).toEqual({ line_size_over_maximum: 3 });
  });

  it('as the header refuses the file with a message naming it (never a reader error)', async () => {
    const err = await importFile(engine, 'h.csv', utf8(`${'h'.repeat(1_000_001)}\n${row('A')}`)).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    // The long first line is taken for a title row above the header, so the next line is the header.
    expect(err.message).toMatch(/^h\.csv: cannot tell which dataset this is from its headers \(A, 甲局/);
    const bare = await importFile(engine, 'b.csv', utf8(`${'b'.repeat(1_000_001)}\n`)).catch((e) => e);
    expect(bare).toBeInstanceOf(ImportError);
    expect(bare.message).toMatch(/^b\.csv: /);
  });

  it('is replaced by the marker line in bytes and in text, other lines untouched', async () => {
    const text = `a\n${'z'.repeat(11)}\r\nb\n${'z'.repeat(10)}`;
    expect(await cutLongTextLines(text, 10)).toEqual({
      text: `a\n${LONG_LINE_MARKER}\nb\n${'z'.repeat(10)}`,
      cut: 1,
    });
    const bytes = await cutLongLines(utf8(text), 10);
    expect(bytes.cut).toBe(1);
    expect(new TextDecoder().decode(bytes.bytes)).toBe(`a\n${LONG_LINE_MARKER}\nb\n${'z'.repeat(10)}`);
    // a 4-character line of 3-byte characters is 12 bytes: long in UTF-8 though short in characters
    expect((await cutLongTextLines('字字字字\nok', 10)).cut).toBe(1);
    expect((await cutLongLines(utf8('short\nlines'), 10)).cut).toBe(0);
  });

  it('are found by the UTF-8 check as a scan of their own finds them (BOM, title rows, CRLF, last line)', async () => {
    const long = (n: number) => '字'.repeat(Math.ceil(n / 3));
    const cases = [
      `${HEADER}${row('A')}${long(MAX_LINE_BYTES + 1)}\r\n${row('B')}${long(MAX_LINE_BYTES)}`,
      `\uFEFF2025年办件统计表\n\n${HEADER}${long(MAX_LINE_BYTES + 3)}\n${row('A')}`,
      `\uFEFF${HEADER}${'x'.repeat(MAX_LINE_BYTES)}\n${'x'.repeat(MAX_LINE_BYTES - 1)}\r\n${'y'.repeat(MAX_LINE_BYTES + 1)}`,
    ];
    for (const text of cases) {
      const direct = await directCsv(utf8(text), 'x.csv');
      if (!direct) throw new Error('not a direct CSV');
      const own = await cutLongLines(direct.bytes);
      expect(own.cut).toBeGreaterThan(0);
      const noted = await cutLongLines(direct.bytes, MAX_LINE_BYTES, direct.long);
      expect(noted.cut).toBe(own.cut);
      expect(Buffer.from(noted.bytes).equals(Buffer.from(own.bytes))).toBe(true);
    }
  });
});
