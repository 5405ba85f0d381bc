import { describe, expect, it } from 'vitest';
import { ByteSink } from '../src/byte-sink.ts';
import { directCsv } from '../src/import/formats/direct-csv.ts';
import { MAX_LINE_BYTES } from '../src/import/formats/long-lines.ts';
import { scannedAsArrived } from '../src/import/formats/utf8-scan.ts';
import { mulberry32 } from '../src/seeded-random.ts';

const chunks = [new Uint8Array([1, 2, 3]), new Uint8Array([4]), new Uint8Array([5, 6])];
const fill = (sink: ByteSink) => {
  for (const c of chunks) sink.push(c);
  return sink.bytes();
};

describe('ByteSink', () => {
  it('writes the chunks into one buffer of the announced size, the bytes filling it exactly', async () => {
    const bytes = await fill(new ByteSink(6));
    expect([...bytes]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(6);
  });

  it('keeps every byte when the announced size is wrong or missing', async () => {
    for (const size of [2, 4, 100, undefined, 0, Number.NaN]) {
      const sink = new ByteSink(size);
      expect([...(await fill(sink))]).toEqual([1, 2, 3, 4, 5, 6]);
      expect(sink.length).toBe(6);
    }
  });
});

describe('ByteSink with the UTF-8 check made as the bytes arrive', () => {
  // The same cases every run.
  const rand = mulberry32(7);
  const PARTS = [
    '办件',
    'A1',
    ',',
    '\n',
    '\r\n',
    ' ',
    '\u3000',
    '"',
    '2025-01-02 09:00:00',
    '\u00a0',
    'x'.repeat(40),
  ];
  const BAD = [new Uint8Array([0xff]), new Uint8Array([0]), new Uint8Array([0xe5, 0xad])];

  it('gives directCsv what a scan of the whole file gives (validity, long lines, spaces at edges)', async () => {
    for (let n = 0; n < 400; n++) {
      const text = `${rand() < 0.3 ? '\uFEFF' : ''}办件编号,受理部门\n${Array.from({ length: 1 + Math.floor(rand() * 60) }, () => PARTS[Math.floor(rand() * PARTS.length)]).join('')}`;
      let bytes = new TextEncoder().encode(text);
      if (rand() < 0.2) {
        const bad = BAD[Math.floor(rand() * BAD.length)] as Uint8Array;
        const at = Math.floor(rand() * bytes.length);
        bytes = new Uint8Array([...bytes.subarray(0, at), ...bad, ...bytes.subarray(at)]);
      }
      const sink = new ByteSink(bytes.length, { scan: true });
      for (let at = 0; at < bytes.length; ) {
        const size = 1 + Math.floor(rand() * 9);
        sink.push(bytes.slice(at, at + size));
        at += size;
      }
      const arrived = await sink.bytes();
      // scanned on the way in, so directCsv takes that scan
      expect(scannedAsArrived.has(arrived)).toBe(true);
      const streamed = await directCsv(arrived, 'x.csv');
      const whole = await directCsv(bytes.slice(), 'x.csv');
      const view = (d: typeof whole) =>
        d && { long: d.long, edgeSpaces: d.edgeSpaces, quotes: d.quotes, bytes: [...d.bytes] };
      expect([text, view(streamed)]).toEqual([text, view(whole)]);
    }
  });

  it('notes long lines across chunks as the whole-file scan does', async () => {
    const text = `a,b\n${'y'.repeat(MAX_LINE_BYTES + 5)}\n1,2\n`;
    const bytes = new TextEncoder().encode(text);
    const sink = new ByteSink(bytes.length, { scan: true });
    for (let at = 0; at < bytes.length; at += 65_536) sink.push(bytes.slice(at, at + 65_536));
    const streamed = await directCsv(await sink.bytes(), 'x.csv');
    expect(streamed?.long).toEqual((await directCsv(bytes.slice(), 'x.csv'))?.long);
    expect(streamed?.long.length).toBe(1);
  });
});
