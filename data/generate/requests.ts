import { label, type Row } from './encode.ts';
import { pad, type Rng, Sampler } from './random.ts';
import { cal, FIRST_DAY, fmtDate, LAST_DAY, trendPos } from './time.ts';

/** On-request applications (依申请公开). */

export const N_REQUESTS = 400;

export const REQUEST_AGENCIES: Record<string, number> = {
  县自然资源局: 22,
  县住房和城乡建设局: 15,
  县人民政府办公室: 12,
  县农业农村局: 6,
  县公安局: 6,
  县人力资源和社会保障局: 6,
  县财政局: 5,
  县市场监督管理局: 5,
  县生态环境分局: 4,
  县交通运输局: 4,
  县城市管理局: 3,
  县民政局: 3,
  县教育体育局: 3,
  县卫生健康委员会: 2,
  县发展和改革委员会: 2,
  县水利局: 2,
};

export const REQUEST_OUTCOME_MIX: Record<string, number> = {
  granted: 35,
  partial_grant: 10,
  unable_not_held: 22,
  unable_needs_creation: 4,
  not_processed_petition_complaint: 5,
  not_processed_repeat: 3,
  denied_admin_query: 3,
  denied_process_info: 3,
  denied_third_party: 2,
  denied_internal_affairs: 2,
  unable_unclear_after_correction: 3,
  other_no_correction: 3,
  other_other: 2,
  denied_state_secret: 0.5,
  denied_law_forbidden: 0.5,
  denied_safety_stability: 0.5,
  denied_enforcement_file: 1,
  not_processed_publication: 0.5,
  not_processed_excessive: 1,
  not_processed_confirm_reissue: 1,
  other_fee_unpaid: 0.3,
};

export function generateRequests(rng: Rng, n = N_REQUESTS): Row[] {
  const L = (field: string, code: string) => label('requests', field, code);
  // Requests grow ~20 % from 2024 to 2025 and arrive on working days only.
  const days: number[] = [];
  const weights: number[] = [];
  for (let d = FIRST_DAY; d <= LAST_DAY; d++) {
    days.push(d);
    weights.push(cal.isWork(d) ? 0.9 + 0.2 * trendPos(d) : 0);
  }
  const daySampler = new Sampler(days, weights);

  const recs: { received: number; row: Row }[] = [];
  for (let i = 0; i < n; i++) {
    const received = daySampler.draw(rng);
    const extension = rng.chance(0.1) ? rng.pick([5, 10, 15, 20, 20]) : 0;
    const dueDay = cal.addWd(received, 20 + extension);
    const late = rng.chance(0.04);
    const replyDay = late
      ? cal.addWd(dueDay, rng.int(1, 10))
      : extension
        ? cal.addWd(received, rng.int(18, 20 + extension))
        : cal.addWd(received, rng.int(3, 20));
    const row: Row = {
      agency: rng.choose(REQUEST_AGENCIES),
      applicant_type: L(
        'applicant_type',
        rng.choose({
          natural_person: 85,
          commercial: 6,
          legal_service: 4,
          public_welfare: 1,
          research: 1,
          other_org: 3,
        }),
      ),
      channel: L(
        'channel',
        rng.choose({
          online: 45,
          registered_mail: 30,
          in_person: 15,
          email: 5,
          ordinary_mail: 3,
          fax: 1,
          other: 1,
        }),
      ),
      received_at: fmtDate(received),
      extension_wd: String(extension),
      due_at: fmtDate(dueDay),
    };
    if (replyDay <= LAST_DAY) {
      row.replied_at = fmtDate(replyDay);
      row.outcome = L('outcome', rng.choose(REQUEST_OUTCOME_MIX));
    }
    recs.push({ received, row });
  }
  recs.sort((a, b) => a.received - b.received);
  const seq = new Map<number, number>();
  return recs.map(({ received, row }) => {
    const year = cal.year(received);
    const n = (seq.get(year) ?? 0) + 1;
    seq.set(year, n);
    return { request_id: `YSQ${year}${pad(n, 4)}`, ...row };
  });
}
