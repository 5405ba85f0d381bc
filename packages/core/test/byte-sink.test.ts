import { describe, expect, it } from 'vitest';
import { ByteSink } from '../src/byte-sink.ts';

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
