import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import type { ImportOptions } from '../src/import/options.ts';
import { recordStatements } from './helpers/recorded-statements.ts';

// The CSV reader types the date-time columns whose first 20,000 rows all have its one form; later cells of
// another form send their lines through the text pass. Either way the numbers must be those of the text
// pass alone, which a mapping's own format forces (the reader never types a column with one) and which
// gives these cells the same values: the format is the reader's, tried before the same built-in ones.
const HEADER = '办件编号,受理部门,申请时间,受理时间,办结时间,办理状态\n';
const SAMPLE = 20_000;
const iso = (i: number) => {
  const d = new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 19)}`;
};
const row = (
  i: number,
  submitted = iso(i),
  accepted = iso(i + 5),
  closed = iso(i + 600),
  status = '已办结',
) => `C${i},甲局,${submitted},${accepted},${closed},${status}\n`;
const textPass: ImportOptions = {
  mapping: {
    formats: Object.fromEntries(
      ['submitted_at', 'accepted_at', 'closed_at'].map((k) => [k, '%Y-%m-%d %H:%M:%S']),
    ),
  },
};
const utf8 = (s: string) => new TextEncoder().encode(s);

let engine: NodeEngine;
let statements: string[];
beforeAll(async () => {
  engine = await NodeEngine.create();
  statements = recordStatements(engine);
});
afterAll(() => engine.close());

/** The loaded cases, the ledger and the summary's counts after importing `csv` with `options`. */
async function load(csv: string, options: ImportOptions = {}) {
  statements.length = 0;
  const s = await importFile(engine, 'cases.csv', utf8(csv), options);
  const cases = await engine.query(
    `SELECT _row, case_id, strftime(submitted_at, '%Y-%m-%d %H:%M:%S') AS s, strftime(accepted_at, '%Y-%m-%d %H:%M:%S') AS a,
       strftime(closed_at, '%Y-%m-%d %H:%M:%S') AS c, status FROM cases ORDER BY _row`,
  );
  const ledger = await engine.query(
    'SELECT "row", "column", reason, severity, "value" FROM import_ledger ORDER BY "row", "column"',
  );
  return {
    counts: { read: s.read, loaded: s.loaded, rejected: s.rejected, warnings: s.warnings },
    cases: cases.toArray().map((r) => r.toJSON()),
    ledger: ledger.toArray().map((r) => r.toJSON()),
    recast: statements.some((q) => q.includes('__raw_import_recast AS SELECT')),
    readerTyped: statements.some((q) => q.includes("'申请时间': 'TIMESTAMP'")),
  };
}

describe('date-times typed by the CSV reader', () => {
  it('reads lines of other forms again as text: same values, row numbers, ledger and order as the text pass', async () => {
    const lines = Array.from({ length: SAMPLE }, (_, i) => row(i));
    lines.push(
      row(SAMPLE, '2024/01/05 10:00'), // another form
      row(SAMPLE + 1, '2024-01-05T01:00:00+00:00'), // a UTC offset: 09:00 in Asia/Shanghai
      row(SAMPLE + 2, ' 2024-01-06 08:00:00\u3000'), // padded with an ideographic space
      `C${SAMPLE + 3},甲局,2024-01-06,2024-01-06 09:00:00,,在办,多余,列\n`, // too many cells: rejected
      row(SAMPLE + 4, '', '45000'), // an Excel serial day (申请时间 filled from it)
      row(SAMPLE + 5, iso(2), '不详'), // unreadable: a warning, 申请时间 stands in
      row(SAMPLE + 6, '', 'x'), // neither clock start readable: rejected
      row(SAMPLE + 7),
    );
    const csv = HEADER + lines.join('');
    const typed = await load(csv);
    expect(typed.readerTyped).toBe(true);
    expect(typed.recast).toBe(true);
    const text = await load(csv, textPass);
    expect(text.readerTyped).toBe(false);
    expect(typed.counts).toEqual(text.counts);
    expect(typed.counts).toMatchObject({ read: SAMPLE + 8, loaded: SAMPLE + 6, rejected: 2 });
    expect(typed.ledger).toEqual(text.ledger);
    expect(typed.cases).toEqual(text.cases);
    // header = line 1: row i is line i + 2
    const tail = typed.cases.slice(SAMPLE - 1).map((c) => [c._row, c.case_id, c.s, c.a]);
    expect(tail).toEqual([
      [SAMPLE + 1, `C${SAMPLE - 1}`, iso(SAMPLE - 1), iso(SAMPLE + 4)],
      [SAMPLE + 2, `C${SAMPLE}`, '2024-01-05 10:00:00', iso(SAMPLE + 5)],
      [SAMPLE + 3, `C${SAMPLE + 1}`, '2024-01-05 09:00:00', iso(SAMPLE + 6)],
      [SAMPLE + 4, `C${SAMPLE + 2}`, '2024-01-06 08:00:00', iso(SAMPLE + 7)],
      [SAMPLE + 6, `C${SAMPLE + 4}`, '2023-03-15 00:00:00', '2023-03-15 00:00:00'],
      [SAMPLE + 7, `C${SAMPLE + 5}`, iso(2), null],
      [SAMPLE + 9, `C${SAMPLE + 7}`, iso(SAMPLE + 7), iso(SAMPLE + 12)],
    ]);
    expect(typed.ledger.map((l) => [l.row, l.reason])).toEqual([
      [SAMPLE + 5, 'too_many_columns'],
      [SAMPLE + 7, 'unparseable_datetime'],
      [SAMPLE + 8, 'unparseable_datetime'],
    ]);
  }, 60_000);

  it('reads the whole file as text when many lines have another form (and the numbers stay the same)', async () => {
    const lines = Array.from({ length: SAMPLE }, (_, i) => row(i));
    for (let i = SAMPLE; i < SAMPLE + 1_000; i++) lines.push(row(i, iso(i).replaceAll('-', '/')));
    const csv = HEADER + lines.join('');
    const typed = await load(csv);
    expect(typed.readerTyped).toBe(true);
    expect(typed.recast).toBe(false);
    const text = await load(csv, textPass);
    expect(typed.counts).toEqual({ read: SAMPLE + 1_000, loaded: SAMPLE + 1_000, rejected: 0, warnings: 0 });
    expect(typed.cases).toEqual(text.cases);
    expect(typed.cases.at(-1)).toMatchObject({ _row: SAMPLE + 1_001, s: iso(SAMPLE + 999) });
  }, 60_000);

  it('leaves a column to the text pass when its first rows have another form', async () => {
    const lines = Array.from({ length: 50 }, (_, i) => row(i, i === 3 ? '2024年1月1日' : iso(i)));
    const typed = await load(HEADER + lines.join(''));
    expect(statements.some((q) => q.includes("'申请时间': 'TIMESTAMP'"))).toBe(false);
    expect(statements.some((q) => q.includes("'受理时间': 'TIMESTAMP'"))).toBe(true);
    expect(typed.cases[3]).toMatchObject({ s: '2024-01-01 00:00:00' });
    expect(typed.counts).toMatchObject({ loaded: 50, warnings: 0 });
  });

  it('leaves a column text when a mapping also gives it to a field of another type', async () => {
    const lines = Array.from({ length: 30 }, (_, i) => row(i));
    const columns = { accepted_at: '受理时间', result: '受理时间' };
    const shared = await load(HEADER + lines.join(''), { mapping: { columns } });
    expect(statements.some((q) => q.includes("'受理时间': 'TIMESTAMP'"))).toBe(false);
    expect(statements.some((q) => q.includes("'申请时间': 'TIMESTAMP'"))).toBe(true);
    expect(shared.counts).toMatchObject({ loaded: 30 });
    expect(shared.cases[0]).toMatchObject({ a: iso(5) });
  });
});
