import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../packages/elements/src/index.ts';

/** Horizontal bars, a one-sentence summary (the accessible name) and the numbers as a table. */
interface BarChartArgs {
  labels: readonly string[];
  values: ArrayLike<number>;
  summary: string;
  categoryHeader: string;
  valueHeader: string;
  lang?: string;
  fontScale?: string;
}

/** Proactive disclosures by domain (主动公开数量（按领域）), largest first, 4,300 in all. */
const DOMAINS = [
  { zh: '财政预决算', en: 'Budgets and final accounts', value: 812 },
  { zh: '义务教育', en: 'Compulsory education', value: 645 },
  { zh: '卫生健康', en: 'Health', value: 590 },
  { zh: '社会救助', en: 'Social assistance', value: 488 },
  { zh: '就业', en: 'Employment', value: 431 },
  { zh: '社会保险', en: 'Social insurance', value: 377 },
  { zh: '环境保护', en: 'Environmental protection', value: 322 },
  { zh: '城乡规划', en: 'Urban and rural planning', value: 268 },
  { zh: '公共资源交易', en: 'Public resource trading', value: 214 },
  { zh: '乡村振兴', en: 'Rural revitalisation', value: 153 },
] as const;

const meta = {
  title: 'Elements/assessment-bar-chart',
  component: 'assessment-bar-chart',
  render: ({ labels, values, summary, categoryHeader, valueHeader, lang, fontScale }) =>
    html`<div style="max-width: ${fontScale ? '360px' : '48rem'}">
      <assessment-bar-chart
        .labels=${labels}
        .values=${values}
        summary=${summary}
        category-header=${categoryHeader}
        value-header=${valueHeader}
        lang=${ifDefined(lang || undefined)}
        font-scale=${ifDefined(fontScale || undefined)}
      ></assessment-bar-chart>
    </div>`,
  argTypes: {
    labels: { control: 'object', description: 'Category labels (property)' },
    values: { control: 'object', description: 'number[] or Float64Array (property)' },
    summary: { control: 'text' },
    categoryHeader: { name: 'category-header', control: 'text' },
    valueHeader: { name: 'value-header', control: 'text' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
  },
} satisfies Meta<BarChartArgs>;

export default meta;
type Story = StoryObj<BarChartArgs>;

/** Ten Chinese domain labels; values as a Float64Array, the way DuckDB's Arrow columns are. */
export const Domains: Story = {
  args: {
    labels: DOMAINS.map((d) => d.zh),
    values: Float64Array.from(DOMAINS, (d) => d.value),
    summary: '共 4,300 条主动公开信息，分布在 10 个领域，最多的是“财政预决算”（812 条）。',
    categoryHeader: '领域',
    valueHeader: '条数',
    lang: 'zh-CN',
  },
};

export const English: Story = {
  args: {
    labels: DOMAINS.map((d) => d.en),
    values: DOMAINS.map((d) => d.value),
    summary:
      '4,300 proactive disclosures across 10 domains; ' +
      'the largest is "Budgets and final accounts" (812).',
    categoryHeader: 'Domain',
    valueHeader: 'Items',
    lang: 'en',
  },
};

/** Two categories only: bars keep their height, the chart just gets shorter. */
export const FewCategories: Story = {
  args: {
    labels: ['财政预决算', '未填写'],
    values: [2, 1],
    summary: '共 3 条主动公开信息，分布在 2 个领域，最多的是“财政预决算”（2 条）。',
    categoryHeader: '领域',
    valueHeader: '条数',
    lang: 'zh-CN',
  },
};

/** Large type (大字版) at phone width: `font-scale="2"`, labels move above their bars. */
export const LargeType: Story = { args: { ...Domains.args, fontScale: '2' } as BarChartArgs };
