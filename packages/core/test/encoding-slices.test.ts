import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../src/import/encoding.ts';
import { encodeUtf8InSlices } from '../src/yield-to-host.ts';

const MIB = 1 << 20;
/** `n` ASCII bytes, then `tail`: puts the tail's first byte at offset n. */
const at = (n: number, tail: number[]) => new Uint8Array([...new Uint8Array(n).fill(0x61), ...tail]);

describe('decoding in 1 MiB pieces gives exactly the one-pass text', () => {
  it('UTF-8: a 3-byte character cut by the piece boundary', async () => {
    const bytes = at(MIB - 1, [0xe5, 0xad, 0x97, 0x0a]); // 字
    expect(await decodeBytes(bytes)).toEqual({ text: `${'a'.repeat(MIB - 1)}字\n`, encoding: 'utf-8' });
  });

  it('GB18030: 2- and 4-byte sequences cut by the boundary; a bad UTF-8 byte after the first piece', async () => {
    // 字 = D7 D6 across the first boundary; U+0080 = 81 30 81 30 across the second.
    const bytes = new Uint8Array([...at(MIB - 1, [0xd7, 0xd6]), ...at(MIB - 3, [0x81, 0x30, 0x81, 0x30])]);
    const decoded = await decodeBytes(bytes);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(`${'a'.repeat(MIB - 1)}字${'a'.repeat(MIB - 3)}\u0080`);
  });

  it('UTF-16LE by BOM: a surrogate pair cut by the boundary', async () => {
    const body = [0xff, 0xfe, ...new Array((MIB - 4) / 2).fill([0x61, 0x00]).flat(), 0x3d, 0xd8, 0x00, 0xde];
    const decoded = await decodeBytes(new Uint8Array(body));
    expect(decoded).toEqual({ text: `${'a'.repeat((MIB - 4) / 2)}😀`, encoding: 'utf-16le' });
  });

  it('an explicit unknown encoding still rejects (the importer turns it into its own error)', async () => {
    await expect(decodeBytes(new Uint8Array([0x61]), 'no-such-encoding')).rejects.toThrow(RangeError);
  });
});

describe('encoding text to UTF-8 in pieces', () => {
  it('never splits a surrogate pair at a piece boundary', async () => {
    const text = `${'a'.repeat(MIB - 1)}😀b${'字'.repeat(MIB)}`;
    const sliced = await encodeUtf8InSlices(text);
    const whole = new TextEncoder().encode(text);
    expect(sliced.length).toBe(whole.length);
    // (toEqual on 4 MB arrays compares element by element for minutes)
    expect(Buffer.compare(sliced, whole)).toBe(0);
  });
});
