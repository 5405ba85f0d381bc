import {
  APPLICANT_BAND,
  ORG_BAND,
  TABLE3_CORNER,
  TABLE4_BLOCKS,
  TABLE4_CELLS,
  TABLE4_LITIGATION,
  TABLE4_REVIEW,
} from './labels.ts';
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
