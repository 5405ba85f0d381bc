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

describe('ByteSink.drain', () => {
  const rand = mulberry32(11);
  /** A stream of `bytes` in random pieces: a byte stream (as fetch and File bodies are) or a plain one. */
  const stream = (bytes: Uint8Array, kind: 'bytes' | 'plain'): ReadableStream<Uint8Array> => {
    let at = 0;
    const next = () => {
      const size = 1 + Math.floor(rand() * 300_000);
      const piece = bytes.slice(at, at + size);
      at += size;
      return piece;
    };
    return kind === 'bytes'
      ? new ReadableStream({
          type: 'bytes',
          pull(c) {
            if (at < bytes.length) return c.enqueue(next());
            c.close();
            c.byobRequest?.respond(0); // a read waiting for more gets what it has (as a browser's body does)
          },
        })
      : new ReadableStream({
          pull(c) {
            if (at >= bytes.length) return c.close();
            c.enqueue(next());
          },
        });
  };
  const file = (n: number) => new TextEncoder().encode(`办件编号,受理部门\n${'C1,县局 "甲"\n'.repeat(n)}`);

  it('reads a byte stream straight into the buffer of the announced size, the bytes and their check the same', async () => {
    for (const n of [0, 1, 700, 250_000]) {
      const bytes = file(n);
      const sink = new ByteSink(bytes.length, { scan: true });
      let steps = 0;
      for await (const _ of sink.drain(stream(bytes, 'bytes'))) steps++;
      const got = await sink.bytes();
      expect(got.buffer.byteLength).toBe(bytes.length); // one buffer, no copy at the end
      expect(Buffer.from(got).equals(Buffer.from(bytes))).toBe(true);
      // a megabyte per read (the reader's `min`), not one turn per piece of the stream
      expect(steps).toBeLessThanOrEqual(Math.ceil(bytes.length / (1 << 20)));
      expect(scannedAsArrived.has(got)).toBe(true);
      const view = (d: Awaited<ReturnType<typeof directCsv>>) => d && { long: d.long, quotes: d.quotes };
      expect(view(await directCsv(got, 'x.csv'))).toEqual(view(await directCsv(bytes.slice(), 'x.csv')));
    }
  });

  it('keeps every byte of a plain stream, and of a byte stream whose announced size is wrong', async () => {
    const bytes = file(120_000);
    for (const [kind, size] of [
      ['plain', bytes.length],
      ['bytes', bytes.length - 12_345],
      ['bytes', bytes.length + 1],
      ['bytes', undefined],
    ] as const) {
      const sink = new ByteSink(size, { scan: true });
      for await (const _ of sink.drain(stream(bytes, kind)));
      expect([kind, size, Buffer.from(await sink.bytes()).equals(Buffer.from(bytes))]).toEqual([
        kind,
        size,
        true,
      ]);
      expect(sink.length).toBe(bytes.length);
    }
  });
});
