import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import {
  EvenLineEnds,
  evenLineEnds,
  evenLineEndsText,
  lineEndsOfText,
  unevenLineEnds,
} from '../src/import/formats/line-ends.ts';
import { importFile } from '../src/import/import-file.ts';
import { seededPicker, TEXT_UNITS } from './fixtures/text-units.ts';

/**
 * The rewrite, one unit at a time: outside quoted cells a CR before a LF or at the end is dropped, and a
 * cell holding another CR (no quote after it in the cell) is quoted.
 */
function reference(text: string, delimiter = ','): string {
  let out = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    if (c === '\r' && !quoted) {
      if (i + 1 === text.length || text[i + 1] === '\n') continue;
      let start = out.length;
      while (start > 0 && out[start - 1] !== delimiter && out[start - 1] !== '\n') start--;
      let end = i;
      while (end < text.length && text[end] !== delimiter && text[end] !== '\n') end++;
      if (end > i + 1 && text[end] === '\n' && text[end - 1] === '\r') end--;
      const cell = text.slice(i, end);
      if (!cell.includes('"')) {
        out = `${out.slice(0, start)}"${out.slice(start)}${cell}"`;
        i = end - 1;
        continue;
      }
    }
    out += c;
  }
  return out;
}

const { rand, pick } = seededPicker(1204);
const utf8 = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

describe('line ends DuckDB cannot take, rewritten', () => {
  it('as the unit-by-unit rule does, on bytes, on text and on text in any pieces', async () => {
    let quotedCells = 0;
    for (let n = 0; n < 800; n++) {
      const units = Array.from({ length: 5 + Math.floor(rand() * 120) }, () => pick(TEXT_UNITS));
      const t = `${units.join('')}\n`;
      const delimiter = pick([',', ';', '\t', '|']);
      const want = reference(t, delimiter);
      quotedCells += want.split('"').length - t.split('"').length;
      expect([n, text(await evenLineEnds(utf8(t), delimiter))]).toEqual([n, want]);
      expect([n, (await evenLineEndsText(t, delimiter)).text]).toEqual([n, want]);
      const stream = new EvenLineEnds(delimiter);
      let got = '';
      for (let at = 0; at < t.length; ) {
        const end = at + 1 + Math.floor(rand() * 12);
        got += await stream.push(t.slice(at, end));
        at = end;
      }
      expect([n, got + (await stream.end())]).toEqual([n, want]);
    }
    expect(quotedCells).toBeGreaterThan(200);
  });

  it('keeps quoted cells (doubled quotes included), and the bytes when nothing changes', async () => {
    const t = 'a,b\r\n1,"x\r\ny ""q"" \rz"\n2,c\rd,e\r\n3,f\r';
    expect((await evenLineEndsText(t, ',')).text).toBe('a,b\n1,"x\r\ny ""q"" \rz"\n2,"c\rd",e\n3,f');
    const plain = utf8('a,b\n1,2\n');
    expect(await evenLineEnds(plain, ',')).toBe(plain);
  });

  it('leaves a text of CR line ends (no LF) as it is when streamed', async () => {
    const stream = new EvenLineEnds(',');
    const t = 'a,b\r1,2\r3,4\r';
    expect((await stream.push(t)) + (await stream.end())).toBe(t);
  });

  it('tells the line ends of decoded text, a CR LF across its 1 M-unit pieces included', async () => {
    expect(await lineEndsOfText('a\r\nb\nc')).toMatchObject({ crlf: true, bareLf: true });
    expect(await lineEndsOfText('a\nb\rc\n')).toMatchObject({ bareLf: true, loneCr: true });
    expect(unevenLineEnds(await lineEndsOfText('a\r\nb\r\n'))).toBe(false);
    expect(unevenLineEnds(await lineEndsOfText('a\rb\r'))).toBe(false);
    expect(unevenLineEnds(await lineEndsOfText('a\nb\n'))).toBe(false);
    // The CR ends the first piece and its LF starts the second: neither a bare LF nor a lone CR.
    const split = `${'x'.repeat((1 << 20) - 1)}\r\n${'y'.repeat(10)}\r\n`;
    expect(await lineEndsOfText(split)).toEqual({ crlf: true, bareLf: false, loneCr: false });
    const bare = `${'x'.repeat(1 << 20)}\n${'y'.repeat(10)}\r\n`;
    expect(unevenLineEnds(await lineEndsOfText(bare))).toBe(true);
  });
});

/**
 * DuckDB's reader takes one kind of line end per file (measured, DuckDB 1.4.3): one CR LF line among the
 * bundled sample's LF lines made its sniffer refuse the file, and a CR LF file with one LF line read 5 rows
 * as 4 with none rejected. The importer evens them first, on every path.
 */
describe('a file with mixed line ends imports every row under its own line number', () => {
  let engine: NodeEngine;
  beforeAll(async () => {
    engine = await NodeEngine.create();
  });
  afterAll(() => engine.close());

  const HEADER = '办件编号,受理部门,申请时间,受理时间,办结时间,办理状态';
  const row = (id: string, closed = '2025-01-03 09:00:00') =>
    `${id},甲局,2025-01-02 09:00:00,2025-01-02 09:10:00,${closed},已办结`;
  /** Header and rows A–E, row C's end time unreadable (a warning on line 4); `ends[i]` ends line i + 1. */
  const file = (ends: string[]) =>
    [HEADER, row('A'), row('B'), row('C', 'not a time'), row('D'), row('E')]
      .map((line, i) => line + (ends[i] ?? '\n'))
      .join('');

  const state = async () => ({
    warned: (await engine.query(`SELECT "row" FROM import_ledger WHERE severity = 'warning' ORDER BY 1`))
      .toArray()
      .map((r) => r.row),
    ids: (await engine.query('SELECT case_id, _row FROM cases ORDER BY _row'))
      .toArray()
      .map((r) => `${r.case_id}@${r._row}`),
  });

  for (const [name, ends] of [
    ['one CR LF line among LF lines', ['\n', '\n', '\r\n']],
    ['one LF line among CR LF lines', ['\r\n', '\r\n', '\n', '\r\n', '\r\n', '\r\n']],
    ['a CR LF header over LF rows', ['\r\n']],
    ['CR LF lines appended to LF lines', ['\n', '\n', '\n', '\n', '\r\n', '\r\n']],
  ] as const) {
    it(name, async () => {
      const summary = await importFile(engine, 'mixed.csv', utf8(file([...ends])));
      expect(summary).toMatchObject({ read: 5, loaded: 5, rejected: 0, warnings: 1 });
      expect(await state()).toEqual({ warned: [4], ids: ['A@2', 'B@3', 'C@4', 'D@5', 'E@6'] });
    });
  }

  it('a CR inside a cell (a text field’s line break), kept in its value, and a CR ending the file', async () => {
    const t = file(['\n', '\n', '\n', '\n', '\n', '\r']).replace(
      row('B'),
      row('B').replace('甲局', '甲\r局'),
    );
    const summary = await importFile(engine, 'cr.csv', utf8(t));
    expect(summary).toMatchObject({ read: 5, loaded: 5, rejected: 0, warnings: 1 });
    expect(await state()).toEqual({ warned: [4], ids: ['A@2', 'B@3', 'C@4', 'D@5', 'E@6'] });
    const depts = await engine.query('SELECT dept_name FROM cases ORDER BY _row');
    expect(depts.toArray().map((r) => r.dept_name)).toEqual(['甲局', '甲\r局', '甲局', '甲局', '甲局']);
  });

  it('the same through the text path (a GB18030 file, decoded)', async () => {
    // ASCII only (canonical names, no department): the same bytes in GB18030.
    const t = file(['\n', '\r\n'])
      .replace(HEADER, 'case_id,dept_name,submitted_at,accepted_at,closed_at,status')
      .replaceAll('甲局', 'A')
      .replaceAll('已办结', 'closed');
    const summary = await importFile(engine, 'mixed-gb.csv', utf8(t), { encoding: 'gb18030' });
    expect(summary).toMatchObject({ encoding: 'gb18030', read: 5, loaded: 5, rejected: 0, warnings: 1 });
    expect((await state()).warned).toEqual([4]);
  });

  it('the damaged file of fuzz run 282: each line listed under its own number', async () => {
    const name = 'csv-sample-state-machine.csv';
    const bytes = new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures/known-issues', name)));
    // Its header line is damaged (a row's cells run into it), so no row has its width; line 3 ends in CR LF.
    expect(await importFile(engine, name, bytes)).toMatchObject({ read: 7, loaded: 0, rejected: 7 });
    const rejected = await engine.query(
      `SELECT "row" FROM import_ledger WHERE severity = 'reject' ORDER BY 1`,
    );
    expect(rejected.toArray().map((r) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('the bundled sample with one CR LF line, or with a CR in a cell: DuckDB’s sniffer refused both', async () => {
    const sample = readFileSync(join(import.meta.dirname, '../../../data/cases.csv'), 'utf8');
    for (const damage of [(l: string) => `${l}\r`, (l: string) => l.replace(',', ',x\ry')]) {
      const lines = sample.split('\n');
      lines[3] = damage(lines[3] as string);
      const summary = await importFile(engine, 'cases.csv', utf8(lines.join('\n')));
      expect(summary).toMatchObject({ read: 50_000, loaded: 50_000, rejected: 0 });
    }
  }, 30_000);
});
