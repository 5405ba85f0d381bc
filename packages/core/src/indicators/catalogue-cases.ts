import { caseClosureRate } from './case-closure-rate.ts';
import { caseOnlineApplyRate } from './case-online-apply-rate.ts';
import { caseOnlineClosedRate } from './case-online-closed-rate.ts';
import { caseOverdueCount } from './case-overdue-count.ts';
import type { IndicatorDef } from './types.ts';

/** Case-level (办件) and evaluation (好差评) indicators of DOMAIN §8, in display order. */
export const CASE_INDICATORS: readonly IndicatorDef[] = [
  caseOnlineApplyRate,
  caseOnlineClosedRate,
  caseClosureRate,
  caseOverdueCount,
];
