/**
 * The one seeded random generator (mulberry32: 32-bit state, period 2^32), for everything that must give the
 * same output on every run: the sample data (data/generate/), test fixtures and property tests. Not for
 * anything secret. bench/generate.mjs keeps a copy because it runs as plain Node ESM without a TS loader.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
