import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';

/** 5,000 columns load in full (timing: bench/wide-columns.mjs, not here). */
const COLUMNS = 5000;
const ROWS = 200;
function wideCsv(columns = COLUMNS, rows = ROWS, ragged?: number, unclosed?: number): string {
  const head = ['case_id', 'dept_name', 'apply_channel', 'status'];
  for (let i = 0; i < columns - 7; i++) head.push(`h${i}`);
  head.push('submitted_at', 'accepted_at', 'closed_at');
  const lines = [head.join(',')];
  for (let r = 0; r < rows; r++) {
    const cells = [`C${r}`, r % 2 ? 'A' : 'B', 'window', 'closed'];
    for (let i = 0; i < columns - 7; i++) cells.push(`v${r}_${i}`);
    cells.push('2025-01-02 09:00:00', '2025-01-02 09:10:00', '2025-01-03 17:00:00');
    if (r === ragged) cells.push('one too many');
    if (r === unclosed) cells[5] = '"unclosed';
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('an export with 5,000 columns', () => {
  it('loads every row and keeps every extra column with its values', async () => {
    const s = await importFile(engine, 'wide.csv', new TextEncoder().encode(wideCsv()));
    expect(s).toMatchObject({ dataset: 'cases', read: ROWS, loaded: ROWS, rejected: 0 });
    expect(s.unknown).toHaveLength(COLUMNS - 7);
    expect(s.pii).toEqual([]);
    const t = await engine.query(
      `SELECT count(*) AS n, max("h4992") AS last, min(case_id) AS first FROM cases WHERE "h0" = 'v199_0'`,
    );
    expect(t.get(0)?.toJSON()).toEqual({ n: 1, last: 'v199_4992', first: 'C199' });
    const cols = await engine.query('SELECT * FROM cases LIMIT 0');
    expect(cols.schema.fields.filter((f) => /^h\d+$/.test(f.name))).toHaveLength(COLUMNS - 7);
  }, 300_000);

  it('with a malformed line lists it in the ledger; an unclosed quote loses no line', async () => {
    // 2,000 columns: DuckDB's sniffer took 6 s to reject one such line of 1,000 rows (its cost grows with the
    // square of the column count); read with the header's names it is linear.
    const csv = wideCsv(2000, 100, 4, 40);
    const s = await importFile(engine, 'wide-ragged.csv', new TextEncoder().encode(csv));
    // The quote opened in row 40 is never closed: read with quoting, the other 59 lines would become one
    // cell; read without, row 40 keeps its cell as written and the rest load (DuckDB's sniffer did the same).
    expect(s).toMatchObject({ read: 100, loaded: 99, rejected: 1 });
    expect(s.rejectReasons).toEqual({ too_many_columns: 1 });
    const ledger = await engine.query('SELECT "row", reason, left("value", 12) AS v FROM import_ledger');
    // Line 6 is row 4 (header = line 1); a line the reader could not split keeps first characters only.
    expect(ledger.toArray().map((r) => r.toJSON())).toEqual([
      { row: 6, reason: 'too_many_columns', v: 'C*,B,w*****,' },
    ]);
    const t = await engine.query(
      `SELECT count(*) AS n, count(*) FILTER (WHERE case_id = 'C4') AS bad,
         any_value("h1") FILTER (WHERE case_id = 'C40') AS open, max("h1992") FILTER (WHERE case_id = 'C99') AS last
       FROM cases`,
    );
    expect(t.get(0)?.toJSON()).toEqual({ n: 99, bad: 0, open: '"unclosed', last: 'v99_1992' });
  });

  it('with CRLF line ends and a BOM reads the same values (no stray carriage return)', async () => {
    const crlf = `\uFEFF${wideCsv(150, 20).replaceAll('\n', '\r\n')}`;
    const s = await importFile(engine, 'wide-crlf.csv', new TextEncoder().encode(crlf));
    expect(s).toMatchObject({ read: 20, loaded: 20, rejected: 0, encoding: 'utf-8-bom' });
    const t = await engine.query('SELECT max(closed_at) AS c, max("h142") AS h FROM cases');
    expect(t.get(0)?.toJSON()).toEqual({ c: Date.UTC(2025, 0, 3, 17), h: 'v9_142' });
  });
});
