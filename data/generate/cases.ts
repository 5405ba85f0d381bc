import { type Dept, ITEM_TYPE, PLATFORM, REGION_CODE, REGION_NAME, type Who } from './county.ts';
import { label, type Row, yesNo } from './encode.ts';
import { type Depth, type Item, type Limit, limitText } from './items.ts';
import { at, pad, type Rng, Sampler } from './random.ts';
import {
  awake,
  CUTOFF,
  cal,
  compactDate,
  DAY,
  dayOf,
  endOfDay,
  FIRST_DAY,
  fmtDateTime,
  HOUR,
  LAST_DAY,
  MIN,
  officeTime,
  secOf,
  trendPos,
} from './time.ts';

/** Cases (办件). */

export const N_CASES = 50_000;

/** Monthly seasonality of applications: 春节 (Feb) and 国庆 (Oct) dips, spring and year-end peaks. */
export const CASE_MONTH_FACTOR = [1.0, 0.72, 1.15, 1.05, 1.0, 1.05, 1.0, 0.95, 1.05, 0.85, 1.0, 1.1];

export const DEPTH_FACTOR: Record<Depth, number> = { IV: 1.25, III: 1.0, II: 0.6, I: 0 };

export function monthFactor(table: readonly number[], d: number): number {
  return at(table, cal.month(d) - 1);
}

/** Relative volume of a working day: Monday queues, quiet Fridays and make-up weekend days. */
export function workdayFactor(d: number): number {
  if (cal.isMakeup(d)) return 0.75;
  const byDow = [1, 1.15, 1.05, 1.0, 1.0, 0.92, 1];
  // The first working day after a long holiday gets the backlog.
  const afterHoliday = cal.isHoliday(d - 1) && cal.isHoliday(d - 2) ? 1.35 : 1;
  return at(byDow, cal.dow(d)) * afterHoliday;
}

/**
 * Day samplers for submissions: counter channels only on working days and slowly declining,
 * online channels every day (much less on weekends and holidays) and growing.
 */
export function caseDaySamplers(): { offline: Sampler<number>; online: Sampler<number> } {
  const days: number[] = [];
  const off: number[] = [];
  const on: number[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    const season = monthFactor(CASE_MONTH_FACTOR, d);
    const t = trendPos(d);
    days.push(d);
    off.push(cal.isWork(d) ? season * workdayFactor(d) * (1.06 - 0.12 * t) : 0);
    const dayShare = cal.isWork(d) ? workdayFactor(d) : cal.isHoliday(d) ? 0.08 : 0.22;
    on.push(season * dayShare * (0.86 + 0.3 * t));
  }
  return { offline: new Sampler(days, off), online: new Sampler(days, on) };
}

/** Hour-of-day weights of online submissions: office hours plus an evening peak. */
export const ONLINE_HOURS = [
  0.15, 0.08, 0.04, 0.03, 0.04, 0.1, 0.35, 0.9, 2.2, 3.2, 3.4, 3.0, 1.9, 1.9, 2.7, 3.0, 2.8, 2.3, 1.5, 1.4,
  1.8, 1.8, 1.1, 0.5,
];
export const onlineHourSampler = new Sampler(
  ONLINE_HOURS.map((_, h) => h),
  ONLINE_HOURS,
);

/** Counter hours 9:00–17:30 with a morning peak and a lunch-time trough. */
export const COUNTER_HOURS = { morning: [9, 11.5], lunch: [11.5, 14], afternoon: [14, 17.5] } as const;

export function submitTime(rng: Rng, d: number, online: boolean): number {
  if (online) return d * DAY + onlineHourSampler.draw(rng) * HOUR + rng.int(0, HOUR - 1);
  const [from, to] = COUNTER_HOURS[rng.choose({ morning: 55, lunch: 8, afternoon: 37 })];
  return d * DAY + rng.int(from * HOUR, to * HOUR - 1);
}

/** Counter cases are accepted on the spot, online ones the same afternoon or next working day. */
export function acceptTime(rng: Rng, submitted: number, online: boolean): number {
  const d = dayOf(submitted);
  const s = secOf(submitted);
  if (!online) return submitted + rng.int(2 * MIN, 30 * MIN);
  if (cal.isWork(d) && s < 16 * HOUR && rng.chance(0.65)) {
    return Math.min(submitted + rng.int(10 * MIN, 3 * HOUR), d * DAY + 17.8 * HOUR);
  }
  const next = cal.addWd(d + 1, 0);
  return officeTime(rng, next, 8.5 * HOUR, 11.5 * HOUR);
}

export function dueTime(accepted: number, limit: Limit): number | null {
  const d = dayOf(accepted);
  switch (limit.unit) {
    case 'instant':
      return endOfDay(d);
    case 'wd':
      return endOfDay(cal.addWd(d, limit.n));
    case 'cd':
      return endOfDay(d + limit.n);
    case 'none':
      return null;
  }
}

/** Limit length in working days (自然日 converted at 5/7), for processing-time draws. */
export function limitWd(limit: Limit): number {
  switch (limit.unit) {
    case 'wd':
      return limit.n;
    case 'cd':
      return Math.floor((limit.n * 5) / 7);
    case 'instant':
      return 0;
    case 'none':
      return 5;
  }
}

/** Working days of processing: usually well inside the promise, occasionally beyond it. */
export function processingWd(rng: Rng, limit: Limit, overdue: boolean): number {
  const n = limitWd(limit);
  if (overdue) return n + rng.int(1, Math.max(2, Math.ceil(n * 0.6)));
  if (limit.unit === 'instant') return 0;
  return Math.min(n, Math.floor((n + 1) * rng.next() ** 1.3));
}

/** Closing instant on working day `d`, never before `after`. */
export function closeTimeOn(rng: Rng, d: number, after: number): number {
  if (dayOf(after) === d) {
    const latest = Math.max(after + 10 * MIN, d * DAY + 18 * HOUR);
    return Math.min(endOfDay(d), after + rng.int(5 * MIN, Math.max(6 * MIN, latest - after)));
  }
  // A few officials close cases in the evening.
  return rng.chance(0.04) ? officeTime(rng, d, 18 * HOUR, 21 * HOUR) : officeTime(rng, d);
}

/** Dept-level online scale so the item mix hits the department's target online share. */
export function onlineScales(items: readonly Item[]): Map<Dept, number> {
  const scales = new Map<Dept, number>();
  const byDept = new Map<Dept, Item[]>();
  for (const it of items) byDept.set(it.dept, [...(byDept.get(it.dept) ?? []), it]);
  for (const [dept, list] of byDept) {
    const total = list.reduce((s, it) => s + it.weight, 0);
    const share = (scale: number) =>
      list.reduce((s, it) => s + it.weight * Math.min(0.97, scale * DEPTH_FACTOR[it.depth]), 0) / total;
    let lo = 0;
    let hi = 5;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (share(mid) < dept.online) lo = mid;
      else hi = mid;
    }
    scales.set(dept, lo);
  }
  return scales;
}

export function applicantType(rng: Rng, who: Who): string {
  const mix: Record<Who, Record<string, number>> = {
    P: { natural_person: 97, legal_person: 2, other_org: 1 },
    E: { legal_person: 88, other_org: 6, natural_person: 6 },
    M: { natural_person: 55, legal_person: 38, other_org: 7 },
  };
  return rng.choose(mix[who]);
}

export function offlineChannel(rng: Rng): string {
  return rng.choose({ window: 86, agent: 7, self_service: 4, mail: 2, other: 1 });
}

export function deliveryMode(rng: Rng, item: Item, online: boolean): string {
  if ((item.type === 'S' || item.type === 'F') && rng.chance(0.4)) return 'none';
  if (online && item.depth === 'IV') return rng.choose({ electronic: 55, mail: 30, window: 15 });
  if (online) return rng.choose({ window: 50, mail: 35, electronic: 15 });
  return rng.choose({ window: 72, mail: 18, electronic: 10 });
}

export function caseResult(rng: Rng, item: Item): string {
  if (item.type === 'S' || item.type === 'F') {
    return rng.choose({ approved: 990, terminated: 5, other: 5 });
  }
  const deny = item.dept.bad ? 50 : 15;
  return rng.choose({ approved: 1000 - deny - 9, denied: deny, forwarded: 4, terminated: 3, other: 2 });
}

export function ratingScore(rng: Rng, worse: boolean): number {
  return worse
    ? Number(rng.choose({ '5': 62, '4': 22, '3': 8, '2': 5, '1': 3 }))
    : Number(rng.choose({ '5': 80, '4': 15, '3': 3, '2': 1.2, '1': 0.8 }));
}

/** 非税收入缴款书编号: region + year + 12 digits. */
export const paymentRef = (rng: Rng, d: number): string =>
  `${REGION_CODE}${String(cal.year(d)).slice(2)}${rng.digits(12)}`;

export interface CaseRec {
  submitted: number;
  row: Row;
}

export function generateCases(rng: Rng, items: readonly Item[], n = N_CASES): Row[] {
  const L = (field: string, code: string) => label('cases', field, code);
  const itemSampler = new Sampler(
    items,
    items.map((it) => it.weight),
  );
  const days = caseDaySamplers();
  const scales = onlineScales(items);
  const recs: CaseRec[] = [];

  for (let i = 0; i < n; i++) {
    const item = itemSampler.draw(rng);
    const dept = item.dept;
    const pOnline = item.isOnline ? Math.min(0.97, (scales.get(dept) ?? 0) * DEPTH_FACTOR[item.depth]) : 0;
    const online = rng.chance(pOnline);
    const day = (online ? days.online : days.offline).draw(rng);
    // Mobile overtakes PC during the period.
    const pcShare = 0.52 - 0.2 * trendPos(day);
    const channel = online ? (rng.chance(pcShare) ? 'online_pc' : 'online_mobile') : offlineChannel(rng);
    const submitted = submitTime(rng, day, online);

    const row: Row = {
      region_code: REGION_CODE,
      region_name: REGION_NAME,
      item_code: item.code,
      catalog_code: item.catalog,
      item_name: item.name,
      item_type: L('item_type', ITEM_TYPE[item.type].code),
      dept_code: dept.code,
      dept_name: dept.name,
      domain: dept.theme,
      applicant_type: L('applicant_type', applicantType(rng, item.who)),
      case_type: L('case_type', item.caseType),
      apply_channel: L('apply_channel', channel),
      online_depth: L('online_depth', item.depth),
      submitted_at: fmtDateTime(submitted),
      statutory_limit: limitText(item.statutory),
      promised_limit: limitText(item.promised),
      trips_required: String(item.trips),
      fee_amount: '0',
      source_system: dept.system && rng.chance(0.7) ? dept.system : PLATFORM,
    };
    fillCaseOutcome(rng, row, item, online, submitted);
    recs.push({ submitted, row });
  }

  // Chronological order; 办件编号 = SF + application date + daily sequence.
  recs.sort((a, b) => a.submitted - b.submitted);
  let lastDay = -1;
  let seq = 0;
  return recs.map(({ submitted, row }) => {
    const d = dayOf(submitted);
    seq = d === lastDay ? seq + 1 : 1;
    lastDay = d;
    return { case_id: `SF${compactDate(d)}${pad(seq, 5)}`, ...row };
  });
}

/** Everything after submission: intake, processing, closure, rating. Mutates `row`. */
export function fillCaseOutcome(rng: Rng, row: Row, item: Item, online: boolean, submitted: number): void {
  const L = (field: string, code: string) => label('cases', field, code);
  const dept = item.dept;
  const tripsSoFar = online ? 0 : 1;

  // Online applications are rejected at intake more often (incomplete uploads).
  if (rng.chance(online ? 0.028 : 0.01)) {
    row.status = L('status', 'rejected_intake');
    row.closed_online = yesNo(false);
    row.is_full_online = yesNo(false);
    row.trips_actual = String(tripsSoFar);
    return;
  }

  const accepted = acceptTime(rng, submitted, online);
  if (accepted > CUTOFF) {
    // Submitted online on New Year's Eve: not yet accepted at export time.
    row.status = L('status', 'submitted');
    row.closed_online = yesNo(false);
    row.is_full_online = yesNo(false);
    row.trips_actual = String(tripsSoFar);
    return;
  }
  row.accepted_at = fmtDateTime(accepted);
  const delivery = deliveryMode(rng, item, online);
  row.result_delivery = L('result_delivery', delivery);
  const due = dueTime(accepted, item.promised);
  if (due !== null) row.promised_due_at = fmtDateTime(due);

  if (rng.chance(0.01)) {
    row.status = L('status', 'withdrawn');
    row.closed_online = yesNo(false);
    row.is_full_online = yesNo(false);
    row.trips_actual = String(tripsSoFar);
    return;
  }

  // Fees are paid once the case is under way.
  if (item.fee > 0) {
    // Non-residential transfers pay the 550 yuan tariff.
    const fee = item.fee === 80 && item.who !== 'P' && rng.chance(0.3) ? 550 : item.fee;
    row.fee_amount = String(fee);
    row.payment_ref = paymentRef(rng, dayOf(accepted));
  }

  // 特别程序 (expert review, hearing, on-site survey) suspends the clock for longer approvals.
  const paused =
    'LCO'.includes(item.type) && limitWd(item.statutory) >= 15 && rng.chance(0.008) ? rng.int(5, 30) : 0;
  if (paused) row.paused_wd = String(paused);
  const overdue = rng.chance(dept.overdue);
  const acceptDay = dayOf(accepted);
  const closeDay = cal.addWd(acceptDay, processingWd(rng, item.promised, overdue) + paused);
  const closed = closeTimeOn(rng, closeDay, accepted);

  // Cases still open at export: natural ones (close after the cutoff) plus a tail of stalled ones
  // that thins out over the last weeks of the year, on the scale of the item's own time limit.
  // Bad departments stall more.
  const ageWd = cal.wdBetween(acceptDay, LAST_DAY);
  const stallBase = (dept.bad ? 0.95 : 0.7) * (item.promised.unit === 'instant' ? 0.3 : 1);
  const stall = rng.chance(stallBase * Math.exp(-ageWd / (2 * limitWd(item.promised) + 10)));
  if (closed > CUTOFF || stall) {
    const recent = ageWd <= 1;
    const status = paused
      ? 'suspended'
      : rng.chance(0.06)
        ? 'returned'
        : recent && rng.chance(0.5)
          ? 'accepted'
          : 'in_progress';
    row.status = L('status', status);
    row.closed_online = yesNo(false);
    row.is_full_online = yesNo(false);
    row.trips_actual = String(tripsSoFar);
    return;
  }

  row.status = L('status', 'closed');
  row.closed_at = fmtDateTime(closed);
  row.result = L('result', caseResult(rng, item));
  if ('LCPOJA'.includes(item.type)) {
    // The decision is signed shortly before the result is issued, sometimes the working day before.
    const decided =
      closeDay > acceptDay && rng.chance(0.4)
        ? officeTime(rng, cal.subWd(closeDay, 1))
        : closed - rng.int(5 * MIN, 2 * HOUR);
    row.decided_at = fmtDateTime(Math.min(closed, Math.max(accepted + MIN, decided)));
  }
  const closedOnline =
    online && (item.depth === 'IV' ? rng.chance(0.93) : item.depth === 'III' && rng.chance(0.75));
  const fullOnline = closedOnline && item.depth === 'IV' && delivery !== 'window';
  row.closed_online = yesNo(closedOnline);
  row.is_full_online = yesNo(fullOnline);
  const extraTripShare = dept.bad ? 0.25 : 0.1;
  row.trips_actual = String(fullOnline ? 0 : rng.chance(extraTripShare) ? 2 : 1);

  // ~85 % rate the service; overdue and bad-department cases rate worse.
  if (!rng.chance(online ? 0.9 : 0.8)) return;
  const rated = awake(
    rng,
    closed + (!online && rng.chance(0.75) ? rng.int(30, 10 * MIN) : rng.int(5 * MIN, 2 * DAY)),
  );
  if (rated > CUTOFF) return;
  const score = ratingScore(rng, dept.bad || overdue);
  row.rating = String(score);
  row.rated_at = fmtDateTime(rated);
  if (score <= 2 && rng.chance(0.85)) {
    const fixed = officeTime(rng, cal.addWd(dayOf(rated), rng.int(1, 5)));
    if (fixed <= CUTOFF) row.bad_review_rectified_at = fmtDateTime(fixed);
  }
}
