import type { CaseListRow } from '@assessment-dashboard/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import type { CaseListFetcher } from '../packages/elements/src/index.ts';
import '../packages/elements/src/index.ts';
import '../packages/elements/src/drill-down/define.ts';
import { sampleEngine } from './sample-engine.ts';

/**
 * 办件清单: the cases behind a drill-down, as a virtualised table over the sample exports of `data/` (50,000
 * cases in DuckDB-WASM): rows are fetched page by page as you scroll; focus the table and use PageUp /
 * PageDown, Home / End.
 */
interface CaseListArgs {
  /** where the DuckDB files are served (Storybook: /duckdb/) */
  assetBase: string;
  lang: string;
  asOf: string;
  filters?: Record<string, string[]>;
  caption?: string;
}

const meta: Meta<CaseListArgs> = {
  title: 'Elements/assessment-case-list',
  component: 'assessment-case-list',
  args: { assetBase: '/duckdb/', lang: 'zh-CN', asOf: '2025-12-31' },
  argTypes: {
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    asOf: { name: 'as-of', control: 'text' },
  },
  loaders: [async ({ args }) => ({ engine: await sampleEngine(args.assetBase) })],
  render: (args, { loaded }) =>
    html`<assessment-case-list .engine=${loaded.engine} .filters=${args.filters} caption=${args.caption ?? ''}
      as-of=${args.asOf} lang=${args.lang}></assessment-case-list>`,
};
export default meta;

type Story = StoryObj<CaseListArgs>;

/** Every sample case (50,000 rows; a few dozen are in the DOM at any time). */
export const AllCases: Story = {};

/** One department's one service item, as the item table's `ad-drill` would open it. */
export const OneItem: Story = {
  args: {
    filters: { dept_name: ['县自然资源局'], item_code: ['11341722MB022802730118759000'] },
    caption: '农村村民宅基地审批',
  },
};

export const English: Story = { args: { lang: 'en', filters: { dept_name: ['县公安局'] } } };

/** Rows from a host's own `fetchPage` (no engine): personal columns arrive masked from core. */
const FAKE_TOTAL = 12_345;
const fakePage: CaseListFetcher = async (offset, limit) => {
  const rows: CaseListRow[] = [];
  for (let i = offset; i < Math.min(FAKE_TOTAL, offset + limit); i++) {
    const day = `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
    rows.push({
      case_id: `SF2025${String(i + 1).padStart(7, '0')}`,
      item_code: null,
      item_name: i % 2 ? '个体工商户设立登记' : '食品经营许可证核发（新办）',
      dept_name: '县市场监督管理局',
      apply_channel: i % 3 ? 'online_pc' : 'window',
      submitted_at: `${day} 09:00:00`,
      accepted_at: `${day} 10:00:00`,
      closed_at: i % 5 ? `${day} 16:00:00` : null,
      due_day: day,
      status: i % 5 ? 'closed' : 'in_progress',
      overdue: i % 5 === 0,
      overdue_wd: i % 5 === 0 ? 1 + (i % 4) : 0,
      personal: {
        申请人姓名: i % 2 ? '张*' : '欧阳**',
        联系电话: `138****${String(i % 10000).padStart(4, '0')}`,
      },
    });
  }
  return {
    total: FAKE_TOTAL,
    rows,
    personalColumns: [
      { column: '申请人姓名', kind: 'name' },
      { column: '联系电话', kind: 'phone' },
    ],
  };
};

export const Standalone: Story = {
  loaders: [],
  render: (args) =>
    html`<assessment-case-list .fetchPage=${fakePage} lang=${args.lang}></assessment-case-list>`,
};

/** At phone width the table scrolls sideways inside the element; the page does not. */
export const Phone: Story = {
  render: (args, { loaded }) =>
    html`<div style="width: 360px; border: 1px dashed #999">
      <assessment-case-list .engine=${loaded.engine} as-of=${args.asOf} lang=${args.lang}></assessment-case-list>
    </div>`,
};
