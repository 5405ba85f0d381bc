import { wilson } from './status.ts';
import type { IndicatorResult } from './types.ts';

/**
 * Statistical disclosure control for small counts, applied to every result before anything shows it:
 * - `round` (recommended for public pages): every count — numerators, denominators, counts, breakdown
 *   cells — is rounded to the nearest `base` (default 5) and rates are recomputed from the rounded counts,
 *   so no filter combination can be differenced back to an exact small number;
 * - `suppress`: counts below `threshold` are withheld (null, `suppressed: true`); a rate is withheld when
 *   its numerator, its complement or its denominator is below it; in a breakdown with exactly one withheld
 *   cell the next smallest is withheld too, so the total cannot give it away.
 */
export interface DisclosureControl {
  mode: 'round' | 'suppress';
  /** suppress: smallest count shown (default 5) */
  threshold?: number;
  /** round: rounding base (default 5) */
  base?: number;
}

const roundTo = (v: number, base: number) => Math.round(v / base) * base;

export function applyDisclosureControl(
  r: IndicatorResult,
  dc: DisclosureControl | undefined,
): IndicatorResult {
  if (!dc || r.kind === 'mean' || r.kind === 'ratio' || r.status === 'unavailable') return r;
  return dc.mode === 'round' ? rounded(r, dc.base ?? 5) : suppressed(r, dc.threshold ?? 5);
}

function rounded(r: IndicatorResult, base: number): IndicatorResult {
  const round = (v: number | null) => (v === null ? null : roundTo(v, base));
  if (r.kind === 'breakdown') {
    const breakdown = r.breakdown?.map((b) => ({ ...b, value: roundTo(b.value, base) }));
    const total = breakdown?.reduce((s, b) => s + b.value, 0) ?? null;
    return { ...r, breakdown, value: total, numerator: total, disclosure: 'rounded' };
  }
  if (r.kind === 'count')
    return {
      ...r,
      value: round(r.value),
      numerator: round(r.numerator),
      denominator: round(r.denominator),
      disclosure: 'rounded',
    };
  const n = round(r.numerator);
  const d = round(r.denominator);
  const value = n !== null && d ? n / d : null;
  return {
    ...r,
    numerator: n,
    denominator: d,
    value,
    ci: n !== null && d ? wilson(n, d) : null,
    disclosure: 'rounded',
  };
}

function suppressed(r: IndicatorResult, t: number): IndicatorResult {
  const small = (v: number | null) => v !== null && v > 0 && v < t;
  if (r.kind === 'breakdown') {
    const cells = (r.breakdown ?? []).map((b) => ({ ...b, suppressed: small(b.value) }));
    if (cells.filter((c) => c.suppressed).length === 1) {
      const next = cells.filter((c) => !c.suppressed).sort((a, b) => a.value - b.value)[0];
      if (next) next.suppressed = true;
    }
    return {
      ...r,
      breakdown: cells.map((c) => ({
        key: c.key,
        value: c.suppressed ? Number.NaN : c.value,
        ...(c.suppressed ? { suppressed: true } : {}),
      })),
      disclosure: 'suppressed',
    };
  }
  if (r.kind === 'count') {
    return small(r.value)
      ? { ...r, value: null, numerator: null, status: 'none', disclosure: 'suppressed' }
      : r;
  }
  const n = r.numerator ?? 0;
  const d = r.denominator ?? 0;
  if (small(n) || small(d - n) || small(d)) {
    return {
      ...r,
      value: null,
      numerator: null,
      denominator: null,
      ci: null,
      status: 'insufficient',
      disclosure: 'suppressed',
    };
  }
  return r;
}
