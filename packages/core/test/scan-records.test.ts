import { describe, expect, it } from 'vitest';
import { type CsvRecord, scanRecords, scanRecordsInSlices } from '../src/import/formats/csv-title-rows.ts';
import { mulberry32 } from '../src/seeded-random.ts';

const SCAN_CHARS = 1 << 20;

/** The scan a character at a time (the rule scanRecords keeps, written the plain way). */
function reference(text: string, delimiter: string, maxRecords: number): CsvRecord[] {
  const records: CsvRecord[] = [];
  const end = Math.min(text.length, SCAN_CHARS);
  let i = 0;
  while (i < end && records.length < maxRecords) {
    const start = i;
    const cells: string[] = [];
    let cell = '';
    let quoted = false;
    let fieldStart = true;
    while (i < end) {
      const ch = text[i++];
      if (quoted) {
        if (ch !== '"') cell += ch;
        else if (text[i] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else if (ch === '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (ch === delimiter) {
        cells.push(cell);
        cell = '';
        fieldStart = true;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && i === text.length) break;
        if (ch === '\r' && text[i] === '\n') i++;
        break;
      } else {
        cell += ch;
        fieldStart = false;
      }
    }
    cells.push(cell);
    records.push({ start, cells });
  }
  return records;
}

const PIECES = ['a', '办件', '"', '""', ',', ';', '\t', '\n', '\r', '\r\n', ' ', 'x"y', '"q,"', '2025-01-01'];

function randomText(random: () => number, length: number): string {
  let s = '';
  while (s.length < length) s += PIECES[Math.floor(random() * PIECES.length)];
  return s;
}

describe('CSV records of a text’s start', () => {
  it('splits as the character-at-a-time scan does (seeded random texts, every delimiter and limit)', () => {
    const random = mulberry32(20261205);
    let quotedCells = 0;
    for (let n = 0; n < 3000; n++) {
      const text = randomText(random, Math.floor(random() * 80));
      const delimiter = [',', ';', '\t', '|'][n % 4] as string;
      const max = 1 + Math.floor(random() * 12);
      const expected = reference(text, delimiter, max);
      expect(scanRecords(text, delimiter, max), JSON.stringify({ text, delimiter, max })).toEqual(expected);
      quotedCells += expected.flatMap((r) => r.cells).filter((c) => c.includes('"')).length;
    }
    // the texts exercise doubled and literal quotes, not only plain cells
    expect(quotedCells).toBeGreaterThan(1000);
  });

  it('gives the same records in slices as in one scan, up to the scan’s character cap', async () => {
    const random = mulberry32(7);
    for (const length of [0, 1, 5_000, 60_000]) {
      const text = randomText(random, length);
      for (const max of [1, 999, 1000, 1001, 20_002]) {
        expect(await scanRecordsInSlices(text, ',', max)).toEqual(reference(text, ',', max));
      }
    }
    // A text past the cap: the records stop where the one scan stops (the last cut at the cap).
    const row = '县局,2025-01-01,"a ""b"", c"\r\n';
    const long = row.repeat(Math.ceil((SCAN_CHARS + 10_000) / row.length));
    const sliced = await scanRecordsInSlices(long, ',', 1e6);
    expect(sliced).toEqual(reference(long, ',', 1e6));
    expect(sliced.length).toBe(Math.ceil(SCAN_CHARS / row.length));
    expect(sliced[1]?.cells).toEqual(['县局', '2025-01-01', 'a "b", c']);
  });
});
