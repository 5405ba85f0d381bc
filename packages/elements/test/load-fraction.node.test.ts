import { describe, expect, it } from 'vitest';
import { type LoadState, loadFraction } from '../src/dashboard/load-state.ts';
import { upgradeState } from '../src/dashboard/snapshot-mode.ts';
import { snapshotPainted } from './fixtures/snapshot-state.ts';

// The loading bar always has a value: an indeterminate <progress> is redrawn all the time it shows
// (35–45 ms of CPU a second with software compositing), taken from the load it reports on.
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

describe('the loading bar', () => {
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

// The bar under a painted snapshot while the full data loads behind it (snapshot-mode.ts): the same
// fraction, on the snapshot's state; a move under a percent makes no new state (each renders the dashboard).
describe('the snapshot’s loading bar', () => {
  const painted = snapshotPainted({ url: 's.arrow', status: 'loading' });
  const fraction = (s: LoadState) => (s.phase === 'ready' ? s.snapshot?.fraction : undefined);

  it('follows the load behind the snapshot, which stays on screen', () => {
    let state: LoadState = painted;
    const seen: Array<number | undefined> = [];
    for (const step of steps) {
      state = upgradeState(state, step);
      expect(state.phase).toBe('ready');
      seen.push(fraction(state));
    }
    expect(seen).toEqual([undefined, undefined, 0.0625, 0.25, 0.25, 0.5, 0.625, 0.75]);
  });

  it('keeps its state for a move under a percent, and gives the live state once the load is done', () => {
    const at = upgradeState(painted, { phase: 'fetching', file: 'a.csv', loaded: 400, total: 1000 });
    expect(fraction(at)).toBe(0.1);
    expect(upgradeState(at, { phase: 'fetching', file: 'a.csv', loaded: 420, total: 1000 })).toBe(at);
    expect(fraction(upgradeState(at, { phase: 'fetching', file: 'a.csv', loaded: 460, total: 1000 }))).toBe(
      0.115,
    );
    const live: LoadState = { ...painted, snapshot: undefined };
    expect(upgradeState(at, live)).toBe(live);
  });
});
