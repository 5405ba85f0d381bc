import { monthFactor, onlineHourSampler } from './cases.ts';
import { ALL_DEPTS } from './disclosure-domains.ts';
import { label, type Row, yesNo } from './encode.ts';
import { pad, type Rng, Sampler } from './random.ts';
import {
  awake,
  CUTOFF,
  cal,
  compactDate,
  DAY,
  dayOf,
  FIRST_DAY,
  fmtDateTime,
  HOUR,
  LAST_DAY,
  MIN,
  officeTime,
  secOf,
  trendPos,
} from './time.ts';

/** 12345 hotline tickets. */

export const N_TICKETS = 12_000;

/** Summer (air-conditioning, noise, water) and winter-heating peaks. */
export const HOTLINE_MONTH_FACTOR = [1.1, 0.9, 1.0, 1.0, 1.0, 1.1, 1.25, 1.25, 1.05, 0.9, 0.95, 1.05];

export const PHONE_HOURS = [
  0.3, 0.2, 0.1, 0.1, 0.1, 0.2, 0.5, 1.5, 3.5, 4.0, 3.8, 3.0, 2.2, 2.5, 3.3, 3.5, 3.2, 2.6, 2.0, 2.0, 1.8,
  1.4, 0.9, 0.5,
];
export const phoneHourSampler = new Sampler(
  PHONE_HOURS.map((_, h) => h),
  PHONE_HOURS,
);

/** 诉求分类(一级) with the departments tickets of that class are dispatched to. */
export interface HotlineCategory {
  name: string;
  w: number;
  /** Departments tickets of this class are dispatched to, with weights. */
  depts: Record<string, number>;
}

export const HOTLINE_CATEGORIES: HotlineCategory[] = [
  { name: '城乡建设', w: 14, depts: { 县住房和城乡建设局: 50, 县城市管理局: 35, 县自然资源局: 15 } },
  { name: '市场监管', w: 14, depts: { 县市场监督管理局: 100 } },
  { name: '劳动保障', w: 11, depts: { 县人力资源和社会保障局: 100 } },
  { name: '交通运输', w: 8, depts: { 县交通运输局: 60, 县公安局: 40 } },
  { name: '环境保护', w: 8, depts: { 县生态环境分局: 80, 县城市管理局: 20 } },
  { name: '教育', w: 7, depts: { 县教育体育局: 100 } },
  { name: '医疗卫生', w: 7, depts: { 县卫生健康委员会: 70, 县医疗保障局: 30 } },
  { name: '水电气暖', w: 7, depts: { 县住房和城乡建设局: 60, 县城市管理局: 20, 县水利局: 20 } },
  { name: '城市管理', w: 6, depts: { 县城市管理局: 100 } },
  { name: '民政事务', w: 5, depts: { 县民政局: 80, 县残疾人联合会: 10, 县退役军人事务局: 10 } },
  { name: '公共安全', w: 5, depts: { 县公安局: 100 } },
  { name: '农业农村', w: 5, depts: { 县农业农村局: 70, 县水利局: 15, 县林业局: 15 } },
  { name: '住房保障', w: 4, depts: { 县住房和城乡建设局: 60, 县公积金管理中心: 40 } },
  { name: '政务服务', w: 3, depts: { 县行政审批服务局: 60, 县不动产登记中心: 20, 县医疗保障局: 20 } },
  { name: '自然资源', w: 3, depts: { 县自然资源局: 80, 县不动产登记中心: 20 } },
  { name: '文化旅游', w: 2, depts: { 县文化旅游局: 100 } },
  { name: '税务', w: 2, depts: { 县税务局: 100 } },
  { name: '安全生产', w: 2, depts: { 县应急管理局: 70, 县消防救援大队: 30 } },
  { name: '其他', w: 3, depts: Object.fromEntries(ALL_DEPTS.map((n) => [n, 1])) },
];

/** Departments that answer late and leave callers unhappy more often. */
export const SLOW_HOTLINE_DEPTS = new Set(['县住房和城乡建设局', '县城市管理局', '县自然资源局']);

export type Sla = 'urgent' | 'timely' | 'normal' | 'complex';

export function hotlineDue(received: number, sla: Sla): number {
  const d = dayOf(received);
  switch (sla) {
    case 'urgent':
      return received + 2 * HOUR;
    case 'timely':
      return received + 24 * HOUR;
    case 'normal':
      return cal.addWd(d, 5) * DAY + secOf(received);
    case 'complex':
      return cal.addWd(d, 15) * DAY + secOf(received);
  }
}

/** Department reply: usually well before the due time, sometimes after it. */
export function hotlineReply(rng: Rng, received: number, due: number, sla: Sla, late: boolean): number {
  if (late) {
    if (sla === 'urgent') return due + rng.int(10 * MIN, 3 * HOUR);
    if (sla === 'timely') return due + rng.int(HOUR, DAY);
    return officeTime(rng, cal.addWd(dayOf(due), rng.int(1, 4)));
  }
  if (sla === 'urgent') return received + rng.int(20 * MIN, 110 * MIN);
  if (sla === 'timely') {
    // Only urgent tickets are worked through the night; a timely one waits for the morning if it can.
    const reply = awake(rng, received + rng.int(HOUR, 23 * HOUR));
    return reply < due ? reply : due - rng.int(10 * MIN, HOUR);
  }
  const n = sla === 'normal' ? 5 : 15;
  const k = Math.floor((n + 1) * rng.next() ** 1.2);
  // Same-day answers only while departments are reachable; otherwise the k-th working day.
  const sameDay = received + rng.int(30 * MIN, 4 * HOUR);
  const reachable =
    dayOf(sameDay) === dayOf(received) && secOf(sameDay) >= 8 * HOUR && secOf(sameDay) < 21 * HOUR;
  const reply = k === 0 && reachable ? sameDay : officeTime(rng, cal.addWd(dayOf(received), Math.max(1, k)));
  // A reply drawn on the due day but after the due time moves to the working day before.
  return reply < due ? reply : officeTime(rng, cal.subWd(dayOf(due), 1));
}

/** Callbacks happen in daytime (8:30–20:30); an evening result is called back next morning. */
export function callbackAfter(rng: Rng, t: number): number {
  const c = t + rng.int(HOUR, 36 * HOUR);
  const s = secOf(c);
  if (s >= 8.5 * HOUR && s < 20.5 * HOUR) return c;
  const d = s < 8.5 * HOUR ? dayOf(c) : dayOf(c) + 1;
  return d * DAY + rng.int(8.5 * HOUR, 11 * HOUR);
}

export function callbackResult(rng: Rng, direct: boolean, unhappy: boolean): string {
  if (direct) {
    return rng.choose({ very_satisfied: 40, satisfied: 48, basically: 5, dissatisfied: 2, unreachable: 5 });
  }
  return unhappy
    ? rng.choose({
        very_satisfied: 18,
        satisfied: 42,
        basically: 14,
        dissatisfied: 12,
        very_dissatisfied: 4,
        unreachable: 8,
        declined: 2,
      })
    : rng.choose({
        very_satisfied: 32,
        satisfied: 49,
        basically: 7.5,
        dissatisfied: 3,
        very_dissatisfied: 0.8,
        unreachable: 6.5,
        declined: 1.2,
      });
}

export function resolvedFor(rng: Rng, requestType: string, callback: string | null): string {
  if (requestType === 'consult' || requestType === 'praise') return 'resolved';
  if (callback === 'very_satisfied' || callback === 'satisfied')
    return rng.chance(0.97) ? 'resolved' : 'partially';
  if (callback === 'basically') return rng.chance(0.6) ? 'partially' : 'resolved';
  if (callback === 'dissatisfied' || callback === 'very_dissatisfied') {
    return rng.chance(0.6) ? 'unresolved' : 'partially';
  }
  return rng.choose({ resolved: 85, partially: 10, unresolved: 5 });
}

export function generateHotline(rng: Rng, n = N_TICKETS): Row[] {
  const L = (field: string, code: string) => label('hotline', field, code);
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    days.push(d);
    const dayKind = cal.isHoliday(d) ? 0.65 : cal.isWork(d) ? 1 : 0.75;
    weights.push(monthFactor(HOTLINE_MONTH_FACTOR, d) * dayKind * (0.95 + 0.1 * trendPos(d)));
  }
  const daySampler = new Sampler(days, weights);
  const categorySampler = new Sampler(
    HOTLINE_CATEGORIES,
    HOTLINE_CATEGORIES.map((c) => c.w),
  );

  const recs: { received: number; row: Row }[] = [];
  for (let i = 0; i < n; i++) {
    const d = daySampler.draw(rng);
    const channel = rng.choose({
      phone: 72,
      wechat: 10,
      web: 6,
      app: 6,
      leader_mailbox: 2,
      sms: 1,
      mailbox: 1,
      letter: 0.5,
      media: 0.5,
      other: 1,
    });
    // Written channels arrive around the clock, phone calls follow the call-centre curve.
    const hour = channel === 'phone' ? phoneHourSampler.draw(rng) : onlineHourSampler.draw(rng);
    const received = d * DAY + hour * HOUR + rng.int(0, HOUR - 1);
    const requestType = rng.choose({
      consult: 38,
      help: 18,
      complaint: 28,
      report: 7,
      suggestion: 5,
      praise: 2,
      other: 2,
    });
    const urgentish = requestType === 'help' || requestType === 'report';
    const sla = rng.choose<Sla>({ urgent: urgentish ? 6 : 1, timely: 15, normal: 70, complex: 13 });
    const category = categorySampler.draw(rng);
    const direct = rng.chance(requestType === 'consult' ? 0.36 : requestType === 'praise' ? 0.3 : 0.015);
    const due = hotlineDue(received, sla);
    const row: Row = {
      received_at: fmtDateTime(received),
      channel: L('channel', channel),
      request_type: L('request_type', requestType),
      category_l1: category.name,
      sla_class: L('sla_class', sla),
      answered_directly: yesNo(direct),
      due_at: fmtDateTime(due),
    };
    fillTicketOutcome(rng, row, { received, due, sla, direct, requestType, category });
    recs.push({ received, row });
  }

  recs.sort((a, b) => a.received - b.received);
  let lastDay = -1;
  let seq = 0;
  return recs.map(({ received, row }) => {
    const d = dayOf(received);
    seq = d === lastDay ? seq + 1 : 1;
    lastDay = d;
    return { ticket_id: `GD${compactDate(d)}${pad(seq, 4)}`, ...row };
  });
}

export interface TicketCtx {
  received: number;
  due: number;
  sla: Sla;
  direct: boolean;
  requestType: string;
  category: HotlineCategory;
}

/** Dispatch, reply, callback and closure of one ticket. Mutates `row`. */
export function fillTicketOutcome(rng: Rng, row: Row, ctx: TicketCtx): void {
  const L = (field: string, code: string) => label('hotline', field, code);
  const { received, due, sla, direct, requestType } = ctx;

  if (direct) {
    // Answered by the call-taker from the knowledge base, closed within minutes.
    const closed = received + rng.int(2 * MIN, 20 * MIN);
    if (closed > CUTOFF) {
      row.status = L('status', 'in_progress');
      return;
    }
    row.replied_at = fmtDateTime(closed);
    row.closed_at = fmtDateTime(closed);
    row.status = L('status', 'closed');
    let callback: string | null = null;
    if (rng.chance(0.3)) {
      const cbAt = callbackAfter(rng, closed);
      if (cbAt <= CUTOFF) {
        callback = callbackResult(rng, true, false);
        row.callback_at = fmtDateTime(cbAt);
        row.callback_result = L('callback_result', callback);
      }
    }
    row.resolved = L('resolved', resolvedFor(rng, requestType, callback));
    return;
  }

  const dept = rng.choose(ctx.category.depts);
  row.lead_dept = dept;
  const slow = SLOW_HOTLINE_DEPTS.has(dept);
  const late = rng.chance(slow ? 0.12 : 0.04);
  const replied = hotlineReply(rng, received, due, sla, late);
  const withCallback = rng.chance(0.9);
  const callbackAt = withCallback ? callbackAfter(rng, replied) : null;
  const closed = (callbackAt ?? replied) + rng.int(5 * MIN, callbackAt ? 4 * HOUR : 20 * HOUR);

  // Besides tickets whose work runs past the cutoff, a thin tail of December tickets is stuck.
  const ageDays = LAST_DAY - dayOf(received);
  const stuck = rng.chance((slow ? 0.9 : 0.6) * Math.exp(-ageDays / 25));
  if (closed > CUTOFF || stuck) {
    const repliedKnown = replied <= CUTOFF && !stuck;
    if (repliedKnown) row.replied_at = fmtDateTime(replied);
    row.status = L('status', repliedKnown ? 'replied' : 'in_progress');
    return;
  }
  row.replied_at = fmtDateTime(replied);
  row.closed_at = fmtDateTime(closed);
  row.status = L('status', 'closed');
  let callback: string | null = null;
  if (callbackAt !== null) {
    callback = callbackResult(rng, false, slow || late);
    row.callback_at = fmtDateTime(callbackAt);
    row.callback_result = L('callback_result', callback);
  }
  row.resolved = L('resolved', resolvedFor(rng, requestType, callback));
}
