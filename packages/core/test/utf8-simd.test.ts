import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  type LongLineNotes,
  scanUtf8Scalar,
  scanUtf8WithoutNul,
  Utf8StreamScan,
} from '../src/import/formats/utf8-scan.ts';
import { scanUtf8Simd } from '../src/import/formats/utf8-simd.ts';
import { seededPicker, TEXT_UNITS } from './fixtures/text-units.ts';

// The SIMD kernel (utf8-simd.wat) must give the scalar scan's verdict and notes on every input: the
// validity of each sequence, the long lines, the quote and a space at a cell's edge.

const { rand, pick } = seededPicker(2026);
const utf8 = (s: string) => new TextEncoder().encode(s);
/** Bytes that break UTF-8 or the rules (NUL, stray continuations, overlong and cut sequences, surrogates). */
const BAD = [
  [0x00],
  [0x80],
  [0xbf],
  [0xc0, 0x80],
  [0xe0, 0x9f, 0xbf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xf5],
  [0xff],
  [0xe5, 0xad],
  [0xf0, 0x9f],
];

/** A random text of 40–1,500 bytes; one in four holds one bad sequence somewhere. */
function sample(): Uint8Array {
  const parts: number[] = [];
  const len = 40 + Math.floor(rand() * 1460);
  const bad = rand() < 0.25 ? Math.floor(rand() * len) : -1;
  while (parts.length < len) {
    if (bad >= 0 && parts.length >= bad && parts.length < bad + 8) parts.push(...pick(BAD));
    parts.push(...utf8(pick(TEXT_UNITS)));
  }
  return new Uint8Array(parts);
}

const notes = (limit: number): LongLineNotes => ({ limit, lineStart: 0, long: [] });
const verdict = (at: number, n: LongLineNotes) =>
  at < 0
    ? 'invalid'
    : {
        long: n.long,
        lineStart: n.lineStart,
        edge: n.edgeSpace === true,
        quote: n.quote === true,
        crlf: n.crlf === true,
        bareLf: n.bareLf === true,
        loneCr: n.loneCr === true,
      };

describe('the SIMD UTF-8 scan', () => {
  it('runs here (Node has WebAssembly SIMD) and takes the bulk of a long text', () => {
    const b = utf8('县市场监督管理局,2025-03-01 09:00:00\n'.repeat(100));
    expect(scanUtf8Simd(b, 0, b.length, notes(1e6))).toBeGreaterThan(b.length - 40);
  });

  it('gives the scalar scan’s verdict and notes on 4,000 random texts, whole, in pieces and as a stream', () => {
    let invalid = 0;
    let long = 0;
    let edge = 0;
    let mixed = 0;
    let loneCr = 0;
    for (let n = 0; n < 4000; n++) {
      const b = sample();
      const limit = 5 + Math.floor(rand() * 80);
      const want = notes(limit);
      const reference = verdict(scanUtf8Scalar(b, 0, b.length, want), want);
      invalid += reference === 'invalid' ? 1 : 0;
      if (reference !== 'invalid') {
        long += reference.long.length ? 1 : 0;
        edge += reference.edge ? 1 : 0;
        mixed += reference.crlf && reference.bareLf ? 1 : 0;
        loneCr += reference.loneCr ? 1 : 0;
      }
      const whole = notes(limit);
      expect([n, verdict(scanUtf8WithoutNul(b, 0, b.length, whole), whole)]).toEqual([n, reference]);
      // In pieces, as direct-csv.ts scans (each returns where the next starts).
      const piece = 37 + Math.floor(rand() * 300);
      const pieces = notes(limit);
      let at = 0;
      while (at >= 0 && at < b.length) at = scanUtf8WithoutNul(b, at, Math.min(b.length, at + piece), pieces);
      expect([n, verdict(at, pieces)]).toEqual([n, reference]);
      // As the bytes arrive (ByteSink), a growing prefix at a time.
      const stream = new Utf8StreamScan(limit, b.length);
      for (let end = 0; end < b.length; end += 1 + Math.floor(rand() * 200))
        stream.advance(b.subarray(0, end));
      const done = stream.finish(b);
      // The stream leaves a leading byte-order mark out of the first line, as directCsv counts it.
      const bom = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
      const streamed = { ...notes(limit), lineStart: bom ? 3 : 0 };
      const streamReference = bom ? verdict(scanUtf8Scalar(b, 0, b.length, streamed), streamed) : reference;
      expect([n, done.valid ? verdict(0, done.notes) : 'invalid']).toEqual([n, streamReference]);
    }
    // Every kind of answer occurs.
    expect(invalid).toBeGreaterThan(500);
    expect(long).toBeGreaterThan(500);
    expect(edge).toBeGreaterThan(500);
    expect(mixed).toBeGreaterThan(500);
    expect(loneCr).toBeGreaterThan(500);
  });

  it('finds a bad sequence or a NUL at every position of a block, and at any offset of its buffer', () => {
    const base = utf8('字'.repeat(30));
    for (const bad of BAD)
      for (let at = 0; at < 48; at += 3)
        for (const offset of [0, 1, 7]) {
          const buffer = new Uint8Array(offset + base.length + bad.length);
          buffer.set(base.subarray(0, at), offset);
          buffer.set(bad, offset + at);
          buffer.set(base.subarray(at), offset + at + bad.length);
          const b = buffer.subarray(offset);
          expect([bad, at, offset, scanUtf8WithoutNul(b, 0, b.length, notes(1e6))]).toEqual([
            bad,
            at,
            offset,
            -1,
          ]);
        }
  });

  it('is the compiled utf8-simd.wat (scripts/build-utf8-simd.mjs --check)', () => {
    expect(() =>
      execFileSync('node', ['scripts/build-utf8-simd.mjs', '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
