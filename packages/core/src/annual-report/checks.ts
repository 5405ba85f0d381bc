import { TABLE4_BLOCKS, TABLE4_CELLS } from './labels.ts';
import type { Table2 } from './table2.ts';
import type { Table3 } from './table3.ts';
import type { Table4 } from './table4.ts';

export type CheckKey =
  | 'balance'
  | 'unplaced'
  | 'outcome_total'
  | 'row_total'
  | 'table4_total'
  | 'carry_over'
  | 'table2_published_total'
  | 'table2_carry';

/** One failed integrity check of shared/DOMAIN.md §1.7, with the labels and both sides' numbers. */
export interface Violation {
  check: CheckKey;
  table: '二' | '三' | '四';
  /** Row label (tables 二 and 三) or block label (table 四). */
  row: string;
  /** Column label. */
  column: string;
  /** The rule in the form's own words, e.g. `第一项+第二项=第三项+第四项`. */
  rule: string;
  left: number;
  right: number;
  /** For `unplaced`: the first records concerned (申请编号). */
  ids?: string[];
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * §1.7 checks 1–3 on table 三 (works on computed tables and on tables read from a published report):
 * 1. per column: 一 + 二 = （七）总计 + 四;
 * 2. per column: （七）总计 = sum of the outcome data rows （一）…（六） (2021: （六）1–3; 2019: （六）);
 * 3. per row: 总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他;
 * and, on a computed table, that every record was placed (`Table3Quality`): the count and first ids of
 * records with an outcome but no reply date, and of replies without a known outcome.
 */
export function checkTable3(t: Table3): Violation[] {
  const out: Violation[] = [];
  const q = t.quality;
  const results = t.rows.find((r) => r.key === 'results')?.label ?? '三、本年度办理结果';
  const unplaced = [
    [q?.outcomeWithoutReply, q?.unplacedIds?.outcomeWithoutReply, '有办理结果须有答复日期（办结日期）'],
    [q?.repliedWithoutOutcome, q?.unplacedIds?.repliedWithoutOutcome, '本年答复须有可识别的办理结果'],
  ] as const;
  for (const [count, ids, rule] of unplaced) {
    if (!count) continue;
    out.push({
      check: 'unplaced',
      table: '三',
      row: results,
      column: '总计',
      rule,
      left: count,
      right: 0,
      ids: [...(ids ?? [])],
    });
  }
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

type Table2Values = Map<string, number | null>;
const table2Values = (t: Table2): Table2Values => {
  const out: Table2Values = new Map();
  for (const b of t.blocks)
    for (const r of b.rows)
      for (const [i, c] of b.columns.entries()) out.set(`${r.key}.${c.key}`, r.cells[i]?.value ?? null);
  return out;
};
const table2Labels = (t: Table2, key: string): { row: string; column: string } => {
  const [row, col] = key.split('.');
  for (const b of t.blocks) {
    const r = b.rows.find((x) => x.key === row);
    const c = b.columns.find((x) => x.key === col);
    if (r && c) return { row: r.label, column: c.label };
  }
  return { row: row ?? key, column: col ?? key };
};

/**
 * Table 二 within one year (2019 layout): 对外公开总数量 ≥ 本年新公开数量 for 规章 and 规范性文件, since the
 * running total includes this year's. Cells left empty (data not available) are not checked. The 2021
 * layout has no within-year relation.
 */
export function checkTable2(t: Table2): Violation[] {
  if (t.layout !== '2019') return [];
  const v = table2Values(t);
  const out: Violation[] = [];
  for (const row of ['regulation', 'normative_doc']) {
    const totalCount = v.get(`${row}.published_total`);
    const published = v.get(`${row}.published`);
    if (totalCount == null || published == null || totalCount >= published) continue;
    out.push({
      check: 'table2_published_total',
      table: '二',
      ...table2Labels(t, `${row}.published_total`),
      rule: '对外公开总数量≥本年新公开数量',
      left: totalCount,
      right: published,
    });
  }
  return out;
}

/**
 * Table 二 across years (same layout only; empty cells skipped):
 * - 2021: 现行有效件数 = last year's 现行有效件数 + 本年制发件数 − 本年废止件数 (规章, 行政规范性文件);
 * - 2019: 对外公开总数量 = last year's 对外公开总数量 + 本年新公开数量, and 上一年项目数量 = last year's
 *   上一年项目数量 + last year's 本年增/减 (行政许可, 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费).
 */
export function checkTable2CarryOver(previous: Table2, current: Table2): Violation[] {
  if (previous.layout !== current.layout) return [];
  const p = table2Values(previous);
  const c = table2Values(current);
  const out: Violation[] = [];
  const add = (
    key: string,
    left: number | null | undefined,
    parts: (number | null | undefined)[],
    rule: string,
  ) => {
    if (left == null || parts.some((x) => x == null)) return;
    const right = (parts as number[]).reduce((a, b) => a + b, 0);
    if (left === right) return;
    out.push({ check: 'table2_carry', table: '二', ...table2Labels(current, key), rule, left, right });
  };
  const [y, y1] = [current.year, previous.year];
  if (current.layout === '2021') {
    for (const row of ['regulation', 'normative_doc']) {
      const abolished = c.get(`${row}.abolished`);
      add(
        `${row}.in_force`,
        c.get(`${row}.in_force`),
        [p.get(`${row}.in_force`), c.get(`${row}.issued`), abolished == null ? null : -abolished],
        `${y}年现行有效件数=${y1}年现行有效件数+本年制发件数−本年废止件数`,
      );
    }
    return out;
  }
  for (const row of ['regulation', 'normative_doc']) {
    add(
      `${row}.published_total`,
      c.get(`${row}.published_total`),
      [p.get(`${row}.published_total`), c.get(`${row}.published`)],
      `${y}年对外公开总数量=${y1}年对外公开总数量+本年新公开数量`,
    );
  }
  for (const row of ['licensing', 'other_services', 'punishment', 'enforcement', 'fees']) {
    add(
      `${row}.items_previous`,
      c.get(`${row}.items_previous`),
      [p.get(`${row}.items_previous`), p.get(`${row}.items_change`)],
      `${y}年上一年项目数量=${y1}年上一年项目数量+${y1}年本年增/减`,
    );
  }
  return out;
}

/** All applicable checks; empty when the report is consistent. */
export function checkAnnualReport(report: {
  table2?: Table2;
  table3?: Table3;
  table4?: Table4;
  previous?: Table3;
  previousTable2?: Table2;
}): Violation[] {
  return [
    ...(report.table2 ? checkTable2(report.table2) : []),
    ...(report.table2 && report.previousTable2
      ? checkTable2CarryOver(report.previousTable2, report.table2)
      : []),
    ...(report.table3 ? checkTable3(report.table3) : []),
    ...(report.table4 ? checkTable4(report.table4) : []),
    ...(report.table3 && report.previous ? checkCarryOver(report.previous, report.table3) : []),
  ];
}
