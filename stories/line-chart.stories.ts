import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../packages/elements/src/index.ts';

/** A rate month by month with its target line, a one-sentence summary and the numbers as a table. */
interface LineChartArgs {
  labels: readonly string[];
  values: ArrayLike<number>;
  target?: number;
  summary: string;
  lang: string;
  fontScale?: string;
}

const MONTHS = ['2025年1月', '2025年2月', '2025年3月', '2025年4月', '2025年5月', '2025年6月'];

const meta = {
  title: 'Elements/assessment-line-chart',
  component: 'assessment-line-chart',
  render: ({ labels, values, target, summary, lang, fontScale }) =>
    html`<div style="max-width: ${fontScale ? '360px' : '48rem'}">
      <assessment-line-chart .labels=${labels} .values=${values} .target=${target} summary=${summary}
        period-header="月份" value-header="上网办理率" lang=${lang} font-scale=${ifDefined(fontScale)}></assessment-line-chart>
    </div>`,
} satisfies Meta<LineChartArgs>;

export default meta;
type Story = StoryObj<LineChartArgs>;

export const OnlineApplyRate: Story = {
  args: {
    labels: MONTHS,
    values: Float64Array.from([0.52, 0.48, 0.55, 0.57, 0.6, 0.62]),
    target: 0.5,
    summary: '上网办理率从2025年1月的 52.0% 变为2025年6月的 62.0%。',
    lang: 'zh-CN',
  },
};

/** A month without cases is a gap, not a dip to zero. */
export const WithGap: Story = {
  args: {
    ...OnlineApplyRate.args,
    values: Float64Array.from([0.52, Number.NaN, 0.55, 0.57, 0.6, 0.62]),
  } as LineChartArgs,
};

export const English: Story = {
  args: {
    labels: ['Jan 2025', 'Feb 2025', 'Mar 2025', 'Apr 2025', 'May 2025', 'Jun 2025'],
    values: Float64Array.from([0.52, 0.48, 0.55, 0.57, 0.6, 0.62]),
    target: 0.5,
    summary: 'Online application rate went from 52.0% in Jan 2025 to 62.0% in Jun 2025.',
    lang: 'en',
  },
};

/** Large type (大字版) at phone width: `font-scale="2"`. */
export const LargeType: Story = { args: { ...OnlineApplyRate.args, fontScale: '2' } as LineChartArgs };
