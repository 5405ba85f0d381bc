import type { IndicatorDef } from '../types.ts';
import { CASE_INDICATORS } from './cases.ts';
import { OTHER_INDICATORS } from './other.ts';

/** Every built-in indicator, in display order. */
export const INDICATORS: readonly IndicatorDef[] = [...CASE_INDICATORS, ...OTHER_INDICATORS];

export const indicatorByKey = (key: string): IndicatorDef | undefined =>
  INDICATORS.find((d) => d.key === key);
