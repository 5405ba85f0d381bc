import { describe, expect, it } from 'vitest';
import type { LoadState } from '../src/dashboard/load-state.ts';
import { loadFraction } from '../src/dashboard/status-view.ts';

// The loading bar always has a value: an indeterminate <progress> is redrawn all the time it shows
// (35–45 ms of CPU a second with software compositing), taken from the load it reports on.
describe('the loading bar', () => {
  const steps: LoadState[] = [
    { phase: 'idle' },
    { phase: 'fetching', file: 'a.csv', loaded: 0, total: undefined },
    { phase: 'fetching', file: 'a.csv', loaded: 10, total: 40 },
    { phase: 'fetching', file: 'a.csv', loaded: 40, total: 40 },
    { phase: 'starting-engine' },
    { phase: 'importing', file: 'a.csv' },
    { phase: 'importing', file: 'a.csv', parsed: 1000 },
    { phase: 'computing' },
  ];

  it('moves forward through the steps, the download by its bytes, and stays below full', () => {
    const fractions = steps.map(loadFraction);
    expect(fractions).toEqual([0, 0, 0.0625, 0.25, 0.25, 0.5, 0.625, 0.75]);
    for (let i = 1; i < fractions.length; i++)
      expect(fractions[i] as number).toBeGreaterThanOrEqual(fractions[i - 1] as number);
  });

  it('never passes its step when a server sends more bytes than it announced', () => {
    expect(loadFraction({ phase: 'fetching', file: 'a.csv', loaded: 90, total: 40 })).toBe(0.25);
  });
});
