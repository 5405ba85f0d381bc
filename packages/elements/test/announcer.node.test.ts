import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Announcer } from '../src/dashboard/announcer.ts';

// The loading line's live region must not announce every progress tick (issue 17).
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('Announcer', () => {
  it('says a new phase at once and the ticks of one phase at most every 3 s, ending on the latest', () => {
    const said: string[] = [];
    const a = new Announcer(() => said.push(a.text));
    a.say('fetching', 'bytes 0');
    // 10 s of ticks every 100 ms: 100 ticks; said at 0, 3 s, 6 s and 9 s (each time the latest tick before
    // then), and the last one by 12 s.
    for (let i = 1; i <= 100; i++) {
      vi.advanceTimersByTime(100);
      a.say('fetching', `bytes ${i}`);
    }
    expect(said).toEqual(['bytes 0', 'bytes 29', 'bytes 59', 'bytes 89']);
    vi.advanceTimersByTime(3000);
    expect(said.at(-1)).toBe('bytes 100');
    // A new phase is said at once, and a repeated text never.
    a.say('importing', 'rows');
    a.say('importing', 'rows');
    expect(said.slice(-1)).toEqual(['rows']);
    expect(said).toHaveLength(6);
  });

  it('a new phase replaces a tick still waiting', () => {
    const said: string[] = [];
    const a = new Announcer(() => said.push(a.text));
    a.say('fetching', '1 MB');
    vi.advanceTimersByTime(500);
    a.say('fetching', '2 MB');
    a.say('computing', 'computing');
    vi.advanceTimersByTime(5000);
    expect(said).toEqual(['1 MB', 'computing']);
  });
});
