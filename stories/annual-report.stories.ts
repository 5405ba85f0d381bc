import {
  type AnnualLayout,
  type AnnualReport,
  TABLE2_TITLE,
  TABLE3_COLUMNS,
  TABLE3_TITLE,
  TABLE4_TITLE,
  type Table2Cell,
  type Table4Block,
  table2Blocks,
  table3Rows,
} from '@assessment-dashboard/core/annual-report';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/index.ts';
import '../packages/elements/src/annual-report/define.ts';

/**
 * 政府信息公开工作年度报告 tables 二–四 of a county department (made-up numbers). Empty table 二 cells are
 * figures no export holds (政府集中采购, 收费项目数量), explained under the table.
 */
interface AnnualArgs {
  report: AnnualReport;
  lang: string;
}

const TABLE2_VALUES: Record<AnnualLayout, Record<string, (number | null)[]>> = {
  '2021': {
    regulation: [0, 0, 2],
    normative_doc: [3, 1, 17],
    licensing: [1268],
    punishment: [41],
    enforcement: [null],
    fees: [12.35],
  },
  '2019': {
    regulation: [0, 1, 2],
    normative_doc: [3, 3, 35],
    licensing: [212, 4, 1268],
    other_services: [380, -6, 5021],
    punishment: [1312, 0, 41],
    enforcement: [56, 0, null],
    fees: [null, null],
    procurement: [null, null],
  },
};

const missing = (layout: AnnualLayout, row: string): Table2Cell['missing'] =>
  row === 'enforcement'
    ? {
        reason: 'no_records',
        zh: '办件导出中没有任何年份的行政强制记录，无法区分“0”与“未导出”',
        en: 'The case export holds no enforcement records in any year, so 0 cannot be told from “not exported”',
      }
    : {
        reason: 'not_in_exports',
        zh: `${row === 'fees' ? '收费项目数量' : '政府集中采购数据'}不在任何导出数据中，请手工填写`,
        en: `${layout === '2019' && row === 'fees' ? 'Fee item counts' : 'Central procurement figures'} are in none of the exports; fill in by hand`,
      };

// 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 per table 三 row key.
const T3: Record<string, number[]> = {
  new_received: [38, 6, 0, 1, 2, 1, 48],
  carried_over: [2, 1, 0, 0, 0, 0, 3],
  granted: [20, 3, 0, 1, 1, 0, 25],
  partial_grant: [4, 1, 0, 0, 0, 0, 5],
  denied_third_party: [1, 0, 0, 0, 0, 0, 1],
  unable_not_held: [8, 2, 0, 0, 1, 1, 12],
  not_processed_repeat: [2, 0, 0, 0, 0, 0, 2],
  other_other: [1, 0, 0, 0, 0, 0, 1],
  other_total: [1, 0, 0, 0, 0, 0, 1],
  total_processed: [36, 6, 0, 1, 2, 1, 46],
  carried_forward: [4, 1, 0, 0, 0, 0, 5],
};

const block = (maintained: number, corrected: number, other: number, pending: number): Table4Block => ({
  maintained,
  corrected,
  other,
  pending,
  total: maintained + corrected + other + pending,
});

function report(layout: AnnualLayout, broken = false): AnnualReport {
  const agency = '县自然资源局';
  const values = TABLE2_VALUES[layout];
  return {
    year: 2025,
    layout,
    agency,
    table2: {
      kind: 'table2',
      year: 2025,
      layout,
      agency,
      title: TABLE2_TITLE,
      blocks: table2Blocks(layout).map((b) => ({
        ...b,
        rows: b.rows.map((r) => ({
          ...r,
          cells: (values[r.key] ?? []).map((value) =>
            value === null ? { value, missing: missing(layout, r.key) } : { value },
          ),
        })),
      })),
      quality: { abolishedWithoutDate: 0 },
    },
    table3: {
      kind: 'table3',
      year: 2025,
      layout,
      agency,
      title: TABLE3_TITLE,
      columns: TABLE3_COLUMNS,
      rows: table3Rows(layout).map((r) => ({
        ...r,
        values: r.kind === 'group' ? null : (T3[r.key] ?? TABLE3_COLUMNS.map(() => 0)),
      })),
      quality: {
        outcomeWithoutReply: 0,
        repliedWithoutOutcome: 0,
        unknownApplicantType: 0,
        flaggedReceivedInYear: 0,
      },
    },
    table4: {
      kind: 'table4',
      year: 2025,
      agency,
      title: TABLE4_TITLE,
      review: block(2, 1, 0, 1),
      litigation_direct: block(1, 0, 0, 0),
      litigation_after_review: block(0, 0, 0, 1),
      inferredLitigationType: 0,
    },
    violations: broken
      ? [
          {
            check: 'balance',
            table: '三',
            row: '（七）总计',
            column: '自然人',
            rule: '第一项+第二项=第三项+第四项',
            left: 40,
            right: 41,
          },
        ]
      : [],
  };
}

const meta = {
  title: 'Elements/assessment-annual-report',
  component: 'assessment-annual-report',
  render: ({ report: r, lang }) =>
    html`<div style="max-width: 72rem"><assessment-annual-report .report=${r} lang=${lang}></assessment-annual-report></div>`,
} satisfies Meta<AnnualArgs>;

export default meta;
type Story = StoryObj<AnnualArgs>;

/** 2021 format (国办公开办函〔2021〕30号), every check passing. */
export const Format2021: Story = { args: { report: report('2021'), lang: 'zh-CN' } };

/** 2019 trial format: 上一年项目数量 / 本年增/减, （九）政府集中采购 and a single （六）其他处理 row. */
export const Format2019: Story = { args: { report: report('2019'), lang: 'zh-CN' } };

/** A failed cross-check is listed above the tables. */
export const FailedCheck: Story = { args: { report: report('2021', true), lang: 'en' } };
