import { describe, expect, it } from 'vitest';
import { FirstCells } from '../src/import/formats/first-cells.ts';
import {
  firstCellsOf,
  type LongLineNotes,
  scanUtf8WithoutNul,
  takeFirstCells,
  Utf8StreamScan,
} from '../src/import/formats/utf8-scan.ts';
import { mulberry32 as rng } from '../src/seeded-random.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** The verdict on `text` fed in pieces of `piece` bytes (as directCsv scans), the last one final. */
function verdict(text: string, piece = 1 << 20) {
  const bytes = utf8(text);
  const cells = new FirstCells(0, bytes.length);
  for (let at = 0; at < bytes.length; at += piece) cells.take(bytes, Math.min(bytes.length, at + piece));
  cells.take(bytes, bytes.length, true);
  return cells.verdict();
}

/** The verdict on `text` scanned as directCsv scans it: the SIMD kernel's line feeds, then the rest. */
function scanned(text: string, piece: number) {
  const bytes = utf8(text);
  const notes: LongLineNotes = { limit: 1 << 20, lineStart: 0, long: [] };
  const cells = firstCellsOf(bytes, bytes.length);
  for (let at = 0; at < bytes.length; ) {
    at = scanUtf8WithoutNul(bytes, at, Math.min(bytes.length, at + piece), notes, cells);
    takeFirstCells(cells, notes, bytes, at, at === bytes.length);
  }
  return notes.firstCells;
}

/** What FirstCells must find, by the definition: each line's start up to a delimiter, CR or LF. */
function reference(text: string) {
  const lines = text.split('\n').slice(1);
  const seen = new Set<string>();
  let distinct = true;
  let counted = 0;
  const empty = new Set<string>();
  for (const line of lines) {
    if (line === '' || line === '\r') continue;
    counted++;
    const start = /^[^,\t;|\r]*/.exec(line)?.[0] ?? '';
    if (start === '') {
      if (line[0] !== '\r') empty.add(line[0] ?? '');
    } else if (seen.has(start)) distinct = false;
    else seen.add(start);
  }
  return { distinct, lines: counted, emptyBefore: [...empty].sort() };
}

describe('FirstCells: whether the lines of a CSV file start with distinct cells', () => {
  it('finds distinct starts, skips the header and blank lines, and reads the last line without a line feed', () => {
    const v = verdict('id,name\r\nA1,x\r\n\r\nA2,y\n\nA10\nA3,z');
    expect(v).toEqual({ distinct: true, lines: 4, emptyBefore: [] });
  });

  it('finds a repeat, in the last line too', () => {
    expect(verdict('id,n\nA,1\nB,2\nA,3\n').distinct).toBe(false);
    expect(verdict('id,n\nA,1\nB,2\nA').distinct).toBe(false);
    // the header's name is not a row's
    expect(verdict('A,n\nA,1\nB,2\n').distinct).toBe(true);
  });

  it('stops at any delimiter: a repeat in the start up to one is a repeat, whatever the delimiter', () => {
    // With "," as the delimiter the IDs "A;1" and "A;2" differ: FirstCells cannot tell, and says not distinct.
    expect(verdict('id,n\nA;1,x\nA;2,y\n').distinct).toBe(false);
    expect(verdict('id\tn\nA\t1\nA|2\t2\n').distinct).toBe(false);
  });

  it('notes the delimiters an empty start ended at (a row without a key only when it is the file’s)', () => {
    const v = verdict('id,n\n,1\n;x,2\n|y,3\nA,4\n\r\n');
    expect(v.distinct).toBe(true);
    expect(v.emptyBefore.sort()).toEqual([',', ';', '|']);
  });

  it('gives up when the lines are far shorter than the first ones (its table was sized by them)', () => {
    const long = Array.from({ length: 50 }, (_, i) => `L${i},${'x'.repeat(2000)}\n`).join('');
    const short = Array.from({ length: 60_000 }, (_, i) => `S${i}\n`).join('');
    const text = `id,n\n${long}${short}`;
    const bytes = utf8(text);
    const cells = new FirstCells(0, bytes.length);
    cells.take(bytes, long.length + 5); // the first piece holds only the long lines
    cells.take(bytes, bytes.length, true);
    expect(cells.verdict().distinct).toBe(false);
    // Sized by all of them, the same file is proven distinct.
    expect(verdict(text).distinct).toBe(true);
  });

  it('agrees with the definition on random files, in pieces of any size', () => {
    const rand = rng(7);
    const parts = ['A', 'B', '1', '字', ',', ';', '\t', '|', '\r', ' '];
    let repeats = 0;
    for (let n = 0; n < 400; n++) {
      const lines = ['h,x'];
      const count = 1 + Math.floor(rand() * (n % 2 ? 40 : 400));
      for (let i = 0; i < count; i++) {
        let line = '';
        const len = Math.floor(rand() * 6);
        for (let k = 0; k < len; k++) line += parts[Math.floor(rand() * parts.length)];
        lines.push(line);
      }
      const text = lines.join('\n') + (rand() < 0.5 ? '\n' : '');
      const want = reference(text);
      // By its own search for line feeds, and by the UTF-8 kernel's (pieces large enough for its blocks).
      for (const got of [
        verdict(text, 1 + Math.floor(rand() * 20)),
        scanned(text, 40 + Math.floor(rand() * 400)),
      ]) {
        // After a repeat the rest is not read: its counts stop there.
        if (!want.distinct) expect([n, got?.distinct]).toEqual([n, false]);
        else expect([n, { ...got, emptyBefore: got?.emptyBefore.sort() }]).toEqual([n, want]);
      }
      repeats += want.distinct ? 0 : 1;
    }
    // Both answers occur.
    expect(repeats).toBeGreaterThan(50);
    expect(repeats).toBeLessThan(350);
  });

  it('is given up by the streaming scan when the file holds a quote, and taken from it otherwise', () => {
    const scan = (text: string) => {
      const bytes = utf8(text);
      const stream = new Utf8StreamScan(1 << 20, bytes.length);
      for (let end = 0; end < bytes.length; end += 7) stream.advance(bytes.subarray(0, end));
      return stream.finish(bytes).notes.firstCells;
    };
    const rows = Array.from({ length: 300 }, (_, i) => `C${i},局${i % 3}\n`).join('');
    expect(scan(`\uFEFF办件编号,受理部门\n${rows}`)).toEqual({ distinct: true, lines: 300, emptyBefore: [] });
    // "A" and A are one ID to DuckDB: a quote anywhere ends the check
    expect(scan(`办件编号,受理部门\n${rows}"C1",局\n`)?.distinct).toBe(false);
    expect(scan(`办件编号,受理部门\n${rows}C1,局\n`)?.distinct).toBe(false);
  });
});
