import { describe, expect, it } from 'vitest';
import { addDays, addMonths, dayNumberOf, isoOf, monthsOf } from '../src/dates.ts';
import { mulberry32 } from '../src/seeded-random.ts';

describe('dates', () => {
  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-02', 169)).toBe('2025-06-20');
    expect(() => addDays('2025-02-30', 1)).toThrow(RangeError);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-03-15', -3)).toBe('2024-12-15');
    expect(addMonths('2025-12-31', 2)).toBe('2026-02-28');
  });

  it('round-trips day numbers and lists months of a range in either order', () => {
    expect(dayNumberOf('1970-01-02')).toBe(1);
    expect(isoOf(20_089)).toBe('2025-01-01');
    expect(monthsOf('2025-11..2026-01')).toEqual(['2025-11', '2025-12', '2026-01']);
    expect(monthsOf('2025-03..2025-01')).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(monthsOf('2025-13')).toEqual([]);
  });
});

describe('mulberry32', () => {
  it('gives the same stream for the same seed and the published first values', () => {
    const a = mulberry32(1);
    const b = mulberry32(1);
    const xs = Array.from({ length: 3 }, () => a());
    expect(xs).toEqual(Array.from({ length: 3 }, () => b()));
    // mulberry32(1)'s first outputs × 2^32, computed independently with Python's unbounded integers.
    expect(xs.map((x) => x * 4294967296)).toEqual([2693262067, 11749833, 2265367787]);
    expect(mulberry32(2)()).not.toBe(xs[0]);
  });
});
