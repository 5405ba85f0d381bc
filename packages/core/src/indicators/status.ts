import type { Direction, Status } from './types.ts';

/** Below this many cases a rate is flagged "n too small" instead of given a colour. */
export const MIN_DENOMINATOR = 30;

/** 95 % Wilson score interval for k successes out of n. */
export function wilson(k: number, n: number, z = 1.959964): [number, number] | null {
  if (n <= 0) return null;
  const p = k / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * Status of a rate against its target, honest about uncertainty: green only when the whole interval
 * meets the target, red only when the whole interval misses it, amber when it straddles.
 */
export function rateStatus(
  ci: [number, number] | null,
  n: number,
  target: number | undefined,
  direction: Direction,
  k?: number,
): Status {
  if (target === undefined) return 'none';
  if (!ci || n < MIN_DENOMINATOR) return 'insufficient';
  // A legal 100 % requirement (条例 deadlines) is met only by a perfect record; no interval can show it.
  if (target >= 1 && direction === 'higher' && k !== undefined) return k === n ? 'green' : 'red';
  const [lo, hi] = ci;
  if (direction === 'higher') return lo >= target ? 'green' : hi < target ? 'red' : 'amber';
  return hi <= target ? 'green' : lo > target ? 'red' : 'amber';
}

export function countStatus(value: number, target: number | undefined, direction: Direction): Status {
  if (target === undefined) return 'none';
  return (direction === 'lower' ? value <= target : value >= target) ? 'green' : 'red';
}
