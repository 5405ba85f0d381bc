import { writeXlsx, type XlsxCell, type XlsxSheet, type XlsxStyle, type XlsxValue } from '../export/xlsx.ts';
import {
  APPLICANT_BAND,
  ORG_BAND,
  TABLE2_CONTENT,
  TABLE2_WIDTH,
  TABLE3_CORNER,
  TABLE4_BLOCKS,
  TABLE4_CELLS,
  TABLE4_LITIGATION,
  TABLE4_REVIEW,
} from './labels.ts';
import type { AnnualReport } from './report.ts';
import { type Table2, table2Notes } from './table2.ts';
import type { Table3 } from './table3.ts';
import type { Table4 } from './table4.ts';

type Merge = [number, number, number, number];

/** A grid being filled: cells by (row, col) and merged ranges. */
class Grid {
  rows: (XlsxCell | null)[][] = [];
  merges: Merge[] = [];
  set(r: number, c: number, value: XlsxValue, style: XlsxStyle, rowSpan = 1, colSpan = 1) {
    for (let i = r; i < r + rowSpan; i++) {
      const row = this.rows[i] ?? [];
      this.rows[i] = row;
      for (let j = c; j < c + colSpan; j++) {
        while (row.length < j) row.push(null);
        // Covered cells carry the border style so the merged box prints with all its edges.
        row[j] = i === r && j === c ? { value, style } : { value: null, style };
      }
    }
    if (rowSpan > 1 || colSpan > 1) this.merges.push([r, c, r + rowSpan - 1, c + colSpan - 1]);
  }
  sheet(name: string, widths: number[]): XlsxSheet {
    return { name, rows: this.rows.map((r) => r ?? []), merges: this.merges, widths };
  }
}

const heading = (t: { agency: string | null; year: number; title: string }) =>
  `${t.agency ? `${t.agency} ` : ''}${t.year}年度 ${t.title}`;

/**
 * Table 二 as the official form prints it: four columns; each block a caption row across the table, a
 * header row 信息内容 + its value columns (the last one widened to fill the table), then its rows. Empty
 * cells are data the exports do not hold; the notes below the table say why.
 */
export function table2Sheet(t: Table2): XlsxSheet {
  const g = new Grid();
  g.set(0, 0, heading(t), 'title', 1, TABLE2_WIDTH);
  let r = 1;
  for (const b of t.blocks) {
    g.set(r++, 0, b.caption, 'header', 1, TABLE2_WIDTH);
    const spanOf = (i: number) => (i === b.columns.length - 1 ? TABLE2_WIDTH - b.columns.length : 1);
    g.set(r, 0, TABLE2_CONTENT, 'header');
    for (const [i, c] of b.columns.entries()) g.set(r, 1 + i, c.label, 'header', 1, spanOf(i));
    r++;
    for (const row of b.rows) {
      g.set(r, 0, row.label, 'label');
      for (const [i, cell] of row.cells.entries()) g.set(r, 1 + i, cell.value, 'number', 1, spanOf(i));
      r++;
    }
  }
  const notes = table2Notes(t);
  if (notes.length) {
    g.set(++r, 0, '注：空白单元格为导出数据中没有的数据，需手工填写：', 'plain', 1, TABLE2_WIDTH);
    for (const n of notes) g.set(++r, 0, n.zh, 'plain', 1, TABLE2_WIDTH);
  }
  return g.sheet(t.title, [28, 18, 18, 18]);
}

/** Table 三: the 申请人情况 band over 7 columns, three label columns merged as on the official form. */
export function table3Sheet(t: Table3): XlsxSheet {
  const g = new Grid();
  const n = t.columns.length;
  g.set(0, 0, heading(t), 'title', 1, 3 + n);
  g.set(1, 0, TABLE3_CORNER, 'header', 3, 3);
  g.set(1, 3, APPLICANT_BAND, 'header', 1, n);
  const orgCols = t.columns.filter((c) => c.underOrgBand);
  g.set(2, 3, t.columns[0]?.label ?? '', 'header', 2, 1);
  g.set(2, 4, ORG_BAND, 'header', 1, orgCols.length);
  g.set(2, 3 + n - 1, t.columns[n - 1]?.label ?? '', 'header', 2, 1);
  for (const [i, c] of orgCols.entries()) g.set(3, 4 + i, c.label, 'header');
  const descendants = (key: string): number =>
    t.rows
      .filter((x) => x.parent === key)
      .reduce((k, x) => k + (x.kind === 'data' ? 1 : descendants(x.key)), 0);
  let r = 4;
  for (const row of t.rows) {
    if (row.kind === 'group') {
      g.set(r, row.level, row.label, 'label', descendants(row.key), 1);
      continue;
    }
    g.set(r, row.level, row.label, 'label', 1, 3 - row.level);
    for (const [i, v] of (row.values ?? []).entries()) g.set(r, 3 + i, v, 'number');
    r++;
  }
  return g.sheet(t.title, [10, 14, 40, 9, 9, 9, 9, 9, 9, 9]);
}

/** Table 四: 行政复议 (5) | 行政诉讼 → 未经复议直接起诉 (5) | 复议后起诉 (5); one row of 15 numbers. */
export function table4Sheet(t: Table4): XlsxSheet {
  const g = new Grid();
  const n = TABLE4_CELLS.length;
  g.set(0, 0, heading(t), 'title', 1, 3 * n);
  g.set(1, 0, TABLE4_REVIEW, 'header', 2, n);
  g.set(1, n, TABLE4_LITIGATION, 'header', 1, 2 * n);
  g.set(2, n, TABLE4_BLOCKS[1]?.label ?? '', 'header', 1, n);
  g.set(2, 2 * n, TABLE4_BLOCKS[2]?.label ?? '', 'header', 1, n);
  TABLE4_BLOCKS.forEach((b, bi) => {
    TABLE4_CELLS.forEach((c, ci) => {
      g.set(3, bi * n + ci, c.label, 'header');
      g.set(4, bi * n + ci, t[b.key][c.key], 'number');
    });
  });
  return g.sheet(
    t.title,
    Array.from({ length: 3 * n }, () => 9),
  );
}

/** The report as an .xlsx workbook: one sheet per table present (二, 三, 四). */
export function annualReportXlsx(report: Pick<AnnualReport, 'table2' | 'table3' | 'table4'>): Uint8Array {
  return writeXlsx([
    ...(report.table2 ? [table2Sheet(report.table2)] : []),
    ...(report.table3 ? [table3Sheet(report.table3)] : []),
    ...(report.table4 ? [table4Sheet(report.table4)] : []),
  ]);
}
