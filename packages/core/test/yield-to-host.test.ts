import { describe, expect, it } from 'vitest';
import { concatInSlices, sliceClock } from '../src/yield-to-host.ts';

describe('work in slices', () => {
  it('concatenates parts in order, across the 4 MiB copy pieces', async () => {
    const big = new Uint8Array((4 << 20) + 3).map((_, i) => i % 251);
    const out = await concatInSlices([new Uint8Array([1, 2]), big, new Uint8Array(0), new Uint8Array([9])]);
    expect(out.length).toBe(2 + big.length + 1);
    expect([...out.subarray(0, 3)]).toEqual([1, 2, 0]);
    expect(out[2 + (4 << 20)]).toBe((4 << 20) % 251);
    expect(out[out.length - 1]).toBe(9);
    expect(out[out.length - 2]).toBe((big.length - 1) % 251);
  });

  it('yields only once the slice is spent', async () => {
    const tick = sliceClock(30);
    expect(tick()).toBeUndefined();
    const until = performance.now() + 35;
    while (performance.now() < until) {
      // busy: the slice runs out
    }
    const turn = tick();
    expect(turn).toBeInstanceOf(Promise);
    await turn;
    // a fresh slice after the yield
    expect(tick()).toBeUndefined();
  });
});
