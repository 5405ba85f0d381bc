import type { Engine } from '../engine/types.ts';
import { loadedTables } from '../indicators/compute.ts';

/**
 * 网下运行 (cases run outside the online system) found by reconciling money: the fees and fines recorded
 * on cases against the treasury / non-tax receipts for the same payment references (DOMAIN §4.3; the
 * seeds found 1.3 million yuan this way). Amounts in yuan.
 */
export type ReconcileReason =
  /** money received with no case recorded for it: the case was handled off-line */
  | 'receipt_without_case'
  /** a case charged a fee or fine but no receipt arrived for its payment reference */
  | 'case_without_receipt'
  /** a case charged a fee or fine but records no payment reference to match */
  | 'case_without_ref'
  /** both sides exist but the amounts differ by more than the tolerance */
  | 'amount_mismatch';

export interface ReconcileFlag {
  reason: ReconcileReason;
  payment_ref: string | null;
  dept_name: string | null;
  /** case ids sharing the reference (empty for receipt_without_case) */
  case_ids: string[];
  case_amount: number | null;
  receipt_amount: number | null;
  /** receipt minus case amount */
  difference: number;
}

export interface ReconcileDeptTotals {
  dept_name: string | null;
  case_amount: number;
  receipt_amount: number;
  /** flags and the yuan they involve, per reason */
  flags: Record<ReconcileReason, { count: number; amount: number }>;
}

export interface ReconcileResult {
  flags: ReconcileFlag[];
  byDept: ReconcileDeptTotals[];
  totals: { case_amount: number; receipt_amount: number; unmatched_amount: number; flags: number };
}

const REASONS: ReconcileReason[] = [
  'receipt_without_case',
  'case_without_receipt',
  'case_without_ref',
  'amount_mismatch',
];

export async function reconcilePayments(
  engine: Engine,
  options: { tolerance?: number } = {},
): Promise<ReconcileResult> {
  const tables = await loadedTables(engine);
  const caseCols = tables.get('cases');
  if (!tables.has('receipts'))
    throw new Error('No receipts file (缴款到账记录) is loaded: 网下运行 reconciliation needs one.');
  if (!caseCols) throw new Error('No case export (办件) is loaded: 网下运行 reconciliation needs one.');
  const money = ['fee_amount', 'fine_amount'].filter((c) => caseCols.includes(c));
  if (!money.length)
    throw new Error('The case export has no fee or fine amounts (收费金额/罚没金额) to reconcile.');
  const amount = money.map((c) => `coalesce(${c}, 0)`).join(' + ');
  const ref = caseCols.includes('payment_ref') ? "nullif(trim(payment_ref), '')" : 'NULL::VARCHAR';
  const dept = caseCols.includes('dept_name') ? 'dept_name' : 'NULL::VARCHAR';
  const sql = `WITH c AS (
      SELECT case_id, ${ref} AS ref, ${dept} AS dept, round(${amount}, 2) AS amount FROM cases WHERE ${amount} > 0),
    cr AS (SELECT ref, list(case_id ORDER BY case_id) AS case_ids, any_value(dept) AS dept, sum(amount) AS amount
      FROM c WHERE ref IS NOT NULL GROUP BY ref),
    r AS (SELECT nullif(trim(payment_ref), '') AS ref, any_value(dept_name) AS dept, sum(amount) AS amount
      FROM receipts GROUP BY 1)
    SELECT 'receipt_without_case' AS reason, r.ref, r.dept, []::VARCHAR[] AS case_ids, NULL::DOUBLE AS case_amount,
      r.amount AS receipt_amount
      FROM r LEFT JOIN cr ON cr.ref = r.ref WHERE cr.ref IS NULL
    UNION ALL
    SELECT 'case_without_receipt', cr.ref, cr.dept, cr.case_ids, cr.amount, NULL
      FROM cr LEFT JOIN r ON r.ref = cr.ref WHERE r.ref IS NULL
    UNION ALL
    SELECT 'case_without_ref', NULL, c.dept, [c.case_id], c.amount, NULL FROM c WHERE c.ref IS NULL
    UNION ALL
    SELECT 'amount_mismatch', cr.ref, cr.dept, cr.case_ids, cr.amount, r.amount
      FROM cr JOIN r ON r.ref = cr.ref WHERE abs(r.amount - cr.amount) > ?
    ORDER BY 1, 3 NULLS LAST, 2 NULLS LAST, 4`;
  const table = await engine.query(sql, [options.tolerance ?? 0.005]);
  const flags: ReconcileFlag[] = table.toArray().map((row) => {
    const o = row.toJSON() as Record<string, unknown>;
    const caseAmount = o.case_amount === null ? null : Number(o.case_amount);
    const receiptAmount = o.receipt_amount === null ? null : Number(o.receipt_amount);
    const ids = o.case_ids as { toArray(): unknown[] } | string | null;
    return {
      reason: o.reason as ReconcileReason,
      payment_ref: (o.ref as string | null) ?? null,
      dept_name: (o.dept as string | null) ?? null,
      case_ids: listOf(ids),
      case_amount: caseAmount,
      receipt_amount: receiptAmount,
      difference: round2((receiptAmount ?? 0) - (caseAmount ?? 0)),
    };
  });
  const sums = await engine.query(
    `SELECT dept, sum(case_amount) AS case_amount, sum(receipt_amount) AS receipt_amount FROM (
       SELECT ${dept} AS dept, ${amount} AS case_amount, 0 AS receipt_amount FROM cases
       UNION ALL SELECT dept_name, 0, amount FROM receipts) GROUP BY dept ORDER BY dept NULLS LAST`,
  );
  const byDept = new Map<string | null, ReconcileDeptTotals>();
  const entry = (d: string | null) => {
    let e = byDept.get(d);
    if (!e) {
      e = {
        dept_name: d,
        case_amount: 0,
        receipt_amount: 0,
        flags: Object.fromEntries(
          REASONS.map((k) => [k, { count: 0, amount: 0 }]),
        ) as ReconcileDeptTotals['flags'],
      };
      byDept.set(d, e);
    }
    return e;
  };
  for (const row of sums) {
    const e = entry((row.dept as string | null) ?? null);
    e.case_amount = round2(Number(row.case_amount ?? 0));
    e.receipt_amount = round2(Number(row.receipt_amount ?? 0));
  }
  for (const f of flags) {
    const slot = entry(f.dept_name).flags[f.reason];
    slot.count++;
    slot.amount = round2(
      slot.amount +
        Math.abs(f.reason === 'amount_mismatch' ? f.difference : (f.receipt_amount ?? f.case_amount ?? 0)),
    );
  }
  const rows = [...byDept.values()];
  return {
    flags,
    byDept: rows,
    totals: {
      case_amount: round2(rows.reduce((s, r) => s + r.case_amount, 0)),
      receipt_amount: round2(rows.reduce((s, r) => s + r.receipt_amount, 0)),
      unmatched_amount: round2(
        rows.reduce((s, r) => s + REASONS.reduce((t, k) => t + r.flags[k].amount, 0), 0),
      ),
      flags: flags.length,
    },
  };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function listOf(v: { toArray(): unknown[] } | string | null): string[] {
  if (v === null || v === undefined) return [];
  // The native engine returns lists as JSON text; DuckDB-WASM as Arrow vectors.
  if (typeof v === 'string') return JSON.parse(v) as string[];
  return [...v.toArray()].map(String);
}
