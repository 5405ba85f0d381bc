import type { IndicatorDef } from '../types.ts';
import { caseAvgElapsedWd } from './case-avg-elapsed-wd.ts';
import { caseClosureRate } from './case-closure-rate.ts';
import { caseEarlyRate } from './case-early-rate.ts';
import { caseOnTimeRate } from './case-on-time-rate.ts';
import { caseOnlineApplyRate } from './case-online-apply-rate.ts';
import { caseOnlineClosedRate } from './case-online-closed-rate.ts';
import { caseOverdueCount } from './case-overdue-count.ts';
import { caseRed } from './case-red.ts';
import { caseYellow } from './case-yellow.ts';
import { caseZeroTripActual } from './case-zero-trip-actual.ts';
import { evalBadRate } from './eval-bad-rate.ts';
import { evalGoodRate } from './eval-good-rate.ts';
import { evalRatingRate } from './eval-rating-rate.ts';
import { evalRectifyOnTime } from './eval-rectify-on-time.ts';
import { evalScore } from './eval-score.ts';

/** Case-level (办件) and evaluation (好差评) indicators of DOMAIN §8, in display order. */
export const CASE_INDICATORS: readonly IndicatorDef[] = [
  caseOnlineApplyRate,
  caseOnlineClosedRate,
  caseClosureRate,
  caseOverdueCount,
  // Timeliness of closed cases, then the live 电子监察 cards on open ones.
  caseOnTimeRate,
  caseEarlyRate,
  caseAvgElapsedWd,
  caseRed,
  caseYellow,
  caseZeroTripActual,
  // 好差评: coverage, then the verdicts, then what was done about bad ones.
  evalRatingRate,
  evalGoodRate,
  evalBadRate,
  evalScore,
  evalRectifyOnTime,
];
