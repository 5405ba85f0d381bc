import { BAD_DEPTS } from './county.ts';
import { label, type Row } from './encode.ts';
import { at, type Rng } from './random.ts';
import { CUTOFF, cal, DAY, dayOf, dayOfIso, fmtDateTime, HOUR, MIN, officeTime } from './time.ts';

/** Electronic supervision: process steps (办件过程) and treasury receipts (缴款到账记录). */

export const parseTs = (s: string): number =>
  dayOfIso(s.slice(0, 10)) * DAY +
  Number(s.slice(11, 13)) * HOUR +
  Number(s.slice(14, 16)) * MIN +
  Number(s.slice(17, 19));

/**
 * Steps of the licensing cases closed in 2025 Q4 that took at least a day. Most are plausible; a few,
 * mostly in the two weak departments, are back-filled the ways the seeds describe: a 现场勘验 of a minute
 * or two, a decision typed in weeks later, or every step entered in one sitting at the end.
 */
export function generateSteps(rng: Rng, cases: readonly Row[]): Row[] {
  const licensing = label('cases', 'item_type', 'licensing');
  const from = dayOfIso('2025-10-01');
  const out: Row[] = [];
  const id = () =>
    `${rng.pick(['张', '王', '李', '赵', '刘', '陈', '杨', '黄'])}${rng.pick(['伟', '芳', '敏', '静', '磊', '洋', '勇', '军'])}`;
  for (const c of cases) {
    if (c.item_type !== licensing || !c.accepted_at || !c.decided_at || !c.closed_at) continue;
    const accepted = parseTs(c.accepted_at);
    const decided = parseTs(c.decided_at);
    const closed = parseTs(c.closed_at);
    if (dayOf(accepted) < from || closed - accepted < DAY || decided - accepted < 6 * HOUR) continue;
    const steps: { name: string; start: number; end: number }[] = [];
    const intake = accepted + rng.int(5 * MIN, 25 * MIN);
    steps.push({ name: '受理', start: accepted, end: intake });
    const reviewEnd = Math.min(decided - HOUR, intake + rng.int(HOUR, 4 * HOUR));
    steps.push({ name: '审查', start: intake, end: Math.max(intake + 10 * MIN, reviewEnd) });
    if (rng.chance(0.4)) {
      const survey = Math.max(reviewEnd, officeTime(rng, dayOf(reviewEnd + (decided - reviewEnd) / 2)));
      if (survey + 3 * HOUR < decided)
        steps.push({ name: '现场勘验', start: survey, end: survey + rng.int(45 * MIN, 3 * HOUR) });
    }
    steps.push({
      name: '决定',
      start: Math.max(decided - rng.int(20 * MIN, HOUR), at(steps, steps.length - 1).end),
      end: decided,
    });
    steps.push({ name: '送达', start: closed, end: closed });
    const bad = BAD_DEPTS.has(c.dept_name ?? '');
    const anomaly = rng.chance(bad ? 0.06 : 0.004)
      ? rng.pick(['too_short', 'recorded_late', 'batch'] as const)
      : null;
    const survey = steps.find((x) => x.name === '现场勘验');
    if (anomaly === 'too_short' && survey) survey.end = survey.start + rng.int(40, 150);
    const batchAt = closed + rng.int(10 * MIN, 2 * HOUR);
    steps.forEach((step, i) => {
      let recorded = step.end + rng.int(0, 20 * MIN);
      if (anomaly === 'batch') recorded = batchAt + i * rng.int(20, 50);
      if (anomaly === 'recorded_late' && step.name === '决定')
        recorded = step.end + rng.int(6 * DAY, 25 * DAY);
      out.push({
        case_id: c.case_id ?? '',
        step_seq: String(i + 1),
        step_name: step.name,
        step_started_at: fmtDateTime(step.start),
        step_ended_at: fmtDateTime(step.end),
        handler_hash: id(),
        recorded_at: fmtDateTime(recorded),
      });
    });
  }
  return out;
}

/**
 * One receipt per fee-charging case, paid within days. Planted, as in the seeds' 网下运行 finding: about
 * 1.3 million yuan of fines received by the two weak departments with no case online, a few fees that
 * never arrived and a few short payments.
 */
export function generateReceipts(rng: Rng, cases: readonly Row[]): Row[] {
  const out: Row[] = [];
  for (const c of cases) {
    const fee = Number(c.fee_amount ?? 0);
    if (!(fee > 0) || !c.payment_ref || !c.accepted_at) continue;
    const bad = BAD_DEPTS.has(c.dept_name ?? '');
    if (rng.chance(bad ? 0.01 : 0.001)) continue;
    const short = rng.chance(bad ? 0.01 : 0.001) ? Math.min(rng.pick([10, 50, 100]), fee / 2) : 0;
    const paid = parseTs(c.accepted_at) + rng.int(HOUR, 3 * DAY);
    out.push({
      payment_ref: c.payment_ref,
      amount: String(fee - short),
      paid_at: fmtDateTime(Math.min(paid, CUTOFF)),
      dept_name: c.dept_name ?? '',
      receipt_no: rng.digits(10),
    });
  }
  let offline = 0;
  while (offline < 1_300_000) {
    const amount = rng.int(20, 120) * 1000;
    offline += amount;
    const day = rng.int(dayOfIso('2025-01-06'), dayOfIso('2025-12-20'));
    out.push({
      payment_ref: `FS${cal.iso(day).replaceAll('-', '')}${rng.digits(6)}`,
      amount: String(amount),
      paid_at: fmtDateTime(officeTime(rng, day)),
      dept_name: rng.pick([...BAD_DEPTS]),
      receipt_no: rng.digits(10),
    });
  }
  return out.sort((a, b) => (a.paid_at ?? '').localeCompare(b.paid_at ?? ''));
}
