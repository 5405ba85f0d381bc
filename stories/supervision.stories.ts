import type { BackfillResult, ReconcileResult } from '@assessment-dashboard/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/index.ts';

/** 电子监察: steps that look back-filled (事后补录) and money that does not reconcile (网下运行). */
interface SupervisionArgs {
  backfill: BackfillResult;
  reconciliation: ReconcileResult;
  lang: string;
}

const BACKFILL: BackfillResult = {
  stepsChecked: 4130,
  byDept: [
    { dept_name: '县住房和城乡建设局', steps: 6, cases: 3 },
    { dept_name: '县自然资源局', steps: 1, cases: 1 },
  ],
  flags: [
    {
      case_id: 'SF2025101300083',
      dept_name: '县自然资源局',
      step_seq: 2,
      step_name: '现场勘验',
      step_started_at: '2025-10-14 10:00:00',
      step_ended_at: '2025-10-14 10:00:58',
      recorded_at: '2025-10-14 10:01:00',
      duration_seconds: 58,
      reason: 'too_short',
      threshold: 30,
    },
    {
      case_id: 'SF2025111100027',
      dept_name: '县住房和城乡建设局',
      step_seq: 3,
      step_name: '决定',
      step_started_at: '2025-11-11 18:45:06',
      step_ended_at: '2025-11-11 19:32:07',
      recorded_at: '2025-11-27 00:45:48',
      duration_seconds: 2821,
      reason: 'recorded_late',
      threshold: 72,
    },
  ],
};

const flags = (count: number, amount: number) => ({ count, amount });
const RECONCILIATION: ReconcileResult = {
  flags: [
    {
      reason: 'receipt_without_case',
      payment_ref: 'FS20250114991571',
      dept_name: '县住房和城乡建设局',
      case_ids: [],
      case_amount: null,
      receipt_amount: 31000,
      difference: 31000,
    },
    {
      reason: 'amount_mismatch',
      payment_ref: '34172225837084416117',
      dept_name: '县不动产登记中心',
      case_ids: ['SF2025010700027'],
      case_amount: 550,
      receipt_amount: 540,
      difference: -10,
    },
  ],
  byDept: [
    {
      dept_name: '县住房和城乡建设局',
      case_amount: 0,
      receipt_amount: 31000,
      flags: {
        receipt_without_case: flags(1, 31000),
        case_without_receipt: flags(0, 0),
        case_without_ref: flags(0, 0),
        amount_mismatch: flags(0, 0),
      },
    },
  ],
  totals: { case_amount: 246660, receipt_amount: 277650, unmatched_amount: 31010, flags: 2 },
};

const meta: Meta<SupervisionArgs> = {
  title: 'Elements/assessment-supervision',
  component: 'assessment-supervision',
  args: { backfill: BACKFILL, reconciliation: RECONCILIATION, lang: 'zh-CN' },
  render: (a) =>
    html`<assessment-supervision .backfill=${a.backfill} .reconciliation=${a.reconciliation} lang=${a.lang}></assessment-supervision>`,
};
export default meta;

type Story = StoryObj<SupervisionArgs>;
export const Chinese: Story = {};
export const English: Story = { args: { lang: 'en' } };
