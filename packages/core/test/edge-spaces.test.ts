import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NodeEngine } from '../src/engine/node.ts';
import { directCsv } from '../src/import/formats/direct-csv.ts';
import { type LongLineNotes, scanUtf8WithoutNul } from '../src/import/formats/utf8-scan.ts';
import { importFile } from '../src/import/import-file.ts';
import { seededPicker } from './fixtures/text-units.ts';

// A file whose cells never start or end with a space is imported without trimming them (the UTF-8 check
// notes spaces at cells' edges as it goes). The rule must never miss one: a missed space would leave a
// department name untrimmed, counted apart from the same department written without it.

const utf8 = (s: string) => new TextEncoder().encode(s);
/** The reference: a Zs character (what DuckDB's trim removes) next to a cell border or the text's ends. */
const reference = (s: string) => /(^|[\t\n\r",;|])\p{Zs}|\p{Zs}([\t\n\r",;|]|$)/u.test(s);
const scanned = (b: Uint8Array, piece: number) => {
  const notes: LongLineNotes = { limit: 1e9, lineStart: 0, long: [] };
  for (let at = 0; at < b.length; ) at = scanUtf8WithoutNul(b, at, Math.min(b.length, at + piece), notes);
  return notes;
};
const noted = (b: Uint8Array, piece: number) => scanned(b, piece).edgeSpace === true;

// The same cases every run.
const { text: randomText } = seededPicker(99);

describe('spaces at cells’ edges', () => {
  it('are noted exactly where a Zs character touches a border or an end (2,000 random texts, any piece size)', () => {
    let flagged = 0;
    for (let n = 0; n < 2000; n++) {
      const text = randomText(1, 12);
      const want = reference(text);
      flagged += want ? 1 : 0;
      for (const piece of [1, 3, 1 << 20]) expect([text, noted(utf8(text), piece)]).toEqual([text, want]);
      // and whether a quote is anywhere (read four bytes at a time where they are plain ASCII)
      const padded = utf8(`abcdefgh${text}abcdefgh`);
      expect([text, scanned(padded, 1 << 20).quote === true]).toEqual([text, text.includes('"')]);
    }
    // both answers occur
    expect(flagged).toBeGreaterThan(200);
    expect(flagged).toBeLessThan(1800);
  });

  it('are not seen inside cells: a timestamp’s space, a space between words', async () => {
    const csv =
      '办件编号,受理部门,申请时间\nA1,县 市场局,2025-01-02 09:00:00\n"A2","甲局","2025-01-02 09:00:00"\n';
    expect((await directCsv(utf8(csv), 'x.csv'))?.edgeSpaces).toBe(false);
    expect((await directCsv(utf8(`${csv}A3,乙局 ,2025-01-02 09:00:00\n`), 'x.csv'))?.edgeSpaces).toBe(true);
  });
});

let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
});
afterAll(() => engine.close());

describe('a file with or without spaces at cells’ edges', () => {
  const HEADER = '办件编号,受理部门,申请时间,受理时间,办结时间,办理状态\n';
  const row = (id: string, dept: string) =>
    `${id},${dept},2025-01-02 09:00:00,2025-01-02 09:10:00,2025-01-03 09:00:00,已办结\n`;
  it('loads every cell trimmed, whichever space and wherever it is', async () => {
    const spaced = ['甲局 ', ' 甲局', '\u3000甲局', '甲局\u00a0', '"甲局 "', '" 甲局"', '甲局\u2003'];
    for (const dept of [...spaced, '甲局']) {
      for (const last of [false, true]) {
        // the spaced cell in the middle of the file, or at its very end without a line feed
        const text = last
          ? `${HEADER}${row('A1', '甲局')}A2,乙局,2025-01-02 09:00:00,2025-01-02 09:10:00,2025-01-03 09:00:00,${dept.replace('甲局', '已办结')}`
          : `${HEADER}${row('A1', dept)}${row('A2', '乙局')}`;
        const s = await importFile(engine, 'x.csv', utf8(text));
        expect(s.loaded).toBe(2);
        const t = await engine.query('SELECT dept_name, status FROM cases ORDER BY _row');
        expect(t.toArray().map((r) => [r.dept_name, r.status])).toEqual([
          ['甲局', 'closed'],
          ['乙局', 'closed'],
        ]);
      }
    }
  });
});
