import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMALL_CASES } from '../../../test/fixtures/small.ts';
import { NodeEngine } from '../src/engine/node.ts';
import { importFile } from '../src/import/import-file.ts';
import { computeIndicators } from '../src/indicators/compute.ts';
import { findBackfilledSteps } from '../src/supervision/backfill.ts';
import { reconcilePayments } from '../src/supervision/reconcile.ts';
import { watchList } from '../src/supervision/watch-list.ts';
import { SUP_CASES, SUP_RECEIPTS, SUP_STEPS } from './fixtures/supervision.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
let engine: NodeEngine;
beforeAll(async () => {
  engine = await NodeEngine.create();
  await importFile(engine, 'cases.csv', bytes(SUP_CASES));
  const steps = await importFile(engine, 'steps.csv', bytes(SUP_STEPS));
  const receipts = await importFile(engine, 'receipts.csv', bytes(SUP_RECEIPTS));
  expect([steps.dataset, steps.loaded, steps.rejected]).toEqual(['steps', 18, 0]);
  expect([receipts.dataset, receipts.loaded, receipts.rejected]).toEqual(['receipts', 8, 0]);
});
afterAll(() => engine.close());

describe('事后补录 (back-filled steps)', () => {
  it('finds every planted step and nothing else', async () => {
    const r = await findBackfilledSteps(engine);
    expect(r.stepsChecked).toBe(18);
    expect(r.flags.map((f) => [f.case_id, f.step_seq, f.step_name, f.reason, f.threshold])).toEqual([
      ['S2', 2, '现场勘验', 'too_short', 30],
      ['S3', 2, '审查', 'ends_before_start', null],
      ['S4', 2, '决定', 'recorded_late', 72],
      ['S5', 1, '受理', 'batch_recorded', 10],
      ['S5', 2, '审查', 'batch_recorded', 10],
      ['S5', 3, '决定', 'batch_recorded', 10],
    ]);
    const s2 = r.flags[0];
    expect([s2?.duration_seconds, s2?.dept_name, s2?.step_started_at]).toEqual([
      58,
      '甲局',
      '2025-03-03 10:00:00',
    ]);
    expect(r.byDept).toEqual([
      { dept_name: '乙局', steps: 5, cases: 3 },
      { dept_name: '甲局', steps: 1, cases: 1 },
    ]);
  });

  it('follows configured minimums and lags', async () => {
    // Stricter: 审核 needs 10 minutes (S6's took 5); lateness over 24 h flags S5's first step too.
    const r = await findBackfilledSteps(engine, {
      minimumMinutes: { 现场勘验: 30, 审核: 10 },
      recordedLateHours: 24,
      batchWindowMinutes: 1,
    });
    expect(r.flags.map((f) => [f.case_id, f.step_seq, f.reason])).toEqual([
      ['S2', 2, 'too_short'],
      ['S3', 2, 'ends_before_start'],
      ['S4', 2, 'recorded_late'],
      ['S5', 1, 'recorded_late'],
      ['S6', 2, 'too_short'],
    ]);
  });

  it('treats step names in the rules as values, not SQL', async () => {
    const r = await findBackfilledSteps(engine, { minimumMinutes: { "勘验') OR 1=1 --": 999 } });
    expect(r.flags.filter((f) => f.reason === 'too_short')).toEqual([]);
  });
});

describe('网下运行 (receipts reconciliation)', () => {
  it('finds every planted mismatch and nothing else, with totals per department', async () => {
    const r = await reconcilePayments(engine);
    expect(r.flags.map((f) => [f.reason, f.payment_ref, f.dept_name, f.case_ids, f.difference])).toEqual([
      ['amount_mismatch', 'P002', '甲局', ['R2'], -0.5],
      ['case_without_receipt', 'P003', '乙局', ['R3'], -80],
      ['case_without_ref', null, '乙局', ['R4'], -60],
      ['receipt_without_case', 'P900', '乙局', [], 1300000],
      ['receipt_without_case', 'P901', '甲局', [], 5000],
    ]);
    expect(r.totals).toEqual({
      case_amount: 650.5,
      receipt_amount: 1305510,
      unmatched_amount: 1305140.5,
      flags: 5,
    });
    const yi = r.byDept.find((d) => d.dept_name === '乙局');
    expect(yi?.case_amount).toBe(240);
    expect(yi?.receipt_amount).toBe(1300100);
    expect(yi?.flags.receipt_without_case).toEqual({ count: 1, amount: 1300000 });
    expect(yi?.flags.case_without_receipt).toEqual({ count: 1, amount: 80 });
    expect(yi?.flags.case_without_ref).toEqual({ count: 1, amount: 60 });
    const jia = r.byDept.find((d) => d.dept_name === '甲局');
    expect(jia?.flags.amount_mismatch).toEqual({ count: 1, amount: 0.5 });
    expect(jia?.flags.receipt_without_case).toEqual({ count: 1, amount: 5000 });
  });

  it('a tolerance of zero also reports the 0.004 difference', async () => {
    const r = await reconcilePayments(engine, { tolerance: 0 });
    expect(r.flags.filter((f) => f.reason === 'amount_mismatch').map((f) => f.payment_ref)).toEqual([
      'P002',
      'P008',
    ]);
  });
});

describe('watch list (超期 and 红黄牌)', () => {
  let small: NodeEngine;
  beforeAll(async () => {
    small = await NodeEngine.create();
    await importFile(small, 'cases.csv', bytes(SMALL_CASES));
  });
  afterAll(() => small.close());

  it('lists open cases past due (most late first) and due soon, per department', async () => {
    // As of Tue 18 March: C07 (due Mon 10th) is 6 working days late; C08 (due Thu 20th) has 2 left.
    const w = await watchList(small, { asOf: '2025-03-18' });
    expect(w.rows.map((r) => [r.case_id, r.card, r.working_days, r.due_day, r.dept_name])).toEqual([
      ['C07', 'red', 6, '2025-03-10', '乙局'],
      ['C08', 'yellow', 2, '2025-03-20', '乙局'],
    ]);
    expect(w.total).toEqual({ red: 1, yellow: 1 });
    expect(w.byDept).toEqual([{ dept_name: '乙局', red: 1, yellow: 1 }]);
    // The same population as the red and yellow card indicators.
    const ind = await computeIndicators(small, { asOf: '2025-03-18', keys: ['case.red', 'case.yellow'] });
    expect(ind.map((c) => c.result.value)).toEqual([1, 1]);
  });

  it('filters by department (bound, so quotes are harmless) and follows the yellow threshold', async () => {
    expect((await watchList(small, { asOf: '2025-03-18', dept: '甲局' })).rows).toEqual([]);
    expect((await watchList(small, { asOf: '2025-03-18', dept: "乙局' OR '1'='1" })).rows).toEqual([]);
    const w = await watchList(small, { asOf: '2025-03-18', yellowWithinWd: 1 });
    expect(w.rows.map((r) => r.case_id)).toEqual(['C07']);
  });
});
