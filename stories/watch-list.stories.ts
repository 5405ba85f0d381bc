import type { WatchList } from '@assessment-dashboard/core';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import '../packages/elements/src/index.ts';

/** 超期与红黄牌预警: open cases past due (most late first) and due soon, filterable by department. */
interface WatchListArgs {
  watchList: WatchList;
  lang: string;
}

const LIST: WatchList = {
  asOf: '2025-12-31 23:59:59',
  rows: [
    {
      case_id: '3417220001',
      dept_name: '县自然资源局',
      item_name: '建设工程规划许可证核发',
      accepted_at: '2025-11-03 09:12:00',
      due_day: '2025-12-01',
      card: 'red',
      working_days: 22,
    },
    {
      case_id: '3417220002',
      dept_name: '县市场监管局',
      item_name: '食品经营许可',
      accepted_at: '2025-12-08 10:00:00',
      due_day: '2025-12-19',
      card: 'red',
      working_days: 8,
    },
    {
      case_id: '3417220003',
      dept_name: '县自然资源局',
      item_name: '不动产首次登记',
      accepted_at: '2025-12-22 14:30:00',
      due_day: '2026-01-05',
      card: 'yellow',
      working_days: 2,
    },
    {
      case_id: '3417220004',
      dept_name: '县人社局',
      item_name: '失业保险金申领',
      accepted_at: '2025-12-29 09:00:00',
      due_day: '2025-12-31',
      card: 'yellow',
      working_days: 0,
    },
  ],
  total: { red: 2, yellow: 2 },
  byDept: [
    { dept_name: '县自然资源局', red: 1, yellow: 1 },
    { dept_name: '县市场监管局', red: 1, yellow: 0 },
    { dept_name: '县人社局', red: 0, yellow: 1 },
  ],
};

const meta: Meta<WatchListArgs> = {
  title: 'Elements/assessment-watch-list',
  component: 'assessment-watch-list',
  args: { watchList: LIST, lang: 'zh-CN' },
  argTypes: { lang: { control: 'inline-radio', options: ['zh-CN', 'en'] } },
  render: (args) =>
    html`<assessment-watch-list .watchList=${args.watchList} lang=${args.lang}></assessment-watch-list>`,
};
export default meta;

type Story = StoryObj<WatchListArgs>;
export const Chinese: Story = {};
export const English: Story = { args: { lang: 'en' } };
export const NothingLate: Story = {
  args: { watchList: { ...LIST, rows: [], total: { red: 0, yellow: 0 }, byDept: [] } },
};
