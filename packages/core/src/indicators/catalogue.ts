import { caseClosureRate } from './case-closure-rate.ts';
import { caseOnlineApplyRate } from './case-online-apply-rate.ts';
import { caseOnlineClosedRate } from './case-online-closed-rate.ts';
import { caseOverdueCount } from './case-overdue-count.ts';
import { foiVolumeByDomain } from './foi-volume-by-domain.ts';
import type { IndicatorDef } from './types.ts';

/** Every built-in indicator, in display order. */
export const INDICATORS: readonly IndicatorDef[] = [
  caseOnlineApplyRate,
  caseOnlineClosedRate,
  caseClosureRate,
  caseOverdueCount,
  foiVolumeByDomain,
];

export const indicatorByKey = (key: string): IndicatorDef | undefined =>
  INDICATORS.find((d) => d.key === key);
