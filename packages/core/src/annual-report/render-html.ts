import type { Violation } from './checks.ts';
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

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface RenderOptions {
  /** Caption text; defaults to `<agency> <year>年度 <table title>`. Pass '' for none. */
  caption?: string;
}

const TABLE_STYLE = 'border-collapse:collapse;font-family:SimSun,serif;font-size:10.5pt';
const CELL = 'border:1px solid #000;padding:2px 4px';
const th = (text: string, span = '', align = 'center') =>
  `<th${span} style="${CELL};text-align:${align};font-weight:normal">${escapeHtml(text)}</th>`;
const td = (n: number) => `<td style="${CELL};text-align:right">${escapeHtml(String(n))}</td>`;
const span = (rows: number, cols: number) =>
  `${rows > 1 ? ` rowspan="${rows}"` : ''}${cols > 1 ? ` colspan="${cols}"` : ''}`;

function caption(t: { agency: string | null; year: number; title: string }, opts: RenderOptions): string {
  const text = opts.caption ?? `${t.agency ? `${t.agency} ` : ''}${t.year}年度 ${t.title}`;
  return text ? `<caption>${escapeHtml(text)}</caption>` : '';
}

/**
 * Table 三 in the official layout: three label columns (一…四 span all three; （一）（二）（七） and the
 * 2019 （六） span two; 三、本年度办理结果 and the groups （三）…（六） are merged vertically over their rows),
 * then the 申请人情况 band: 自然人 | 法人或其他组织 (5) | 总计.
 */
export function renderTable3Html(t: Table3, opts: RenderOptions = {}): string {
  const orgCols = t.columns.filter((c) => c.underOrgBand);
  const first = t.columns[0];
  const last = t.columns[t.columns.length - 1];
  const head = [
    `<tr>${th(TABLE3_CORNER, span(3, 3))}${th(APPLICANT_BAND, span(1, t.columns.length))}</tr>`,
    `<tr>${th(first?.label ?? '', span(2, 1))}${th(ORG_BAND, span(1, orgCols.length))}` +
      `${th(last?.label ?? '', span(2, 1))}</tr>`,
    `<tr>${orgCols.map((c) => th(c.label)).join('')}</tr>`,
  ];
  // Number of printed (data) rows under each group row.
  const descendants = (key: string): number =>
    t.rows
      .filter((r) => r.parent === key)
      .reduce((n, r) => n + (r.kind === 'data' ? 1 : descendants(r.key)), 0);
  const body: string[] = [];
  let pending = '';
  for (const r of t.rows) {
    if (r.kind === 'group') {
      pending += th(r.label, span(descendants(r.key), 1), 'left');
      continue;
    }
    const labelCols = 3 - r.level;
    const cells = (r.values ?? []).map(td).join('');
    body.push(`<tr>${pending}${th(r.label, span(1, labelCols), 'left')}${cells}</tr>`);
    pending = '';
  }
  return (
    `<table class="annual-report-table3" style="${TABLE_STYLE}">${caption(t, opts)}` +
    `<thead>${head.join('')}</thead><tbody>${body.join('\n')}</tbody></table>`
  );
}

/** Table 四: 行政复议 (5) | 行政诉讼 → 未经复议直接起诉 (5) | 复议后起诉 (5), one row of 15 numbers. */
export function renderTable4Html(t: Table4, opts: RenderOptions = {}): string {
  const n = TABLE4_CELLS.length;
  const [review, direct, after] = TABLE4_BLOCKS;
  const head = [
    `<tr>${th(TABLE4_REVIEW, span(2, n))}${th(TABLE4_LITIGATION, span(1, 2 * n))}</tr>`,
    `<tr>${th(direct?.label ?? '', span(1, n))}${th(after?.label ?? '', span(1, n))}</tr>`,
    `<tr>${TABLE4_BLOCKS.map(() => TABLE4_CELLS.map((c) => th(c.label)).join('')).join('')}</tr>`,
  ];
  const cells = [review, direct, after].flatMap((b) => (b ? TABLE4_CELLS.map((c) => t[b.key][c.key]) : []));
  return (
    `<table class="annual-report-table4" style="${TABLE_STYLE}">${caption(t, opts)}` +
    `<thead>${head.join('')}</thead><tbody><tr>${cells.map(td).join('')}</tr></tbody></table>`
  );
}

/** Table 二 numbers as printed: integers plainly, 万元 amounts to at most six decimals (the fen). */
export function formatTable2Value(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(6)));
}

/**
 * Table 二 in the official layout: four columns; per block a caption row across the table, a header row
 * 信息内容 + value columns (the last widened to fill the table), then the rows. Cells the exports do not
 * hold are left blank (class `missing`) and explained in the footer, to be filled in by hand.
 */
export function renderTable2Html(t: Table2, opts: RenderOptions = {}): string {
  const body: string[] = [];
  for (const b of t.blocks) {
    const spanOf = (i: number) => span(1, i === b.columns.length - 1 ? TABLE2_WIDTH - b.columns.length : 1);
    body.push(`<tr>${th(b.caption, span(1, TABLE2_WIDTH))}</tr>`);
    body.push(`<tr>${th(TABLE2_CONTENT)}${b.columns.map((c, i) => th(c.label, spanOf(i))).join('')}</tr>`);
    for (const r of b.rows) {
      const cells = r.cells.map((c, i) =>
        c.value === null
          ? `<td${spanOf(i)} class="missing" title="${escapeHtml(c.missing?.zh ?? '')}" style="${CELL}"></td>`
          : `<td${spanOf(i)} style="${CELL};text-align:right">${escapeHtml(formatTable2Value(c.value))}</td>`,
      );
      body.push(`<tr>${th(r.label, '', 'left')}${cells.join('')}</tr>`);
    }
  }
  const notes = table2Notes(t);
  const foot = notes.length
    ? `<tfoot><tr><td colspan="${TABLE2_WIDTH}" style="padding:4px 0;font-size:9pt">注：空白单元格为导出数据中没有的数据，需手工填写：` +
      `<br>${notes.map((n) => escapeHtml(n.zh)).join('<br>')}</td></tr></tfoot>`
    : '';
  return (
    `<table class="annual-report-table2" style="${TABLE_STYLE}">${caption(t, opts)}` +
    `<tbody>${body.join('\n')}</tbody>${foot}</table>`
  );
}

/** One line per failed check, e.g. `三 （七）总计 / 自然人: 第一项+第二项=第三项+第四项 (5 ≠ 6)`. */
export function formatViolation(v: Violation): string {
  if (v.check === 'unplaced')
    return `${v.table} ${v.row}: ${v.left} 条记录无法归入表三（${v.rule}）: ${v.ids?.join('、') ?? ''}${(v.ids?.length ?? 0) < v.left ? ' …' : ''}`;
  return `${v.table} ${v.row} / ${v.column}: ${v.rule} (${v.left} ≠ ${v.right})`;
}

/**
 * A standalone, print-ready HTML document with tables 二, 三 and 四 of a report and the check results
 * (A4 landscape, no scripts, no external resources).
 */
export function renderAnnualReportHtml(report: AnnualReport): string {
  const title = `${report.agency ? `${report.agency} ` : ''}${report.year}年度政府信息公开工作年度报告（表二至表四）`;
  const tables = [
    renderTable2Html(report.table2),
    report.table3 ? renderTable3Html(report.table3) : '',
    report.table4 ? renderTable4Html(report.table4) : '',
  ].filter(Boolean);
  const checks = report.violations.length
    ? `<section class="checks"><h2>校验未通过</h2><ul>${report.violations
        .map((v) => `<li>${escapeHtml(formatViolation(v))}</li>`)
        .join('')}</ul></section>`
    : '<section class="checks"><p>校验全部通过。</p></section>';
  return (
    '<!doctype html>\n<html lang="zh-CN"><head><meta charset="utf-8">' +
    `<title>${escapeHtml(title)}</title><style>` +
    'body{font-family:SimSun,serif;margin:12mm}table{margin:0 0 8mm}caption{font-weight:bold;padding:2mm}' +
    '@page{size:A4 landscape;margin:12mm}@media print{table{break-inside:avoid}.checks{break-before:avoid}}' +
    `</style></head><body><h1 style="font-size:14pt">${escapeHtml(title)}</h1>\n` +
    `${tables.join('\n')}\n${checks}</body></html>\n`
  );
}
