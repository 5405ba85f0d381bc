import type { ImportSummary, LedgerEntry } from '@assessment-dashboard/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/index.ts';

/** The row ledger shown: per file read / loaded / rejected, reasons, unrecognised values, first entries. */
interface ReportArgs {
  imports: ImportSummary[];
  entries: LedgerEntry[];
  lang: string;
}

const summary = (over: Partial<ImportSummary>): ImportSummary => ({
  dataset: 'cases',
  file: '办件明细.csv',
  encoding: 'gb18030',
  timezone: 'Asia/Shanghai',
  read: 12_459,
  loaded: 12_422,
  rejected: 37,
  warnings: 5,
  mapped: {},
  unknown: ['备注'],
  rejectReasons: { duplicate_id: 30, unparseable_datetime: 7 },
  unmappedValues: { apply_channel: [{ value: '信鸽', count: 5 }] },
  pii: [{ column: '申请人手机号', kind: 'phone', action: 'mask' }],
  ...over,
});

const entry = (
  row: number,
  column: string,
  reason: string,
  severity: 'reject' | 'warning',
  value: string,
): LedgerEntry => ({
  dataset: 'cases',
  file: '办件明细.csv',
  row,
  column,
  reason,
  severity,
  value,
});

const meta = {
  title: 'Elements/assessment-import-report',
  component: 'assessment-import-report',
  render: ({ imports, entries, lang }) =>
    html`<assessment-import-report .imports=${imports} .entries=${entries} lang=${lang}></assessment-import-report>`,
} satisfies Meta<ReportArgs>;

export default meta;
type Story = StoryObj<ReportArgs>;

export const WithRejections: Story = {
  args: {
    imports: [summary({})],
    entries: [
      entry(14, 'case_id', 'duplicate_id', 'reject', 'SP2025000013'),
      entry(88, 'submitted_at', 'unparseable_datetime', 'reject', '2025年13月1日'),
      entry(120, 'apply_channel', 'unknown_enum_value', 'warning', '信鸽'),
    ],
    lang: 'zh-CN',
  },
};

export const Clean: Story = {
  args: {
    imports: [summary({ rejected: 0, warnings: 0, read: 12_422, rejectReasons: {}, unmappedValues: {} })],
    entries: [],
    lang: 'zh-CN',
  },
};

export const English: Story = { args: { ...WithRejections.args, lang: 'en' } as ReportArgs };
