import type { BackfillReason } from './backfill.ts';
import type { ReconcileReason } from './reconcile.ts';

/** What each supervision finding is called, for every place that shows one (CLI, elements, exports). */
export const FINDING_LABELS: Record<BackfillReason | ReconcileReason, { zh: string; en: string }> = {
  too_short: { zh: '环节用时过短', en: 'Step implausibly short' },
  ends_before_start: { zh: '结束早于开始', en: 'Ends before it starts' },
  recorded_late: { zh: '事后录入', en: 'Recorded long after' },
  batch_recorded: { zh: '集中补录', en: 'Steps entered in one batch' },
  receipt_without_case: { zh: '有缴款无办件（疑似网下运行）', en: 'Money received, no case (off-line?)' },
  case_without_receipt: { zh: '有办件无缴款', en: 'Case charged, nothing received' },
  case_without_ref: { zh: '办件未记缴款书编号', en: 'Case charged, no payment reference' },
  amount_mismatch: { zh: '金额不一致', en: 'Amounts differ' },
};
