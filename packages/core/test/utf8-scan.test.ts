import { describe, expect, it } from 'vitest';
import { scanUtf8WithoutNul } from '../src/import/formats/utf8-scan.ts';

/** The reference rule: a fatal WHATWG UTF-8 decoder, plus no NUL byte. */
const reference = (b: Uint8Array) => {
  if (b.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(b);
    return true;
  } catch {
    return false;
  }
};
/** The scan over pieces of `piece` bytes, as direct-csv.ts runs it. */
const scan = (b: Uint8Array, piece: number) => {
  for (let at = 0; at < b.length; ) {
    at = scanUtf8WithoutNul(b, at, Math.min(b.length, at + piece));
    if (at < 0) return false;
  }
  return true;
};

// Seeded PRNG (mulberry32): the same cases every run.
let seed = 12345;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};
/** Bytes biased towards the edges of the UTF-8 ranges (leads, continuations, boundaries). */
const EDGES = [
  0x00, 0x0a, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed,
  0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff,
];

/** Continuation bytes at the edges of the second-byte ranges. */
const CONT = [0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf];

describe('UTF-8 scan: the same verdict as a fatal TextDecoder', () => {
  it('on hand-picked sequences', () => {
    const cases: [number[], boolean][] = [
      [[0x61, 0xe5, 0xad, 0x97], true], // a字
      [[0xc0, 0x80], false], // overlong NUL
      [[0xc2, 0x80], true],
      [[0xe0, 0x9f, 0xbf], false], // overlong
      [[0xed, 0xa0, 0x80], false], // surrogate
      [[0xed, 0x9f, 0xbf], true],
      [[0xf0, 0x8f, 0xbf, 0xbf], false], // overlong
      [[0xf4, 0x90, 0x80, 0x80], false], // above U+10FFFF
      [[0xf0, 0x9f, 0x98, 0x80], true], // 😀
      [[0xe5, 0xad], false], // cut at the end
      [[0x80], false],
      [[0x61, 0x00, 0x62], false], // NUL
    ];
    for (const [bytes, ok] of cases) {
      const b = new Uint8Array(bytes);
      expect([bytes, reference(b)]).toEqual([bytes, ok]);
      expect([bytes, scan(b, 1), scan(b, 2), scan(b, 1 << 20)]).toEqual([bytes, ok, ok, ok]);
    }
  });

  it('on mostly-ASCII strings (read four bytes at a time) at every alignment of their buffer', () => {
    const ascii = [0x41, 0x30, 0x2c, 0x3a, 0x2d, 0x7f, 0x09, 0x0d];
    const rare = [0x00, 0x0a, 0x20, 0x80, 0xc2, 0xe5, 0xad, 0x97, 0xff];
    for (let n = 0; n < 5_000; n++) {
      const len = 1 + Math.floor(rand() * 40);
      const bytes = Array.from({ length: len }, () =>
        rand() < 0.93
          ? (ascii[Math.floor(rand() * ascii.length)] as number)
          : (rare[Math.floor(rand() * rare.length)] as number),
      );
      const want = reference(new Uint8Array(bytes));
      for (let offset = 0; offset < 4; offset++) {
        const buffer = new Uint8Array(offset + len + 5).fill(0x41);
        buffer.set(bytes, offset);
        const b = buffer.subarray(offset, offset + len);
        const piece = 1 + Math.floor(rand() * 9);
        if (scan(b, piece) !== want || scan(b, 1 << 20) !== want)
          expect([offset, ...bytes]).toEqual(`verdict ${want}`);
      }
    }
  });

  it('on 20,000 random byte strings, scanned in pieces of 1–7 bytes and whole', () => {
    for (let n = 0; n < 20_000; n++) {
      // Lead bytes followed mostly by continuation-range bytes, so every rule of each lead is exercised.
      const bytes: number[] = [];
      const len = 1 + Math.floor(rand() * 12);
      while (bytes.length < len) {
        bytes.push(
          rand() < 0.8 ? (EDGES[Math.floor(rand() * EDGES.length)] as number) : Math.floor(rand() * 256),
        );
        for (let k = Math.floor(rand() * 4); k > 0; k--)
          bytes.push(
            rand() < 0.85 ? (CONT[Math.floor(rand() * CONT.length)] as number) : Math.floor(rand() * 256),
          );
      }
      const b = new Uint8Array(bytes);
      const want = reference(b);
      const piece = 1 + Math.floor(rand() * 7);
      if (scan(b, piece) !== want || scan(b, 1 << 20) !== want) expect([...b]).toEqual(`verdict ${want}`);
    }
  });
});
