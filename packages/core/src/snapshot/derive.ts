import { wilson } from '../indicators/status.ts';
import type { IndicatorKind } from '../indicators/types.ts';

/**
 * Values a reader can derive from the rest of a row (or of its section) are not stored: a rate's value
 * and Wilson interval follow from its numerator and denominator, a period's 环比 / 同比 are the values of
 * other rows. The writer derives each one exactly as the reader will and stores it only when the
 * derivation does not give the very same number (a bit of `flags` says so), so reading is exact.
 */
export const FLAG = {
  value: 1,
  ci: 2,
  previous: 4,
  yearAgo: 8,
  hasMedian: 16,
  hasChange: 32,
  hasGroup: 64,
} as const;

export function deriveValue(kind: IndicatorKind, numerator: number | null, denominator: number | null) {
  if (kind === 'rate' || kind === 'ratio')
    return denominator !== null && denominator > 0 && numerator !== null ? numerator / denominator : null;
  if (kind === 'count' || kind === 'breakdown') return numerator;
  return undefined;
}

export function deriveCi(kind: IndicatorKind, numerator: number | null, denominator: number | null) {
  return kind === 'rate' && numerator !== null && denominator !== null
    ? wilson(numerator, denominator)
    : null;
}

export const sameNumber = (a: number | null | undefined, b: number | null | undefined): boolean =>
  Object.is(a ?? null, b ?? null);

export const sameCi = (a: [number, number] | null, b: [number, number] | null): boolean =>
  a === null || b === null ? a === b : Object.is(a[0], b[0]) && Object.is(a[1], b[1]);

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** The labels of the period before and of the same period a year earlier, as computeGrouped writes them. */
export function periodNeighbours(label: string): { previous: string; yearAgo: string } | undefined {
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    const previous = mo === 1 ? `${pad(y - 1, 4)}-12` : `${pad(y, 4)}-${pad(mo - 1)}`;
    return { previous, yearAgo: `${pad(y - 1, 4)}-${pad(mo)}` };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) {
    const [y, q] = [Number(m[1]), Number(m[2])];
    const previous = q === 1 ? `${pad(y - 1, 4)}-Q4` : `${pad(y, 4)}-Q${q - 1}`;
    return { previous, yearAgo: `${pad(y - 1, 4)}-Q${q}` };
  }
  m = /^(\d{4})$/.exec(label);
  if (m) {
    const y = pad(Number(m[1]) - 1, 4);
    return { previous: y, yearAgo: y };
  }
  return undefined;
}

/** Index of a section's values by indicator, group value and period, for the 环比 / 同比 derivation. */
export const changeKey = (key: string, value: string | undefined, period: string): string =>
  `${key}\u0000${value ?? ''}\u0000${period}`;
