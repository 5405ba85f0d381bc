import type { IndicatorDef } from '../types.ts';
import { foiBacklog } from './foi-backlog.ts';
import { foiMedianDays } from './foi-median-days.ts';
import { foiProactiveTimely } from './foi-proactive-timely.ts';
import { foiRequestOnTime } from './foi-request-on-time.ts';
import { foiVolumeByDept } from './foi-volume-by-dept.ts';
import { foiVolumeByDomain } from './foi-volume-by-domain.ts';
import { foiVolumeByFiveOpen } from './foi-volume-by-five-open.ts';
import { foiVolumeByMonth } from './foi-volume-by-month.ts';
import { hotCallbackRate } from './hot-callback-rate.ts';
import { hotClosureRate } from './hot-closure-rate.ts';
import { hotOnTimeRate } from './hot-on-time-rate.ts';
import { hotResolution } from './hot-resolution.ts';
import { hotSatisfaction } from './hot-satisfaction.ts';
import { hotTimelyReply } from './hot-timely-reply.ts';
import { itemFullOnlineRate } from './item-full-online-rate.ts';
import { itemInstantRate } from './item-instant-rate.ts';
import { itemLimitCompression } from './item-limit-compression.ts';
import { itemMaxOneTripRate } from './item-max-one-trip-rate.ts';
import { itemOnlineAvailableRate } from './item-online-available-rate.ts';
import { itemZeroTripRate } from './item-zero-trip-rate.ts';

/** Item-level (事项), disclosure (政务公开) and hotline (12345) indicators of DOMAIN §8, in display order. */
export const OTHER_INDICATORS: readonly IndicatorDef[] = [
  // 政务公开: proactive disclosure volumes and timeliness (§7.b), then on-request applications (§7.c).
  foiVolumeByDomain,
  foiVolumeByFiveOpen,
  foiVolumeByDept,
  foiVolumeByMonth,
  foiProactiveTimely,
  foiRequestOnTime,
  foiMedianDays,
  foiBacklog,
  // 事项清单 (§7.a0): online availability and depth, then speed, then trips.
  itemOnlineAvailableRate,
  itemFullOnlineRate,
  itemInstantRate,
  itemLimitCompression,
  itemZeroTripRate,
  itemMaxOneTripRate,
  // 12345 hotline (§7.d): the closed loop 办结 → 按时 → 反馈 → 回访 → 满意 → 解决.
  hotClosureRate,
  hotOnTimeRate,
  hotTimelyReply,
  hotCallbackRate,
  hotSatisfaction,
  hotResolution,
];
