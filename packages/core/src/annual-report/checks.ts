import { TABLE4_BLOCKS, TABLE4_CELLS } from './labels.ts';
import type { Table3 } from './table3.ts';
import type { Table4 } from './table4.ts';

export type CheckKey = 'balance' | 'outcome_total' | 'row_total' | 'table4_total' | 'carry_over';

/** One failed integrity check of shared/DOMAIN.md §1.7, with the labels and both sides' numbers. */
export interface Violation {
  check: CheckKey;
  table: '三' | '四';
  /** Row label (table 三) or block label (table 四). */
  row: string;
  /** Column label. */
  column: string;
  /** The rule in the form's own words, e.g. `第一项+第二项=第三项+第四项`. */
  rule: string;
  left: number;
  right: number;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * §1.7 checks 1–3 on table 三 (works on computed tables and on tables read from a published report):
 * 1. per column: 一 + 二 = （七）总计 + 四;
 * 2. per column: （七）总计 = sum of the outcome data rows （一）…（六） (2021: （六）1–3; 2019: （六）);
 * 3. per row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他.
 */
export function checkTable3(t: Table3): Violation[] {
  const out: Violation[] = [];
  const row = (key: string) => t.rows.find((r) => r.key === key);
  const val = (key: string, c: number) => row(key)?.values?.[c] ?? 0;
  const label = (key: string) => row(key)?.label ?? key;
  const outcomeRows = t.rows.filter(
    (r) => r.kind === 'data' && r.parent !== undefined && r.key !== 'total_processed',
  );
  t.columns.forEach((col, c) => {
    const left = val('new_received', c) + val('carried_over', c);
    const right = val('total_processed', c) + val('carried_forward', c);
    if (left !== right) {
      out.push({
        check: 'balance',
        table: '三',
        row: label('total_processed'),
        column: col.label,
        rule: '第一项+第二项=第三项+第四项',
        left,
        right,
      });
    }
    const total = val('total_processed', c);
    const parts = sum(outcomeRows.map((r) => r.values?.[c] ?? 0));
    if (total !== parts) {
      out.push({
        check: 'outcome_total',
        table: '三',
        row: label('total_processed'),
        column: col.label,
        rule: '（七）总计=（一）+（二）+（三）+（四）+（五）+（六）',
        left: total,
        right: parts,
      });
    }
  });
  const totalIdx = t.columns.findIndex((c) => c.key === 'total');
  for (const r of t.rows) {
    if (!r.values) continue;
    const total = r.values[totalIdx] ?? 0;
    const parts = sum(r.values.filter((_, i) => i !== totalIdx));
    if (total !== parts) {
      out.push({
        check: 'row_total',
        table: '三',
        row: r.label,
        column: t.columns[totalIdx]?.label ?? '总计',
        rule: '总计=自然人+商业企业+科研机构+社会公益组织+法律服务机构+其他',
        left: total,
        right: parts,
      });
    }
  }
  return out;
}

/** §1.7 check 4: in each block of table 四, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
export function checkTable4(t: Table4): Violation[] {
  const out: Violation[] = [];
  for (const b of TABLE4_BLOCKS) {
    const block = t[b.key];
    const parts = block.maintained + block.corrected + block.other + block.pending;
    if (block.total !== parts) {
      out.push({
        check: 'table4_total',
        table: '四',
        row: b.label,
        column: TABLE4_CELLS[4]?.label ?? '总计',
        rule: '总计=结果维持+结果纠正+其他结果+尚未审结',
        left: block.total,
        right: parts,
      });
    }
  }
  return out;
}

/** §1.7 check 5 (cross-year): this year's 二、上年结转 = last year's 四、结转下年度继续办理, per column. */
export function checkCarryOver(previous: Table3, current: Table3): Violation[] {
  const out: Violation[] = [];
  const prev = previous.rows.find((r) => r.key === 'carried_forward');
  const cur = current.rows.find((r) => r.key === 'carried_over');
  current.columns.forEach((col, c) => {
    const left = cur?.values?.[c] ?? 0;
    const right = prev?.values?.[c] ?? 0;
    if (left !== right) {
      out.push({
        check: 'carry_over',
        table: '三',
        row: cur?.label ?? 'carried_over',
        column: col.label,
        rule: `${current.year}年第二项=${previous.year}年第四项`,
        left,
        right,
      });
    }
  });
  return out;
}

/** All applicable checks; empty when the report is consistent. */
export function checkAnnualReport(report: {
  table3?: Table3;
  table4?: Table4;
  previous?: Table3;
}): Violation[] {
  return [
    ...(report.table3 ? checkTable3(report.table3) : []),
    ...(report.table4 ? checkTable4(report.table4) : []),
    ...(report.table3 && report.previous ? checkCarryOver(report.previous, report.table3) : []),
  ];
}
