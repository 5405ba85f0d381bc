import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../packages/elements/src/index.ts';
import '../packages/elements/src/calendar-heatmap/define.ts';
import { DAILY_CASES_2025, DAYS_2025 } from './fixtures/daily-cases-2025.ts';

/**
 * Daily volume as a calendar: cases applied for per day in the sample export (data/cases.csv), with the
 * national holidays hatched and marked 休 and the 调休 working weekends marked 班. Arrow keys move between
 * days, Enter fires `ad-select`.
 */
interface CalendarHeatmapArgs {
  dates: readonly string[];
  values: readonly number[];
  from?: string;
  to?: string;
  selected?: string;
  lang?: string;
  fontScale?: string;
  width: string;
}

const meta = {
  title: 'Elements/assessment-calendar-heatmap',
  component: 'assessment-calendar-heatmap',
  render: ({ dates, values, from, to, selected, lang, fontScale, width }) =>
    html`<div style=${`max-width: ${width}`}>
      <assessment-calendar-heatmap
        .dates=${dates}
        .values=${values}
        from=${ifDefined(from)}
        to=${ifDefined(to)}
        selected=${ifDefined(selected)}
        lang=${ifDefined(lang || undefined)}
        font-scale=${ifDefined(fontScale)}
        @ad-select=${(e: CustomEvent<{ date: string }>) => {
          (e.currentTarget as HTMLElement & { selected?: string }).selected = e.detail.date;
        }}
      ></assessment-calendar-heatmap>
    </div>`,
  argTypes: {
    dates: { control: 'object', description: "'YYYY-MM-DD' per value (property)" },
    values: { control: 'object', description: 'number[] or Float64Array (property)' },
    lang: { control: 'inline-radio', options: ['zh-CN', 'en'] },
    fontScale: { name: 'font-scale', control: 'inline-radio', options: ['1', '1.5', '2'] },
  },
  args: { dates: DAYS_2025, values: DAILY_CASES_2025, width: '80rem' },
} satisfies Meta<CalendarHeatmapArgs>;

export default meta;
type Story = StoryObj<CalendarHeatmapArgs>;

/** The whole of 2025: the Spring Festival, 清明, 劳动节, 端午 and 国庆 weeks stand out as pale, hatched runs. */
export const Year2025: Story = { args: { lang: 'zh-CN' } };

export const English: Story = { args: { lang: 'en' } };

/** Filtered to one quarter (as after a period filter), with one day selected. */
export const FirstQuarter: Story = {
  args: { lang: 'zh-CN', from: '2025-01-01', to: '2025-03-31', selected: '2025-01-26' },
};

/** A phone-width container: month blocks wrap. */
export const Narrow: Story = {
  args: { lang: 'zh-CN', from: '2025-09-01', to: '2025-10-31', width: '360px' },
};

/** No rows: only the one-sentence summary says so. */
export const Empty: Story = { args: { lang: 'zh-CN', dates: [], values: [] } };

/** Large type (大字版) at phone width: `font-scale="2"`; cells grow with the text. */
export const LargeType: Story = {
  args: { lang: 'zh-CN', from: '2025-09-01', to: '2025-10-31', width: '360px', fontScale: '2' },
};
