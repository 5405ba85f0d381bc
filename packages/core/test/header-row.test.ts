import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';

/**
 * The header is the file's first line (after title rows), read by the importer and given to DuckDB with its
 * delimiter: DuckDB's sniffer never decides which line is the header, nor the names.
 */
const utf8 = (s: string) => new TextEncoder().encode(s);
let engine: NodeEngine;
beforeEach(async () => {
  engine = await NodeEngine.create();
});
afterEach(() => engine.close());

/** A narrow cases export: five canonical columns with timestamps and `extras` extra columns. */
function narrowCsv(extras: number, rows: number, quote = false): string {
  const q = (s: string) => (quote ? `"${s.replaceAll('"', '""')}"` : s);
  const head = ['办件编号', '受理部门', '申请时间', '受理时间', '办结时间'];
  for (let i = 0; i < extras; i++) head.push(`附加${i}`);
  const lines = [head.map(q).join(',')];
  for (let r = 0; r < rows; r++) {
    const d = `2025-01-${String(r + 1).padStart(2, '0')}`;
    const cells = [`N${r}`, '县民政局', `${d} 09:00:00`, `${d} 09:10:00`, `${d} 17:00:00`];
    for (let i = 0; i < extras; i++) cells.push(i % 2 ? `${d} 10:00:00` : String(r * 100 + i));
    lines.push(cells.map(q).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const columnNames = async () =>
  (await engine.query('SELECT * FROM cases LIMIT 0')).schema.fields.map((f) => f.name);

describe('the header row', () => {
  for (const extras of [13, 14, 20]) {
    it(`of a narrow export with ${extras} extra columns and timestamps is line 1; every row loads`, async () => {
      const s = await importFile(engine, 'narrow.csv', utf8(narrowCsv(extras, 3)));
      expect(s).toMatchObject({ dataset: 'cases', read: 3, loaded: 3, rejected: 0 });
      expect(s.unknown).toEqual(Array.from({ length: extras }, (_, i) => `附加${i}`));
      const t = await engine.query(`SELECT case_id, "附加0" AS a, "附加1" AS b FROM cases ORDER BY case_id`);
      expect(t.toArray().map((r) => r.toJSON())).toEqual([
        { case_id: 'N0', a: '0', b: '2025-01-01 10:00:00' },
        { case_id: 'N1', a: '100', b: '2025-01-02 10:00:00' },
        { case_id: 'N2', a: '200', b: '2025-01-03 10:00:00' },
      ]);
    });
  }

  it('quoted names are read without their quotes, trimmed, with a delimiter inside kept', async () => {
    const csv = narrowCsv(13, 2, true).replace('"附加0"', '" 附加, ""零"" "');
    const s = await importFile(engine, 'quoted.csv', utf8(csv));
    expect(s).toMatchObject({ read: 2, loaded: 2, rejected: 0 });
    const names = await columnNames();
    expect(names).toContain('附加, "零"');
    expect(names).toContain('附加1');
  });

  it('names DuckDB cannot take as they are (empty, repeated) are named by its sniffer', async () => {
    const csv = narrowCsv(13, 2).replace('附加0,', ',').replace('附加2,', '附加1,');
    const s = await importFile(engine, 'odd-names.csv', utf8(csv));
    expect(s).toMatchObject({ read: 2, loaded: 2, rejected: 0 });
    // DuckDB's names: `column` + the zero-based position for an empty one, `_1` for a repeated one.
    expect((await columnNames()).filter((n) => /^(column\d+|附加1|附加1_\d+)$/.test(n))).toEqual([
      'column05',
      '附加1',
      '附加1_1',
    ]);
  });

  it('an unclosed quote in a narrow file loses no line: read without quoting, every line loads', async () => {
    const csv = narrowCsv(13, 6).replace('N2,县民政局', 'N2,"县民政局');
    const s = await importFile(engine, 'open-quote.csv', utf8(csv));
    expect(s).toMatchObject({ read: 6, loaded: 6, rejected: 0 });
    const t = await engine.query(`SELECT dept_name FROM cases WHERE case_id = 'N2'`);
    expect(t.get(0)?.dept_name).toBe('"县民政局');
  });

  it('a cell with real line breaks keeps the quoted reading', async () => {
    const csv = narrowCsv(13, 3, true).replace('"县民政局"', '"县民政局\n二科"');
    const s = await importFile(engine, 'breaks.csv', utf8(csv));
    expect(s).toMatchObject({ read: 3, loaded: 3, rejected: 0 });
    const t = await engine.query(`SELECT dept_name FROM cases WHERE case_id = 'N0'`);
    expect(t.get(0)?.dept_name).toBe('县民政局\n二科');
  });
});
