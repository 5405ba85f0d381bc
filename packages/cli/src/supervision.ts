import {
  type BackfillResult,
  type DashboardConfig,
  type Engine,
  FINDING_LABELS,
  findBackfilledSteps,
  loadedTables,
  type ReconcileResult,
  reconcilePayments,
  type WatchList,
  watchList,
} from '@assessment-dashboard/core';

export interface SupervisionReport {
  watchList?: WatchList;
  backfill?: BackfillResult;
  reconciliation?: ReconcileResult;
}

/** Every supervision check the loaded files allow: watch list (cases), 事后补录 (steps), 网下运行 (receipts). */
export async function supervise(
  engine: Engine,
  options: { asOf?: string; dept?: string; config?: DashboardConfig },
): Promise<SupervisionReport> {
  const tables = await loadedTables(engine);
  const out: SupervisionReport = {};
  if (tables.has('cases')) out.watchList = await watchList(engine, options);
  if (tables.has('steps')) out.backfill = await findBackfilledSteps(engine);
  if (tables.has('receipts') && tables.has('cases')) out.reconciliation = await reconcilePayments(engine);
  return out;
}

const yuan = (n: number | null) =>
  n === null ? '–' : n.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

export function formatSupervision(r: SupervisionReport): string {
  const parts: string[] = [];
  if (r.watchList) {
    const w = r.watchList;
    parts.push(
      `超期与红黄牌（截至 ${w.asOf}）：红牌 ${w.total.red}，黄牌 ${w.total.yellow}`,
      ...w.byDept.map((d) => `  ${d.dept_name ?? '（未填部门）'}  红牌 ${d.red}  黄牌 ${d.yellow}`),
      ...w.rows
        .slice(0, 20)
        .map(
          (x) =>
            `  ${x.card === 'red' ? '红牌' : '黄牌'}  ${x.case_id}  ${x.dept_name ?? ''}  到期 ${x.due_day}  ${x.card === 'red' ? `已超期 ${x.working_days} 个工作日` : `剩余 ${x.working_days} 个工作日`}`,
        ),
    );
  }
  if (r.backfill) {
    const b = r.backfill;
    parts.push(
      `事后补录疑点：${b.flags.length} 个环节（共检查 ${b.stepsChecked} 个）`,
      ...b.byDept.map((d) => `  ${d.dept_name ?? '（未知部门）'}  环节 ${d.steps}  办件 ${d.cases}`),
      ...b.flags.map(
        (f) =>
          `  ${f.case_id} #${f.step_seq ?? '?'} ${f.step_name}  ${FINDING_LABELS[f.reason].zh}  ${f.step_started_at ?? ''} → ${f.step_ended_at ?? ''}${f.recorded_at ? `  录入 ${f.recorded_at}` : ''}`,
      ),
    );
  }
  if (r.reconciliation) {
    const c = r.reconciliation;
    parts.push(
      `网下运行对账：办件金额 ${yuan(c.totals.case_amount)} 元，缴款 ${yuan(c.totals.receipt_amount)} 元，不一致 ${c.totals.flags} 笔共 ${yuan(c.totals.unmatched_amount)} 元`,
      ...c.flags.map(
        (f) =>
          `  ${FINDING_LABELS[f.reason].zh}  ${f.payment_ref ?? '（无编号）'}  ${f.dept_name ?? ''}  办件 ${yuan(f.case_amount)}  缴款 ${yuan(f.receipt_amount)}  差额 ${yuan(f.difference)}${f.case_ids.length ? `  (${f.case_ids.join(', ')})` : ''}`,
      ),
    );
  }
  return parts.length ? parts.join('\n') : '没有可检查的数据：需要办件、办件过程或缴款到账记录。';
}
