import { describe, expect, it } from 'vitest';
import type { Input, LoadState } from '../src/dashboard/load-state.ts';
import { fetchInputs } from '../src/session/import-inputs.ts';

// The bytes' progress is a state (and a render of the progress line) now and then, not per piece read:
// at most ten a second, never less than 1 % apart; the first report (with the size) and the last always.

type Fetching = Extract<LoadState, { phase: 'fetching' }>;

/** An input whose bytes arrive in `pieces` reports, `gapMs` apart. */
function arriving(size: number, pieces: number, gapMs: number): Input {
  return {
    name: 'cases.csv',
    label: 'cases.csv',
    dataset: undefined,
    async read(onProgress) {
      for (let i = 1; i <= pieces; i++) {
        if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
        onProgress(Math.round((size * i) / pieces), size);
      }
      return new Uint8Array(size);
    },
  };
}

async function states(input: Input): Promise<Fetching[]> {
  const seen: Fetching[] = [];
  await fetchInputs([input], new AbortController().signal, (s) => seen.push(s));
  return seen;
}

describe('the download’s progress', () => {
  it('is shown at most ten times a second however fast the pieces come, first and last included', async () => {
    const seen = await states(arriving(180_000_000, 180, 0));
    expect(seen[0]).toMatchObject({ loaded: 0, total: undefined });
    expect(seen[1]).toMatchObject({ loaded: 1_000_000, total: 180_000_000 });
    expect(seen.at(-1)).toMatchObject({ loaded: 180_000_000, total: 180_000_000 });
    expect(seen.length).toBeLessThanOrEqual(4);
  });

  it('shows the latest count a little later when the read then stalls', async () => {
    const seen: Fetching[] = [];
    const stalled: Input = {
      name: 'cases.csv',
      label: 'cases.csv',
      dataset: undefined,
      async read(onProgress) {
        onProgress(0, 1000);
        onProgress(500, 1000); // at once: too soon to show now
        await new Promise((r) => setTimeout(r, 300));
        expect(seen.at(-1)).toMatchObject({ loaded: 500, total: 1000 });
        onProgress(1000, 1000);
        return new Uint8Array(1000);
      },
    };
    await fetchInputs([stalled], new AbortController().signal, (s) => seen.push(s));
    expect(seen.map((s) => s.loaded)).toEqual([0, 0, 500, 1000]);
  });

  it('follows pieces that come slowly, 1 % apart at least', async () => {
    const slow = await states(arriving(1000, 10, 110));
    expect(slow.map((s) => s.loaded)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
    const tiny = await states(arriving(100_000, 400, 1));
    // 400 pieces of 0.25 %, a millisecond or more apart: far fewer states than pieces.
    expect(tiny.length).toBeLessThan(60);
    expect(tiny.at(-1)?.loaded).toBe(100_000);
  });
});
